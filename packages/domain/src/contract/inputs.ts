import { z } from 'zod';

import {
  CountryCode,
  IanaTimeZone,
  Locale,
  Purpose,
  RawPhone,
  Timestamp,
  Timing,
  inputBase,
} from './primitives';

const AttributeValue = z.union([
  z.string().max(2000),
  z.number().finite(),
  z.boolean(),
  z.array(z.string().max(256)).max(100),
]);
const AttributeName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/, 'must be a plain attribute name');
const Tag = z.string().min(1).max(64);

/** A contact in the tenant's phone-number database. Key `tenantId:externalId`. */
export const ContactUpsert = z.strictObject({
  ...inputBase,
  externalId: z.string().min(1).max(128),
  phone: RawPhone,
  defaultCountry: CountryCode.optional(),
  attributes: z.record(AttributeName, AttributeValue).optional(),
  tags: z.array(Tag).max(100).optional(),
  locale: Locale.optional(),
  timeZone: IanaTimeZone.optional(),
});
export type ContactUpsert = z.infer<typeof ContactUpsert>;

/** What a consent event carries as evidence. Free-form beyond the named fields. */
export const ConsentProof = z.looseObject({
  capturedAt: Timestamp.optional(),
  formUrl: z.string().max(2048).optional(),
  ipAddress: z.string().max(64).optional(),
  messageText: z.string().max(2000).optional(),
  documentRef: z.string().max(512).optional(),
});
export type ConsentProof = z.infer<typeof ConsentProof>;

export const ConsentAction = z.enum(['opt_in', 'opt_out']);
export const ConsentMethod = z.enum([
  'web_form',
  'double_opt_in',
  'keyword',
  'paper',
  'verbal',
  'import',
  'api',
]);

/**
 * A consent change for one number and purpose. Key `tenantId:phone`.
 * An opt_in must carry proof with `capturedAt` and at least one artefact: GDPR Art. 7(1) requires the
 * controller to be able to demonstrate consent; TCPA PEWC disputes turn on the same evidence.
 */
export const ConsentEventFields = z.strictObject({
  ...inputBase,
  phone: RawPhone,
  defaultCountry: CountryCode.optional(),
  purpose: Purpose,
  action: ConsentAction,
  method: ConsentMethod,
  proof: ConsentProof,
  expiresAt: Timestamp.optional(),
});
export const ConsentEvent = ConsentEventFields.superRefine(requireOptInProof);
export type ConsentEvent = z.infer<typeof ConsentEvent>;

/** Adds an issue when an opt_in lacks the proof the contract requires. */
export function requireOptInProof(event: Pick<ConsentEvent, 'action' | 'proof'>, ctx: z.RefinementCtx): void {
  if (event.action !== 'opt_in') return;
  if (!event.proof.capturedAt) {
    ctx.addIssue({
      code: 'custom',
      path: ['proof', 'capturedAt'],
      message: 'an opt_in needs proof.capturedAt',
    });
  }
  const { formUrl, ipAddress, messageText, documentRef } = event.proof;
  if (!formUrl && !ipAddress && !messageText && !documentRef) {
    ctx.addIssue({
      code: 'custom',
      path: ['proof'],
      message: 'an opt_in needs at least one of formUrl, ipAddress, messageText, documentRef',
    });
  }
}

const sendFields = {
  body: z.string().min(1).max(1600),
  senderId: z.string().min(1).max(64).optional(),
  notBefore: Timestamp.optional(),
  expiresAt: Timestamp.optional(),
  timing: Timing.optional(),
};

/** One message to one number. Key `tenantId:id`. */
export const SendRequest = z.strictObject({
  ...inputBase,
  ...sendFields,
  to: RawPhone,
  defaultCountry: CountryCode.optional(),
  purpose: Purpose,
  variables: z
    .record(z.string().min(1).max(64), z.union([z.string().max(1000), z.number(), z.boolean()]))
    .optional(),
  campaignId: z.string().min(1).max(128).optional(),
  contactExternalId: z.string().min(1).max(128).optional(),
});
export type SendRequest = z.infer<typeof SendRequest>;

export const SegmentOp = z.enum(['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in', 'contains', 'exists']);
export const SegmentPredicate = z.strictObject({
  attribute: AttributeName,
  op: SegmentOp,
  value: z
    .union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))])
    .optional(),
});
export type SegmentPredicate = z.infer<typeof SegmentPredicate>;
export const Segment = z.strictObject({
  tagsAll: z.array(Tag).max(50).optional(),
  tagsAny: z.array(Tag).max(50).optional(),
  tagsNone: z.array(Tag).max(50).optional(),
  where: z.array(SegmentPredicate).max(50).optional(),
});
export type Segment = z.infer<typeof Segment>;

/** A marketing message to every contact in a segment. Key `tenantId:campaignId`. */
export const CampaignRequest = z.strictObject({
  ...inputBase,
  ...sendFields,
  campaignId: z.string().min(1).max(128),
  purpose: z.literal('marketing'),
  segment: Segment,
});
export type CampaignRequest = z.infer<typeof CampaignRequest>;

/** A reply from a handset. Key `tenantId:from`. */
export const InboundSms = z.strictObject({
  ...inputBase,
  from: RawPhone,
  to: z.string().min(1).max(64),
  text: z.string().max(1600),
});
export type InboundSms = z.infer<typeof InboundSms>;

/** A delivery receipt from the SMS provider. Key `tenantId:providerMessageId`. */
export const DeliveryReceipt = z.strictObject({
  ...inputBase,
  providerMessageId: z.string().min(1).max(128),
  status: z.enum(['delivered', 'failed', 'undeliverable', 'expired']),
  errorCode: z.string().max(64).optional(),
});
export type DeliveryReceipt = z.infer<typeof DeliveryReceipt>;

/** The right to erasure (HTTP only). */
export const ErasureRequest = z.strictObject({
  ...inputBase,
  phone: RawPhone,
  defaultCountry: CountryCode.optional(),
});
export type ErasureRequest = z.infer<typeof ErasureRequest>;

/** Lifts a campaign pause (HTTP only). */
export const CampaignResume = z.strictObject({
  ...inputBase,
  campaignId: z.string().min(1).max(128),
});
export type CampaignResume = z.infer<typeof CampaignResume>;
