import { Injectable } from '@nestjs/common';

import type { TemplateValue } from '@optline/domain';
import type { Db } from '@optline/platform';

const UPSERT_CONTACTS = `
  insert into contacts (tenant_id, external_id, e164, region, number_type, attributes, tags, locale, time_zone, updated_at)
  select t.tenant_id, t.external_id, t.e164, t.region, t.number_type, t.attributes,
         array(select jsonb_array_elements_text(t.tags)), t.locale, t.time_zone, $10
    from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::jsonb[], $7::jsonb[], $8::text[], $9::text[])
         as t(tenant_id, external_id, e164, region, number_type, attributes, tags, locale, time_zone)
  on conflict (tenant_id, external_id) do update
     set e164 = excluded.e164, region = excluded.region, number_type = excluded.number_type,
         attributes = excluded.attributes, tags = excluded.tags, locale = excluded.locale,
         time_zone = excluded.time_zone, updated_at = excluded.updated_at`;
const CONTACTS_BY_NUMBER = `
  select c.tenant_id, c.external_id, c.e164, c.attributes, c.locale, c.time_zone
    from contacts c
    join unnest($1::text[], $2::text[]) as t(tenant_id, e164) on c.tenant_id = t.tenant_id and c.e164 = t.e164`;
const CONTACTS_BY_ID_OR_NUMBER = `
  select c.tenant_id, c.external_id, c.e164, c.attributes, c.locale, c.time_zone
    from contacts c
    join unnest($1::text[], $2::text[]) as t(tenant_id, external_id)
      on c.tenant_id = t.tenant_id and c.external_id = t.external_id
  union
  select c.tenant_id, c.external_id, c.e164, c.attributes, c.locale, c.time_zone
    from contacts c
    join unnest($3::text[], $4::text[]) as t(tenant_id, e164) on c.tenant_id = t.tenant_id and c.e164 = t.e164`;
const ERASE_CONTACTS = `
  delete from contacts c
   using unnest($1::text[], $2::text[]) as t(tenant_id, e164)
   where c.tenant_id = t.tenant_id and c.e164 = t.e164`;

export interface ContactRow {
  tenantId: string;
  externalId: string;
  e164: string;
  attributes: Record<string, TemplateValue>;
  locale?: string;
  timeZone?: string;
}

export interface ContactWrite {
  tenantId: string;
  externalId: string;
  e164: string;
  region: string;
  numberType: string;
  attributes: Record<string, unknown>;
  tags: string[];
  locale?: string;
  timeZone?: string;
}

interface Row {
  tenant_id: string;
  external_id: string;
  e164: string;
  attributes: Record<string, TemplateValue>;
  locale: string | null;
  time_zone: string | null;
}

/** The contact registry's tables: contacts by (tenant, externalId), found by (tenant, e164) too. */
@Injectable()
export class RegistryRepository {
  /** Upserts replace the contact as given; one row per (tenant, externalId), the last write of a batch wins. */
  async upsert(db: Db, contacts: ContactWrite[], at: Date): Promise<void> {
    const last = [...new Map(contacts.map((c) => [`${c.tenantId}\u0000${c.externalId}`, c])).values()];
    if (last.length === 0) return;
    await db.query(UPSERT_CONTACTS, [
      last.map((c) => c.tenantId),
      last.map((c) => c.externalId),
      last.map((c) => c.e164),
      last.map((c) => c.region),
      last.map((c) => c.numberType),
      last.map((c) => JSON.stringify(c.attributes)),
      last.map((c) => JSON.stringify(c.tags)),
      last.map((c) => c.locale ?? null),
      last.map((c) => c.timeZone ?? null),
      at,
    ]);
  }

  async byNumber(db: Db, numbers: Array<{ tenantId: string; e164: string }>): Promise<ContactRow[]> {
    if (numbers.length === 0) return [];
    const { rows } = await db.query<Row>(CONTACTS_BY_NUMBER, [
      numbers.map((n) => n.tenantId),
      numbers.map((n) => n.e164),
    ]);
    return rows.map(toContact);
  }

  async byIdOrNumber(
    db: Db,
    ids: Array<{ tenantId: string; externalId: string }>,
    numbers: Array<{ tenantId: string; e164: string }>,
  ): Promise<ContactRow[]> {
    if (ids.length === 0) return this.byNumber(db, numbers);
    const { rows } = await db.query<Row>(CONTACTS_BY_ID_OR_NUMBER, [
      ids.map((i) => i.tenantId),
      ids.map((i) => i.externalId),
      numbers.map((n) => n.tenantId),
      numbers.map((n) => n.e164),
    ]);
    return rows.map(toContact);
  }

  /** Deletes every contact of the numbers (their attributes and externalId mapping). Returns how many. */
  async erase(db: Db, numbers: Array<{ tenantId: string; e164: string }>): Promise<number> {
    if (numbers.length === 0) return 0;
    const { rowCount } = await db.query(ERASE_CONTACTS, [
      numbers.map((n) => n.tenantId),
      numbers.map((n) => n.e164),
    ]);
    return rowCount ?? 0;
  }
}

function toContact(row: Row): ContactRow {
  return {
    tenantId: row.tenant_id,
    externalId: row.external_id,
    e164: row.e164,
    attributes: row.attributes,
    ...(row.locale ? { locale: row.locale } : {}),
    ...(row.time_zone ? { timeZone: row.time_zone } : {}),
  };
}
