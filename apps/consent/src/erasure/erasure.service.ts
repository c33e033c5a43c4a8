import { Injectable } from '@nestjs/common';

import { normalisePhone, type ScreenedItem } from '@optline/domain';
import { auditRecord, emit, type Db, type Emit } from '@optline/platform';

import type { LedgerBook } from '../ledger/ledger-book';
import { LedgerRepository } from '../ledger/ledger.repository';
import { LedgerService, PURPOSES } from '../ledger/ledger.service';
import { ErasureRepository } from './erasure.repository';

type ScreenedErasure = Extract<ScreenedItem, { kind: 'erasure' }>;

/**
 * The right to erasure (GDPR Art. 17; CONTRACT §4 POST /v1/erasures). The number's personal data leaves every
 * consent table; the ledger keeps its rows under the keyed fingerprint with the keyed hash of each proof, and an
 * opt-out of every purpose is recorded so the number is never texted again without a new opt-in
 * (compliance-rules.md §3.13: a minimal suppression entry survives erasure).
 */
@Injectable()
export class ErasureService {
  constructor(
    private readonly ledger: LedgerService,
    private readonly ledgerRows: LedgerRepository,
    private readonly erasures: ErasureRepository,
  ) {}

  async erase(db: Db, book: LedgerBook, item: ScreenedErasure, now: Date): Promise<Emit[]> {
    const { tenantId, e164, requestId } = item;
    const fingerprint = this.ledger.fingerprint(tenantId, e164);
    if (!(await this.erasures.recordErasure(db, tenantId, requestId, fingerprint, now))) return [];

    const number = normalisePhone(e164);
    const drafts = PURPOSES.map((purpose) =>
      this.ledger.draft({
        tenantId,
        id: `erasure:${requestId}:${purpose}`,
        e164,
        ...(number.ok ? { region: number.region } : {}),
        purpose,
        action: 'opt_out',
        method: 'api',
        proof: { capturedAt: item.at, documentRef: `erasure:${requestId}` },
        occurredAt: new Date(item.at),
        receivedAt: now,
        source: 'erasure',
        sourceEventId: requestId,
        cause: 'event',
      }),
    );
    const appended = await this.ledger.append(db, book, drafts, now);
    const ledgerRows = await this.ledgerRows.eraseNumber(db, tenantId, fingerprint, now);
    const replyRows = await this.erasures.eraseReplies(db, tenantId, fingerprint);
    book.forget(tenantId, fingerprint);
    return [
      ...appended.records,
      emit('recipientEvents', { kind: 'erased', tenantId, e164, at: item.at }),
      auditRecord('consent', {
        subjectId: `erasure:${requestId}`,
        tenantId,
        at: now,
        action: 'number.erased',
        subject: { phone: e164 },
        detail: {
          requestId,
          numberFingerprint: fingerprint,
          ledgerRowsErased: ledgerRows,
          replyRowsErased: replyRows,
        },
      }),
    ];
  }
}
