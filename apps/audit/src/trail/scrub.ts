import type { AuditEvent, MessageOutcome } from '@optline/domain';
import { maskPhone, phoneFingerprint } from '@optline/domain';

import { sha256Hex, canonicalJson, type IndexColumns } from './chain';

/** A UTF-16 surrogate without its pair. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** An E.164 number anywhere inside a string. */
const E164_IN_TEXT = /\+[1-9]\d{6,14}(?!\d)/g;

/** How a number appears in the trail: a keyed fingerprint to find it by, a masked form to show. */
export interface PhoneForms {
  fingerprint: (e164: string) => string;
}

export function phoneForms(piiKey: string, tenantId: string): PhoneForms {
  return { fingerprint: (e164) => phoneFingerprint(piiKey, tenantId, e164) };
}

/**
 * An identifier that may carry a number (`validation:+12125550123:number.suppressed`) keeps a short fingerprint of
 * it instead: still deterministic, so replays dedupe and lookups by the same id find it, but not the number.
 */
export function scrubId(id: string, phones: PhoneForms): string {
  return id.replace(E164_IN_TEXT, (e164) => `#${phones.fingerprint(e164).slice(0, 16)}`);
}

/**
 * A JSON value fit for the append-only trail and for PostgreSQL's jsonb: numbers inside strings are masked,
 * NUL characters dropped and lone surrogates replaced (jsonb refuses both).
 */
export function scrubValue(value: unknown): unknown {
  if (typeof value === 'string') {
    return value
      .replace(LONE_SURROGATE, '\uFFFD')
      .replaceAll('\u0000', '')
      .replace(E164_IN_TEXT, (e164) => maskPhone(e164));
  }
  if (Array.isArray(value)) return value.map(scrubValue);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [scrubValue(key) as string, scrubValue(item)]),
    );
  }
  return value;
}

export interface TrailEntry {
  tenantId: string;
  recordId: string;
  kind: 'event' | 'outcome';
  body: Record<string, unknown>;
}

/** An audit event as stored: `subject.phone` becomes `phoneFingerprint` + `phoneMasked`; the rest is scrubbed. */
export function auditEntry(event: AuditEvent, phones: PhoneForms): TrailEntry {
  const { phone, messageId, campaignId } = event.subject;
  const subject = {
    ...(messageId !== undefined ? { messageId: scrubId(messageId, phones) } : {}),
    ...(campaignId !== undefined ? { campaignId: scrubId(campaignId, phones) } : {}),
    ...(phone !== undefined
      ? { phoneFingerprint: phones.fingerprint(phone), phoneMasked: maskPhone(phone) }
      : {}),
  };
  const body = scrubValue({ ...event, id: scrubId(event.id, phones), subject: {} }) as Record<
    string,
    unknown
  >;
  body.subject = subject;
  return { tenantId: event.tenantId, recordId: body.id as string, kind: 'event', body };
}

/**
 * An outcome as stored: `to` becomes `toFingerprint` + `toMasked`. Outcomes carry no id, so theirs is made from
 * their content: the same outcome produced twice is stored once, a repeated `deferred` with a new time is not.
 */
export function outcomeEntry(outcome: MessageOutcome, phones: PhoneForms): TrailEntry {
  const { to, ...rest } = outcome;
  const body = scrubValue({
    ...rest,
    messageId: scrubId(outcome.messageId, phones),
    ...(outcome.campaignId !== undefined ? { campaignId: scrubId(outcome.campaignId, phones) } : {}),
  }) as Record<string, unknown>;
  if (to !== undefined) {
    body.toFingerprint = phones.fingerprint(to);
    body.toMasked = maskPhone(to);
  }
  const recordId = `outcome:${body.messageId as string}:${outcome.status}:${sha256Hex(canonicalJson(body)).slice(0, 24)}`;
  return { tenantId: outcome.tenantId, recordId, kind: 'outcome', body };
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The indexed columns of a row, from its body alone (the integrity check recomputes them). */
export function indexColumns(kind: 'event' | 'outcome', body: Record<string, unknown>): IndexColumns {
  if (kind === 'event') {
    const subject = (body.subject ?? {}) as Record<string, unknown>;
    return {
      at: new Date(String(body.at)),
      action: String(body.action),
      reason: text(body.reason),
      messageId: text(subject.messageId),
      campaignId: text(subject.campaignId),
      phoneFingerprint: text(subject.phoneFingerprint),
    };
  }
  return {
    at: new Date(String(body.at)),
    action: `outcome.${String(body.status)}`,
    reason: text(body.reason),
    messageId: text(body.messageId),
    campaignId: text(body.campaignId),
    phoneFingerprint: text(body.toFingerprint),
  };
}
