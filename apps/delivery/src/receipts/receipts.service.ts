import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';

import type { AcceptedReceipt } from '@optline/domain';
import { LOGGER, type Db, type Emit } from '@optline/platform';

import { RecipientStateRepository } from '../recipients/recipient-state.repository';
import { receiptRecords } from '../sending/delivery-records';
import { SendLedgerRepository } from '../sending/send-ledger.repository';
import { factsOfRow } from '../sending/sending.service';

/**
 * Turns provider receipts into outcomes: the provider message id leads back to the message through the send
 * ledger. The first receipt of a send counts; later ones are ignored. A receipt that arrives before its send is
 * reported is kept and republished once it is. `undeliverable` suppresses the number for delivery's own
 * last-moment check (validation is told through the DeliveryEvent).
 */
@Injectable()
export class ReceiptsService {
  constructor(
    private readonly ledger: SendLedgerRepository,
    private readonly recipients: RecipientStateRepository,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async handle(receipts: AcceptedReceipt[], db: Db, now: Date): Promise<Emit[]> {
    const first = new Map<string, AcceptedReceipt>();
    for (const receipt of receipts) {
      const key = `${receipt.value.tenantId}\u0000${receipt.value.providerMessageId}`;
      if (!first.has(key)) first.set(key, receipt);
    }
    const wanted = [...first.values()].map((r) => ({
      tenantId: r.value.tenantId,
      providerMessageId: r.value.providerMessageId,
    }));
    const rows = new Map(
      (await this.ledger.findByProviderIds(db, wanted)).map((row) => [
        `${row.tenantId}\u0000${row.providerMessageId}`,
        row,
      ]),
    );
    const unmatched: AcceptedReceipt[] = [];
    const applicable: AcceptedReceipt[] = [];
    for (const [key, receipt] of first) {
      const row = rows.get(key);
      if (!row || !row.reported) unmatched.push(receipt);
      else if (row.receiptStatus === null) applicable.push(receipt);
      else this.logger.debug({ providerMessageId: receipt.value.providerMessageId }, 'later receipt ignored');
    }
    await this.ledger.saveUnmatchedReceipts(db, unmatched);
    const recorded = await this.ledger.recordReceipts(
      db,
      applicable.map((r) => ({
        tenantId: r.value.tenantId,
        providerMessageId: r.value.providerMessageId,
        status: r.value.status,
      })),
    );
    const outputs: Emit[] = [];
    const suppressions = [];
    for (const receipt of applicable) {
      const key = `${receipt.value.tenantId}\u0000${receipt.value.providerMessageId}`;
      const row = rows.get(key);
      if (!row || !recorded.has(key)) continue;
      outputs.push(...receiptRecords(factsOfRow(row), receipt.value, receipt.value.providerMessageId, now));
      if (receipt.value.status === 'undeliverable') {
        suppressions.push({
          tenantId: row.tenantId,
          phoneFingerprint: row.phoneFingerprint,
          at: new Date(receipt.value.occurredAt),
          providerMessageId: receipt.value.providerMessageId,
          ...(receipt.value.errorCode ? { errorCode: receipt.value.errorCode } : {}),
        });
      }
    }
    await this.recipients.suppress(db, suppressions);
    return outputs;
  }
}
