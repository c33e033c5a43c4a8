import { Injectable } from '@nestjs/common';

import type { Db } from '@optline/platform';

const INSERT_ERASURE = `
  insert into erasure (tenant_id, request_id, number_fingerprint, erased_at)
  values ($1, $2, $3, $4)
  on conflict (tenant_id, request_id) do nothing`;

const ERASE_REPLIES = `
  update inbound_reply set e164 = null, text = null, keyword = null
   where tenant_id = $1 and number_fingerprint = $2 and (e164 is not null or text is not null)`;

const ERASE_COMPLAINTS = `
  update complaint set e164 = null, text = null
   where tenant_id = $1 and number_fingerprint = $2 and (e164 is not null or text is not null)`;

@Injectable()
export class ErasureRepository {
  /** False when this request was already carried out. */
  async recordErasure(
    db: Db,
    tenantId: string,
    requestId: string,
    fingerprint: string,
    at: Date,
  ): Promise<boolean> {
    const { rowCount } = await db.query(INSERT_ERASURE, [tenantId, requestId, fingerprint, at]);
    return (rowCount ?? 0) > 0;
  }

  /** Returns how many reply and complaint rows lost their personal data. */
  async eraseReplies(db: Db, tenantId: string, fingerprint: string): Promise<number> {
    const replies = await db.query(ERASE_REPLIES, [tenantId, fingerprint]);
    const complaints = await db.query(ERASE_COMPLAINTS, [tenantId, fingerprint]);
    return (replies.rowCount ?? 0) + (complaints.rowCount ?? 0);
  }
}
