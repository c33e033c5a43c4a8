import { Injectable } from '@nestjs/common';

import type { CampaignRequest, TemplateValue } from '@optline/domain';
import type { Db } from '@optline/platform';

import { segmentCondition } from './segment-query';

const START = `
  insert into campaign_fanouts (tenant_id, request_id, campaign_id, request, received_at)
  values ($1, $2, $3, $4, $5)
  on conflict (tenant_id, request_id) do nothing
  returning request_id`;
/** One recipient per distinct number among the selected contacts: the smallest externalId holding it. */
const SNAPSHOT = (condition: string) => `
  insert into campaign_recipients (tenant_id, request_id, external_id, e164)
  select distinct on (c.e164) c.tenant_id, $2, c.external_id, c.e164
    from contacts c
   where c.tenant_id = $1 and (${condition})
   order by c.e164, c.external_id`;
const SET_RECIPIENTS = `
  update campaign_fanouts set recipients = $3 where tenant_id = $1 and request_id = $2`;
const LOAD_FANOUT = `
  select request, received_at, cursor, fanned_out, done_at
    from campaign_fanouts
   where tenant_id = $1 and request_id = $2
     for update`;
/** A page of the snapshot; a contact erased or moved to another number since then comes back empty. */
const PAGE = `
  select r.external_id, c.e164, c.region, c.number_type, c.attributes, c.locale, c.time_zone
    from campaign_recipients r
    left join contacts c
      on c.tenant_id = r.tenant_id and c.external_id = r.external_id and c.e164 = r.e164
   where r.tenant_id = $1 and r.request_id = $2 and r.external_id > $3
   order by r.external_id
   limit $4`;
const ADVANCE = `
  update campaign_fanouts set cursor = $3, fanned_out = fanned_out + $4, done_at = $5
   where tenant_id = $1 and request_id = $2
  returning fanned_out`;
const DROP_RECIPIENTS = `delete from campaign_recipients where tenant_id = $1 and request_id = $2`;
const ERASE_NUMBERS = `
  delete from campaign_recipients r
   using unnest($1::text[], $2::text[]) as t(tenant_id, e164)
   where r.tenant_id = t.tenant_id and r.e164 = t.e164`;

export interface Fanout {
  request: CampaignRequest;
  receivedAt: Date;
  cursor: string;
  fannedOut: number;
  done: boolean;
}

export interface PageRecipient {
  externalId: string;
  /** Absent when the contact is gone or holds another number now. */
  contact?: {
    e164: string;
    region: string;
    numberType: string;
    attributes: Record<string, TemplateValue>;
    locale?: string;
    timeZone?: string;
  };
}

/** campaign_fanouts and campaign_recipients: the recorded requests and their recipient snapshots. */
@Injectable()
export class CampaignsRepository {
  /** Records the request; false when it was recorded before (a replayed request fans out once). */
  async start(db: Db, request: CampaignRequest, receivedAt: Date): Promise<boolean> {
    const { rowCount } = await db.query(START, [
      request.tenantId,
      request.id,
      request.campaignId,
      request,
      receivedAt,
    ]);
    return (rowCount ?? 0) > 0;
  }

  /** Fixes the recipients: the segment is evaluated once, here, in PostgreSQL. Returns their number. */
  async snapshot(
    db: Db,
    request: CampaignRequest,
  ): Promise<{ ok: true; recipients: number } | { ok: false; errors: string[] }> {
    const condition = segmentCondition(request.segment, 3);
    if (!condition.ok) return condition;
    const { rowCount } = await db.query(SNAPSHOT(condition.sql), [
      request.tenantId,
      request.id,
      ...condition.params,
    ]);
    const recipients = rowCount ?? 0;
    await db.query(SET_RECIPIENTS, [request.tenantId, request.id, recipients]);
    return { ok: true, recipients };
  }

  async load(db: Db, tenantId: string, requestId: string): Promise<Fanout | undefined> {
    const { rows } = await db.query<{
      request: CampaignRequest;
      received_at: Date;
      cursor: string;
      fanned_out: number;
      done_at: Date | null;
    }>(LOAD_FANOUT, [tenantId, requestId]);
    const row = rows[0];
    if (!row) return undefined;
    return {
      request: row.request,
      receivedAt: row.received_at,
      cursor: row.cursor,
      fannedOut: row.fanned_out,
      done: row.done_at !== null,
    };
  }

  async page(
    db: Db,
    tenantId: string,
    requestId: string,
    after: string,
    size: number,
  ): Promise<PageRecipient[]> {
    const { rows } = await db.query<{
      external_id: string;
      e164: string | null;
      region: string;
      number_type: string;
      attributes: Record<string, TemplateValue>;
      locale: string | null;
      time_zone: string | null;
    }>(PAGE, [tenantId, requestId, after, size]);
    return rows.map((row) => ({
      externalId: row.external_id,
      ...(row.e164 === null
        ? {}
        : {
            contact: {
              e164: row.e164,
              region: row.region,
              numberType: row.number_type,
              attributes: row.attributes,
              ...(row.locale ? { locale: row.locale } : {}),
              ...(row.time_zone ? { timeZone: row.time_zone } : {}),
            },
          }),
    }));
  }

  /** Moves the cursor past a page; on the last page marks the fan-out done and drops its snapshot. */
  async advance(
    db: Db,
    tenantId: string,
    requestId: string,
    page: { cursor: string; messages: number; doneAt?: Date },
  ): Promise<number> {
    const { rows } = await db.query<{ fanned_out: number }>(ADVANCE, [
      tenantId,
      requestId,
      page.cursor,
      page.messages,
      page.doneAt ?? null,
    ]);
    if (page.doneAt) await db.query(DROP_RECIPIENTS, [tenantId, requestId]);
    return rows[0]?.fanned_out ?? 0;
  }

  /** Erasure: the numbers leave every snapshot. */
  async eraseNumbers(db: Db, numbers: Array<{ tenantId: string; e164: string }>): Promise<void> {
    if (numbers.length === 0) return;
    await db.query(ERASE_NUMBERS, [numbers.map((n) => n.tenantId), numbers.map((n) => n.e164)]);
  }
}
