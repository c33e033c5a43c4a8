import { Injectable } from '@nestjs/common';

import type { Purpose } from '@optline/domain';
import type { Db } from '@optline/platform';

import type { ConsentCause, RecipientFacts } from './last-moment-check';

const FACTS = `
  select k.tenant_id, k.phone_fingerprint, k.purpose, c.status, c.cause, c.at, c.ledger_event_id, u.at as suppressed_at
    from unnest($1::text[], $2::text[], $3::text[]) as k(tenant_id, phone_fingerprint, purpose)
    left join recipient_consent c
      on c.tenant_id = k.tenant_id and c.phone_fingerprint = k.phone_fingerprint and c.purpose = k.purpose
    left join undeliverable_number u on u.tenant_id = k.tenant_id and u.phone_fingerprint = k.phone_fingerprint`;
// The newest change per purpose wins whatever order they arrive in; on a tie the opt-out wins.
const RECORD_CONSENT = `
  insert into recipient_consent as c (tenant_id, phone_fingerprint, purpose, status, cause, at, ledger_event_id)
  select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::text[])
  on conflict (tenant_id, phone_fingerprint, purpose) do update
     set status = excluded.status, cause = excluded.cause, at = excluded.at, ledger_event_id = excluded.ledger_event_id
   where excluded.at > c.at or (excluded.at = c.at and excluded.status = 'opted_out' and c.status = 'opted_in')`;
const LIFT_SUPPRESSION = `
  delete from undeliverable_number u
   using unnest($1::text[], $2::text[], $3::timestamptz[]) as x(tenant_id, phone_fingerprint, at)
   where u.tenant_id = x.tenant_id and u.phone_fingerprint = x.phone_fingerprint and u.at <= x.at`;
const SUPPRESS = `
  insert into undeliverable_number as u (tenant_id, phone_fingerprint, at, provider_message_id, error_code)
  select * from unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::text[])
  on conflict (tenant_id, phone_fingerprint) do update
     set at = excluded.at, provider_message_id = excluded.provider_message_id, error_code = excluded.error_code
   where excluded.at > u.at`;

export interface ConsentChange {
  tenantId: string;
  phoneFingerprint: string;
  purpose: Purpose;
  status: 'opted_in' | 'opted_out';
  cause: ConsentCause;
  at: Date;
  ledgerEventId: string;
}

export interface Suppression {
  tenantId: string;
  phoneFingerprint: string;
  at: Date;
  providerMessageId: string;
  errorCode?: string;
}

export const factsKey = (tenantId: string, phoneFingerprint: string, purpose: string) =>
  `${tenantId}\u0000${phoneFingerprint}\u0000${purpose}`;

/** Delivery's own opt-out and suppression tables, for the last-moment check. */
@Injectable()
export class RecipientStateRepository {
  /** Facts per `factsKey(tenant, fingerprint, purpose)`. */
  async facts(
    db: Db,
    keys: Array<{ tenantId: string; phoneFingerprint: string; purpose: Purpose }>,
  ): Promise<Map<string, RecipientFacts>> {
    const facts = new Map<string, RecipientFacts>();
    if (keys.length === 0) return facts;
    const { rows } = await db.query(FACTS, [
      keys.map((k) => k.tenantId),
      keys.map((k) => k.phoneFingerprint),
      keys.map((k) => k.purpose),
    ]);
    for (const row of rows) {
      facts.set(factsKey(row.tenant_id, row.phone_fingerprint, row.purpose), {
        ...(row.status
          ? {
              consent: {
                status: row.status,
                cause: row.cause,
                at: row.at,
                ledgerEventId: row.ledger_event_id,
              },
            }
          : {}),
        ...(row.suppressed_at ? { suppressedAt: row.suppressed_at } : {}),
      });
    }
    return facts;
  }

  async recordConsent(db: Db, changes: ConsentChange[]): Promise<void> {
    const newest = newestPerKey(changes);
    if (newest.length === 0) return;
    await db.query(RECORD_CONSENT, [
      newest.map((c) => c.tenantId),
      newest.map((c) => c.phoneFingerprint),
      newest.map((c) => c.purpose),
      newest.map((c) => c.status),
      newest.map((c) => c.cause),
      newest.map((c) => c.at.toISOString()),
      newest.map((c) => c.ledgerEventId),
    ]);
  }

  /** An opt-in lifts an undeliverable suppression recorded before it (CONTRACT §3: "until its next opt-in"). */
  async liftSuppressions(
    db: Db,
    optIns: Array<{ tenantId: string; phoneFingerprint: string; at: Date }>,
  ): Promise<void> {
    if (optIns.length === 0) return;
    await db.query(LIFT_SUPPRESSION, [
      optIns.map((o) => o.tenantId),
      optIns.map((o) => o.phoneFingerprint),
      optIns.map((o) => o.at.toISOString()),
    ]);
  }

  async suppress(db: Db, suppressions: Suppression[]): Promise<void> {
    const latest = new Map<string, Suppression>();
    for (const s of suppressions) {
      const key = `${s.tenantId}\u0000${s.phoneFingerprint}`;
      const seen = latest.get(key);
      if (!seen || s.at > seen.at) latest.set(key, s);
    }
    const rows = [...latest.values()];
    if (rows.length === 0) return;
    await db.query(SUPPRESS, [
      rows.map((s) => s.tenantId),
      rows.map((s) => s.phoneFingerprint),
      rows.map((s) => s.at.toISOString()),
      rows.map((s) => s.providerMessageId),
      rows.map((s) => s.errorCode ?? null),
    ]);
  }
}

/** One change per key (a statement may not update a row twice): the newest, the opt-out on a tie. */
function newestPerKey(changes: ConsentChange[]): ConsentChange[] {
  const newest = new Map<string, ConsentChange>();
  for (const change of changes) {
    const key = factsKey(change.tenantId, change.phoneFingerprint, change.purpose);
    const seen = newest.get(key);
    const later =
      !seen ||
      change.at > seen.at ||
      (change.at.getTime() === seen.at.getTime() && change.status === 'opted_out');
    if (later) newest.set(key, change);
  }
  return [...newest.values()];
}
