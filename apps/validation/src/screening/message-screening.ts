import {
  E164,
  checkContent,
  checkIndiaDlt,
  checkSenderIdentity,
  countSegments,
  prepareMarketingBody,
  renderTemplate,
  tenantCompliance,
  type ContentViolation,
  type EffectivePolicy,
  type NormalisedPhone,
  type Purpose,
  type ReasonCode,
  type TemplateValue,
  type TenantConfig,
  type Timing,
  type WorkMessage,
} from '@optline/domain';
import { auditRecord, emit, messageOutcome, messageSubject, type Emit } from '@optline/platform';

import { inactiveForMarketing, suppressedUndeliverable, type HygieneState } from '../hygiene/hygiene-state';
import { hasCountry, recipientOf, type ContactProfile } from '../numbers/recipient';

/** One message to one number: a SendRequest, or one recipient of a campaign fan-out. */
export interface MessageToScreen {
  messageId: string;
  tenantId: string;
  campaignId?: string;
  purpose: Purpose;
  body: string;
  variables?: Record<string, TemplateValue>;
  senderId?: string;
  timing?: Timing;
  notBefore?: string;
  expiresAt?: string;
  requestedAt: string;
  acceptedAt: string;
  number: NormalisedPhone;
  /** Attributes that fill placeholders (the contact named by contactExternalId, or the fanned-out contact). */
  attributes?: Record<string, TemplateValue>;
  /** Locale and time zone of the contact that holds the number. */
  profile?: ContactProfile;
  hygiene: HygieneState;
}

export interface ScreeningContext {
  tenant: TenantConfig;
  policy: EffectivePolicy;
  now: Date;
}

export interface ScreeningResult {
  records: Emit[];
  /** Blocked SUPPRESSED_INACTIVE: the number is (still) inactive. */
  inactive: boolean;
}

/**
 * Validation's decisions on one message, in order: the number (valid, SMS-capable, an allowed country), its
 * hygiene (undeliverable suppression, the marketing sunset rule), then the content (placeholders rendered,
 * sender name and opt-out wording for marketing, shorteners, banned phrases, segments). A message that passes
 * goes on to consent as a WorkMessage keyed by its recipient; one that does not is blocked with its reason.
 * Every message gets `message.received` first.
 */
export function screenMessage(message: MessageToScreen, context: ScreeningContext): ScreeningResult {
  const { now, tenant } = context;
  const number = message.number;
  // Only a well-formed E.164 leaves in an outcome or audit subject.
  const to = number.e164 !== undefined && E164.safeParse(number.e164).success ? number.e164 : undefined;
  const ref = {
    messageId: message.messageId,
    tenantId: message.tenantId,
    campaignId: message.campaignId,
    to,
  };
  const received = auditRecord('validation', {
    subjectId: message.messageId,
    tenantId: message.tenantId,
    at: now,
    action: 'message.received',
    subject: messageSubject(ref),
    detail: { purpose: message.purpose, kind: 'request' },
  });
  const block = (reason: ReasonCode, detail?: Record<string, unknown>, inactive = false) => ({
    // The terminal `blocked` outcome and its `message.blocked` audit event.
    records: [
      received,
      messageOutcome(ref, { status: 'blocked', reason, at: now, ...(detail ? { detail } : {}) }),
      auditRecord('validation', {
        subjectId: message.messageId,
        tenantId: message.tenantId,
        at: now,
        action: 'message.blocked',
        subject: messageSubject(ref),
        reason,
        detail,
      }),
    ],
    inactive,
  });

  if (!number.ok)
    return block(number.reason, number.numberType ? { numberType: number.numberType } : undefined);
  if (
    !hasCountry(number.region) ||
    (tenant.allowedCountries && !tenant.allowedCountries.includes(number.region))
  ) {
    return block('COUNTRY_NOT_ALLOWED', {
      region: number.region,
      allowedCountries: tenant.allowedCountries ?? [],
    });
  }
  if (suppressedUndeliverable(message.hygiene)) {
    return block('SUPPRESSED_UNDELIVERABLE', {
      undeliverableAt: message.hygiene.undeliverableAt?.toISOString(),
    });
  }
  if (message.purpose === 'marketing' && inactiveForMarketing(message.hygiene, now)) {
    const { marketingSendsSinceReply, firstSendSinceReplyAt } = message.hygiene;
    return block(
      'SUPPRESSED_INACTIVE',
      { marketingSendsSinceReply, silentSince: firstSendSinceReplyAt?.toISOString() },
      true,
    );
  }

  const senderId = message.senderId ?? tenant.senderId;
  const rendered = renderTemplate(message.body, { ...message.attributes, ...message.variables });
  const text = rendered.ok ? rendered.text : message.body;
  const body =
    message.purpose === 'marketing'
      ? prepareMarketingBody({
          text,
          senderName: senderId,
          region: number.region,
          locale: message.profile?.locale,
        })
      : text;
  const compliance = tenantCompliance(tenant);
  const content = checkContent(body, {
    bannedPhrases: context.policy.bannedPhrases,
    brandedDomains: compliance.brandedDomains,
  });
  const violations: ContentViolation[] = [
    ...(rendered.ok
      ? content
      : [
          ...rendered.missing.map((name): ContentViolation => ({
            rule: 'UNRESOLVED_PLACEHOLDER',
            detail: `{{${name}}}`,
          })),
          ...content.filter((v) => v.rule !== 'UNRESOLVED_PLACEHOLDER'),
        ]),
    // Every purpose: India's DLT scrubs promotional, transactional and service SMS alike (india-dlt.rule.ts).
    ...checkIndiaDlt({ region: number.region, senderId, body }, compliance.dlt),
    ...(message.purpose === 'marketing'
      ? checkSenderIdentity({ region: number.region, body }, compliance.senderContact, now)
      : []),
  ];
  if (violations.length > 0) return block('CONTENT_VIOLATION', { violations });

  const work: WorkMessage = {
    kind: 'request',
    messageId: message.messageId,
    tenantId: message.tenantId,
    ...(message.campaignId ? { campaignId: message.campaignId } : {}),
    purpose: message.purpose,
    recipient: recipientOf(number, message.profile),
    body,
    segments: countSegments(body).segments,
    senderId,
    timing: message.timing ?? 'immediate',
    ...(message.notBefore ? { notBefore: message.notBefore } : {}),
    ...(message.expiresAt ? { expiresAt: message.expiresAt } : {}),
    requestedAt: message.requestedAt,
    acceptedAt: message.acceptedAt,
  };
  return {
    records: [received, emit('screened', { kind: 'message', message: work })],
    inactive: false,
  };
}
