import { Injectable } from '@nestjs/common';

import type { ScreenedItem } from '@optline/domain';
import type { Db, Emit } from '@optline/platform';

import { ConsentCheckService } from '../check/consent-check.service';
import { ErasureService } from '../erasure/erasure.service';
import { ConsentEventsService } from '../ledger/consent-events.service';
import { LedgerBook } from '../ledger/ledger-book';
import { LedgerRepository } from '../ledger/ledger.repository';
import { LedgerService } from '../ledger/ledger.service';
import { RepliesService } from '../replies/replies.service';

/**
 * One batch of screened items, in order: the ledgers of every number in it are read once, and each item sees
 * the changes the items before it made (an opt-in then a message for the same number, in one batch).
 */
@Injectable()
export class ScreenedService {
  constructor(
    private readonly ledger: LedgerService,
    private readonly ledgerRows: LedgerRepository,
    private readonly consentEvents: ConsentEventsService,
    private readonly replies: RepliesService,
    private readonly checks: ConsentCheckService,
    private readonly erasures: ErasureService,
  ) {}

  async process(db: Db, items: ScreenedItem[], now: Date): Promise<Emit[]> {
    const book = new LedgerBook(await this.ledgerRows.ledgersOf(db, this.numbersOf(items)));
    const checks = await this.checks.begin(
      db,
      items.flatMap((item) => (item.kind === 'message' ? [item.message] : [])),
    );
    const records: Emit[] = [];
    for (const item of items) {
      switch (item.kind) {
        case 'message':
          records.push(...checks.check(book, item.message, now));
          break;
        case 'consent':
          records.push(...(await this.consentEvents.record(db, book, item, now)));
          break;
        case 'inbound':
          records.push(...(await this.replies.handle(db, book, item, now)));
          break;
        case 'erasure':
          records.push(...(await this.erasures.erase(db, book, item, now)));
          break;
      }
    }
    await this.checks.finish(db, checks);
    return records;
  }

  private numbersOf(items: ScreenedItem[]): Array<{ tenantId: string; fingerprint: string }> {
    const numbers = new Map<string, { tenantId: string; fingerprint: string }>();
    for (const item of items) {
      const [tenantId, e164] = tenantAndNumber(item);
      numbers.set(`${tenantId} ${e164}`, { tenantId, fingerprint: this.ledger.fingerprint(tenantId, e164) });
    }
    return [...numbers.values()];
  }
}

function tenantAndNumber(item: ScreenedItem): [string, string] {
  switch (item.kind) {
    case 'message':
      return [item.message.tenantId, item.message.recipient.e164];
    case 'consent':
      return [item.event.tenantId, item.e164];
    case 'inbound':
      return [item.inbound.tenantId, item.recipient.e164];
    case 'erasure':
      return [item.tenantId, item.e164];
  }
}
