import { z } from 'zod';

import {
  CampaignRequest,
  CampaignResume,
  ConsentEvent,
  ContactUpsert,
  DeliveryReceipt,
  ErasureRequest,
  InboundSms,
  SendRequest,
} from './inputs';
import { CountryCode, E164, Purpose, TenantId, Timestamp, Timing } from './primitives';

/*
 * Internal topics: the developers' to change, but each shape is still a contract between two services,
 * so it lives here and nowhere else. Never change a published shape; add a .v2 topic.
 */

/** An input that passed schema, tenant and idempotency checks (ingestion → validation). */
export const AcceptedInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('contact'), receivedAt: Timestamp, value: ContactUpsert }),
  z.object({ kind: z.literal('consent'), receivedAt: Timestamp, value: ConsentEvent }),
  z.object({ kind: z.literal('message'), receivedAt: Timestamp, value: SendRequest }),
  z.object({ kind: z.literal('campaign'), receivedAt: Timestamp, value: CampaignRequest }),
  z.object({ kind: z.literal('inbound'), receivedAt: Timestamp, value: InboundSms }),
  z.object({ kind: z.literal('erasure'), receivedAt: Timestamp, value: ErasureRequest }),
]);
export type AcceptedInput = z.infer<typeof AcceptedInput>;

/** An accepted receipt (ingestion → delivery). */
export const AcceptedReceipt = z.object({ receivedAt: Timestamp, value: DeliveryReceipt });
export type AcceptedReceipt = z.infer<typeof AcceptedReceipt>;

/** A campaign control command (ingestion → scheduling). */
export const CampaignControl = z.object({
  kind: z.literal('resume'),
  receivedAt: Timestamp,
  value: CampaignResume,
});
export type CampaignControl = z.infer<typeof CampaignControl>;

/** What validation learned about a number. */
export const Recipient = z.object({
  e164: E164,
  region: CountryCode,
  numberType: z.string(),
  /** Candidate IANA zones; the contact's own zone, when known, is the only candidate. */
  zones: z.array(z.string()),
  /** US/CA state or province codes that apply, e.g. ["FL"]. */
  subdivisions: z.array(z.string()),
  locale: z.string().optional(),
});
export type Recipient = z.infer<typeof Recipient>;

/**
 * A message on its way from validation to the provider. `kind` marks replies the system itself sends
 * (STOP confirmation, HELP text), which bypass consent, sending window and caps but not the send ledger.
 */
export const WorkMessage = z.object({
  kind: z.enum(['request', 'confirmation', 'help']),
  messageId: z.string().min(1),
  tenantId: TenantId,
  campaignId: z.string().optional(),
  purpose: Purpose,
  recipient: Recipient,
  /** Final text: rendered, with sender name and opt-out wording. */
  body: z.string(),
  segments: z.number().int(),
  senderId: z.string(),
  timing: Timing,
  notBefore: Timestamp.optional(),
  expiresAt: Timestamp.optional(),
  /** When the producer said it happened, and when ingestion accepted it (latency is measured from here). */
  requestedAt: Timestamp,
  acceptedAt: Timestamp,
  /** The consent ledger event that allowed it (set by consent). */
  consentEventId: z.string().optional(),
});
export type WorkMessage = z.infer<typeof WorkMessage>;

/** Validation → consent, keyed `tenantId:e164` so all facts about one recipient share a partition. */
export const ScreenedItem = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('message'), message: WorkMessage }),
  z.object({ kind: z.literal('consent'), e164: E164, receivedAt: Timestamp, event: ConsentEvent }),
  z.object({
    kind: z.literal('inbound'),
    recipient: Recipient,
    receivedAt: Timestamp,
    inbound: InboundSms,
  }),
  z.object({
    kind: z.literal('erasure'),
    tenantId: TenantId,
    e164: E164,
    requestId: z.string(),
    at: Timestamp,
  }),
]);
export type ScreenedItem = z.infer<typeof ScreenedItem>;

/** Consent → scheduling: messages that have consent (or are exempt system replies). Keyed `tenantId:e164`. */
export const ClearedItem = z.object({ kind: z.literal('message'), message: WorkMessage });
export type ClearedItem = z.infer<typeof ClearedItem>;

/** Facts about a recipient that consent publishes for everyone downstream. Keyed `tenantId:e164`. */
export const RecipientEvent = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('consent_changed'),
    tenantId: TenantId,
    e164: E164,
    purpose: Purpose,
    status: z.enum(['opted_in', 'opted_out']),
    cause: z.enum(['event', 'keyword', 'complaint']),
    ledgerEventId: z.string(),
    at: Timestamp,
  }),
  z.object({
    kind: z.literal('replied'),
    tenantId: TenantId,
    e164: E164,
    classification: z.enum(['STOP', 'START', 'HELP', 'COMPLAINT', 'FEEDBACK']),
    at: Timestamp,
  }),
  z.object({ kind: z.literal('erased'), tenantId: TenantId, e164: E164, at: Timestamp }),
]);
export type RecipientEvent = z.infer<typeof RecipientEvent>;

/** Scheduling → scheduling: a deferred message is due. Duplicates are harmless. */
export const DueTick = z.object({ tenantId: TenantId, e164: E164, messageId: z.string() });
export type DueTick = z.infer<typeof DueTick>;

/** Scheduling → delivery: send now. Keyed `tenantId:e164`. */
export const ReleasedItem = z.object({ message: WorkMessage, releasedAt: Timestamp });
export type ReleasedItem = z.infer<typeof ReleasedItem>;

/** Delivery → validation (hygiene): what happened at the provider. Keyed `tenantId:e164`. */
export const DeliveryEvent = z.object({
  tenantId: TenantId,
  e164: E164,
  messageId: z.string(),
  purpose: Purpose,
  campaignId: z.string().optional(),
  status: z.enum(['sent', 'delivered', 'failed', 'undeliverable']),
  at: Timestamp,
});
export type DeliveryEvent = z.infer<typeof DeliveryEvent>;

/** Validation → validation: the next page of a campaign fan-out. Keyed `tenantId:campaignId`. */
export const FanoutPage = z.object({
  tenantId: TenantId,
  requestId: z.string(),
  campaignId: z.string(),
  /** The last externalId already fanned out; absent for the first page. */
  after: z.string().optional(),
});
export type FanoutPage = z.infer<typeof FanoutPage>;
