import { Injectable } from '@nestjs/common';
import { Pool } from 'pg';

import type { Db } from '@optline/platform';

const CLAIM_IDS = `
  insert into input_ids (tenant_id, topic, input_id, first_seen_at)
  select t.tenant_id, $1, t.input_id, $4
    from unnest($2::text[], $3::text[]) as t(tenant_id, input_id)
  on conflict do nothing
  returning tenant_id, input_id`;
const PRUNE_CHUNK = 5000;
const PRUNE_IDS = `
  delete from input_ids
   where ctid = any(array(select ctid from input_ids where first_seen_at < $1 limit ${PRUNE_CHUNK}))`;

/** The idempotency store: which (tenant, topic, id) ingestion has already accepted. */
@Injectable()
export class IntakeRepository {
  constructor(private readonly pool: Pool) {}

  /**
   * Records the ids as seen and answers the ones that were new (as `tenant\u0000id`). The caller passes each
   * (tenant, id) once; ids already stored are left alone and not returned.
   */
  async claim(
    db: Db,
    topic: string,
    ids: Array<{ tenantId: string; id: string }>,
    at: Date,
  ): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const { rows } = await db.query<{ tenant_id: string; input_id: string }>(CLAIM_IDS, [
      topic,
      ids.map((entry) => entry.tenantId),
      ids.map((entry) => entry.id),
      at,
    ]);
    return new Set(rows.map((row) => idKey(row.tenant_id, row.input_id)));
  }

  /** Forgets ids first seen before `before`, in small chunks so no long lock is held. Returns how many. */
  async prune(before: Date): Promise<number> {
    let total = 0;
    for (;;) {
      const { rowCount } = await this.pool.query(PRUNE_IDS, [before]);
      total += rowCount ?? 0;
      if ((rowCount ?? 0) < PRUNE_CHUNK) return total;
    }
  }
}

export function idKey(tenantId: string, id: string): string {
  return `${tenantId}\u0000${id}`;
}
