import { Injectable } from '@nestjs/common';
import { Pool } from 'pg';

import { inTransaction, type Db } from '@optline/platform';

const ACCEPT = `
  insert into simulator_message (tenant_id, message_id, provider_message_id, receipt_status, error_code, receipt_due_at)
  select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[])
  on conflict (tenant_id, message_id) do update set sends = simulator_message.sends + 1`;
const FIND_BY_REFERENCE = `
  select provider_message_id, receipt_status, receipt_published from simulator_message where tenant_id = $1 and message_id = $2`;
const FIND_BY_ID = `
  select provider_message_id, receipt_status, receipt_published from simulator_message where provider_message_id = $1`;
const CLAIM_DUE_RECEIPTS = `
  select tenant_id, message_id, provider_message_id, receipt_status, error_code
    from simulator_message
   where not receipt_published and receipt_due_at <= now()
   order by receipt_due_at
   limit $1
   for update skip locked`;
const MARK_PUBLISHED = `
  update simulator_message set receipt_published = true
   where (tenant_id, message_id) in (select * from unnest($1::text[], $2::text[]))`;

export interface SimulatedAcceptance {
  tenantId: string;
  messageId: string;
  providerMessageId: string;
  receiptStatus: 'delivered' | 'failed' | 'undeliverable';
  errorCode?: string;
  receiptDueAt: Date;
}

export interface SimulatedMessage {
  providerMessageId: string;
  receiptStatus: string;
  receiptPublished: boolean;
}

export interface DueReceipt {
  tenantId: string;
  messageId: string;
  providerMessageId: string;
  receiptStatus: 'delivered' | 'failed' | 'undeliverable';
  errorCode: string | null;
}

/**
 * The simulator's store. Acceptances made in the same tick are written with one statement (many provider calls
 * run at once per batch); each caller's promise settles once its row is committed.
 */
@Injectable()
export class SimulatorRepository {
  private queue: Array<{ row: SimulatedAcceptance; done: (error?: Error) => void }> = [];

  constructor(private readonly pool: Pool) {}

  accept(row: SimulatedAcceptance): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (this.queue.length === 0) setImmediate(() => void this.flush());
      this.queue.push({ row, done: (error) => (error ? reject(error) : resolve()) });
    });
  }

  async findByReference(tenantId: string, messageId: string): Promise<SimulatedMessage | undefined> {
    const { rows } = await this.pool.query(FIND_BY_REFERENCE, [tenantId, messageId]);
    return rows[0] ? toMessage(rows[0]) : undefined;
  }

  async findById(providerMessageId: string): Promise<SimulatedMessage | undefined> {
    const { rows } = await this.pool.query(FIND_BY_ID, [providerMessageId]);
    return rows[0] ? toMessage(rows[0]) : undefined;
  }

  /** Hands due receipts to `publish` and marks them published only once it resolves (all in one transaction). */
  async publishDueReceipts(
    limit: number,
    publish: (receipts: DueReceipt[]) => Promise<void>,
  ): Promise<number> {
    return inTransaction(this.pool, async (tx: Db) => {
      const { rows } = await tx.query(CLAIM_DUE_RECEIPTS, [limit]);
      if (rows.length === 0) return 0;
      const due: DueReceipt[] = rows.map((row) => ({
        tenantId: row.tenant_id,
        messageId: row.message_id,
        providerMessageId: row.provider_message_id,
        receiptStatus: row.receipt_status,
        errorCode: row.error_code,
      }));
      await publish(due);
      await tx.query(MARK_PUBLISHED, [due.map((r) => r.tenantId), due.map((r) => r.messageId)]);
      return due.length;
    });
  }

  private async flush(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    const rows = batch.map((item) => item.row);
    try {
      await this.pool.query(ACCEPT, [
        rows.map((r) => r.tenantId),
        rows.map((r) => r.messageId),
        rows.map((r) => r.providerMessageId),
        rows.map((r) => r.receiptStatus),
        rows.map((r) => r.errorCode ?? null),
        rows.map((r) => r.receiptDueAt.toISOString()),
      ]);
      for (const item of batch) item.done();
    } catch (error) {
      for (const item of batch) item.done(error as Error);
    }
  }
}

function toMessage(row: {
  provider_message_id: string;
  receipt_status: string;
  receipt_published: boolean;
}): SimulatedMessage {
  return {
    providerMessageId: row.provider_message_id,
    receiptStatus: row.receipt_status,
    receiptPublished: row.receipt_published,
  };
}
