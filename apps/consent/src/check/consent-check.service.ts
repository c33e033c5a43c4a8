import { Injectable } from '@nestjs/common';

import { checkConsent, type WorkMessage } from '@optline/domain';
import { auditRecord, emit, messageOutcome, messageSubject, type Db, type Emit } from '@optline/platform';

import type { LedgerBook } from '../ledger/ledger-book';
import { LedgerService } from '../ledger/ledger.service';
import { ConsentCheckRepository, messageKey, type CheckedMessage } from './consent-check.repository';

/**
 * The consent check of each message (CONTRACT §3): marketing needs a current opt-in, transactional only the
 * absence of an opt-out. Allowed messages go on to scheduling naming the ledger event that allowed them;
 * the system's own replies (STOP confirmation, HELP text) are exempt.
 */
@Injectable()
export class ConsentCheckService {
  constructor(
    private readonly ledger: LedgerService,
    private readonly checks: ConsentCheckRepository,
  ) {}

  /** A batch's messages, decided once per message id. */
  async begin(db: Db, messages: WorkMessage[]): Promise<ConsentCheckBatch> {
    const requests = messages.filter((message) => message.kind === 'request');
    return new ConsentCheckBatch(await this.checks.checked(db, requests), this.ledger);
  }

  async finish(db: Db, batch: ConsentCheckBatch): Promise<void> {
    await this.checks.save(db, batch.decisions);
  }
}

export class ConsentCheckBatch {
  readonly decisions: CheckedMessage[] = [];

  constructor(
    private readonly seen: Set<string>,
    private readonly ledger: LedgerService,
  ) {}

  check(book: LedgerBook, message: WorkMessage, now: Date): Emit[] {
    if (message.kind !== 'request') return [emit('cleared', { kind: 'message', message })];
    const key = messageKey(message.tenantId, message.messageId);
    if (this.seen.has(key)) return [];
    this.seen.add(key);

    const fingerprint = this.ledger.fingerprint(message.tenantId, message.recipient.e164);
    const state = book.state(message.tenantId, fingerprint, message.purpose, now);
    const check = checkConsent(message.purpose, state);
    this.decisions.push({
      tenantId: message.tenantId,
      messageId: message.messageId,
      allowed: check.allowed,
      ...(check.allowed ? {} : { reason: check.reason }),
      ...(check.eventId === undefined ? {} : { ledgerEventId: check.eventId }),
      checkedAt: now,
      fingerprint,
      purpose: message.purpose,
    });
    const ref = {
      messageId: message.messageId,
      tenantId: message.tenantId,
      campaignId: message.campaignId,
      to: message.recipient.e164,
    };
    const subject = messageSubject(ref);
    const checked = auditRecord('consent', {
      subjectId: message.messageId,
      tenantId: message.tenantId,
      at: now,
      action: 'consent.checked',
      subject,
      ...(check.allowed ? {} : { reason: check.reason }),
      detail: {
        purpose: message.purpose,
        status: state.status,
        ...(check.eventId === undefined ? {} : { ledgerEventId: check.eventId }),
      },
    });
    if (check.allowed) {
      const cleared = check.eventId === undefined ? message : { ...message, consentEventId: check.eventId };
      return [checked, emit('cleared', { kind: 'message', message: cleared })];
    }
    return [
      checked,
      auditRecord('consent', {
        subjectId: message.messageId,
        tenantId: message.tenantId,
        at: now,
        action: 'message.blocked',
        subject,
        reason: check.reason,
        detail: {
          purpose: message.purpose,
          ...(check.eventId === undefined ? {} : { ledgerEventId: check.eventId }),
        },
      }),
      messageOutcome(ref, {
        status: 'blocked',
        reason: check.reason,
        at: now,
        detail: check.eventId === undefined ? {} : { ledgerEventId: check.eventId },
      }),
    ];
  }
}
