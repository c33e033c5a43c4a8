import { Injectable } from '@nestjs/common';

import type { Db } from '@optline/platform';

const RECORD_CONTACTS = `
  insert into known_contacts (tenant_id, external_id, e164, import_id, updated_at)
  select t.tenant_id, t.external_id, t.e164, t.import_id, $5
    from unnest($1::text[], $2::text[], $3::text[], $4::text[]) as t(tenant_id, external_id, e164, import_id)
  on conflict (tenant_id, external_id) do update
     set e164 = excluded.e164, import_id = excluded.import_id, updated_at = excluded.updated_at`;
const FIND_KNOWN = `
  select external_id, e164, import_id
    from known_contacts
   where tenant_id = $1 and (external_id = any($2::text[]) or e164 = any($3::text[]))`;
const FIND_SUPPRESSED = `
  select fingerprint
    from number_suppressions
   where tenant_id = $1 and fingerprint = any($2::text[])
     and greatest(undeliverable_at, erased_at) > coalesce(opted_in_at, '-infinity')`;
/** Each fact sets one of the three times; `greatest` ignores the nulls and keeps the latest of each. */
const MARK = `
  insert into number_suppressions as n (tenant_id, fingerprint, undeliverable_at, erased_at, opted_in_at)
  select * from unnest($1::text[], $2::text[], $3::timestamptz[], $4::timestamptz[], $5::timestamptz[])
  on conflict (tenant_id, fingerprint) do update
     set undeliverable_at = greatest(n.undeliverable_at, excluded.undeliverable_at),
         erased_at = greatest(n.erased_at, excluded.erased_at),
         opted_in_at = greatest(n.opted_in_at, excluded.opted_in_at)`;
const FORGET_NUMBERS = `
  delete from known_contacts k
   using unnest($1::text[], $2::text[]) as t(tenant_id, e164)
   where k.tenant_id = t.tenant_id and k.e164 = t.e164`;

export interface KnownContact {
  externalId: string;
  e164: string;
  importId: string | null;
}

export interface NumberFact {
  tenantId: string;
  fingerprint: string;
  at: Date;
}

export type SuppressionFact = 'undeliverable' | 'erased' | 'opted_in';

/** Ingestion's view of the tenant's numbers: contacts it forwarded, and suppressions it heard of. */
@Injectable()
export class TenantNumbersRepository {
  async recordContacts(
    db: Db,
    contacts: Array<{ tenantId: string; externalId: string; e164: string; importId: string | null }>,
    at: Date,
  ): Promise<void> {
    // One statement may not update a row twice: the last upsert of an externalId wins, as on the topic.
    const last = new Map(
      contacts.map((contact) => [`${contact.tenantId}\u0000${contact.externalId}`, contact]),
    );
    if (last.size === 0) return;
    const rows = [...last.values()];
    await db.query(RECORD_CONTACTS, [
      rows.map((row) => row.tenantId),
      rows.map((row) => row.externalId),
      rows.map((row) => row.e164),
      rows.map((row) => row.importId),
      at,
    ]);
  }

  async findKnown(db: Db, tenantId: string, externalIds: string[], e164s: string[]): Promise<KnownContact[]> {
    const { rows } = await db.query<{ external_id: string; e164: string; import_id: string | null }>(
      FIND_KNOWN,
      [tenantId, externalIds, e164s],
    );
    return rows.map((row) => ({ externalId: row.external_id, e164: row.e164, importId: row.import_id }));
  }

  async findSuppressed(db: Db, tenantId: string, fingerprints: string[]): Promise<Set<string>> {
    if (fingerprints.length === 0) return new Set();
    const { rows } = await db.query<{ fingerprint: string }>(FIND_SUPPRESSED, [tenantId, fingerprints]);
    return new Set(rows.map((row) => row.fingerprint));
  }

  /** Records when numbers were last undeliverable, erased or opted in (the latest time of each wins). */
  async mark(db: Db, facts: Array<NumberFact & { fact: SuppressionFact }>): Promise<void> {
    // One row per number per statement: merge a batch's facts about one number first.
    const rows = new Map<
      string,
      { tenantId: string; fingerprint: string } & Partial<Record<SuppressionFact, Date>>
    >();
    for (const entry of facts) {
      const key = `${entry.tenantId}\u0000${entry.fingerprint}`;
      const row = rows.get(key) ?? { tenantId: entry.tenantId, fingerprint: entry.fingerprint };
      const seen = row[entry.fact];
      if (!seen || seen < entry.at) row[entry.fact] = entry.at;
      rows.set(key, row);
    }
    if (rows.size === 0) return;
    const list = [...rows.values()];
    await db.query(MARK, [
      list.map((r) => r.tenantId),
      list.map((r) => r.fingerprint),
      list.map((r) => r.undeliverable ?? null),
      list.map((r) => r.erased ?? null),
      list.map((r) => r.opted_in ?? null),
    ]);
  }

  /** Erasure: ingestion keeps no contact of the number (only the fingerprint, in number_suppressions). */
  async forgetNumbers(db: Db, numbers: Array<{ tenantId: string; e164: string }>): Promise<void> {
    if (numbers.length === 0) return;
    await db.query(FORGET_NUMBERS, [numbers.map((n) => n.tenantId), numbers.map((n) => n.e164)]);
  }
}
