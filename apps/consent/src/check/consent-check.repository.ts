import { Injectable } from '@nestjs/common';

import type { Purpose } from '@optline/domain';
import type { Db } from '@optline/platform';

const SELECT_CHECKED = `
  select c.tenant_id, c.message_id
    from checked_message c
    join unnest($1::text[], $2::text[]) as m(tenant_id, message_id)
      on c.tenant_id = m.tenant_id and c.message_id = m.message_id`;

const INSERT_CHECKED = `
  insert into checked_message (tenant_id, message_id, allowed, reason, ledger_event_id, checked_at,
                               number_fingerprint, purpose)
  select tenant_id, message_id, allowed, reason, ledger_event_id, checked_at, number_fingerprint, purpose
    from jsonb_to_recordset($1::jsonb) as r(tenant_id text, message_id text, allowed boolean, reason text,
         ledger_event_id text, checked_at timestamptz, number_fingerprint text, purpose text)
  on conflict (tenant_id, message_id) do nothing`;

export interface CheckedMessage {
  tenantId: string;
  messageId: string;
  allowed: boolean;
  reason?: string;
  ledgerEventId?: string;
  checkedAt: Date;
  fingerprint: string;
  purpose: Purpose;
}

@Injectable()
export class ConsentCheckRepository {
  /** Keys (`tenantId messageId`) of the messages already decided. */
  async checked(db: Db, messages: Array<{ tenantId: string; messageId: string }>): Promise<Set<string>> {
    if (messages.length === 0) return new Set();
    const { rows } = await db.query<{ tenant_id: string; message_id: string }>(SELECT_CHECKED, [
      messages.map((message) => message.tenantId),
      messages.map((message) => message.messageId),
    ]);
    return new Set(rows.map((row) => messageKey(row.tenant_id, row.message_id)));
  }

  async save(db: Db, decisions: CheckedMessage[]): Promise<void> {
    if (decisions.length === 0) return;
    const rows = decisions.map((decision) => ({
      tenant_id: decision.tenantId,
      message_id: decision.messageId,
      allowed: decision.allowed,
      reason: decision.reason ?? null,
      ledger_event_id: decision.ledgerEventId ?? null,
      checked_at: decision.checkedAt.toISOString(),
      number_fingerprint: decision.fingerprint,
      purpose: decision.purpose,
    }));
    await db.query(INSERT_CHECKED, [JSON.stringify(rows)]);
  }
}

export function messageKey(tenantId: string, messageId: string): string {
  return `${tenantId}\u0000${messageId}`;
}
