import { Injectable } from '@nestjs/common';

import { ConsentEvent, normalisePhone, parseWith, type ScreenedItem } from '@optline/domain';
import { auditRecord, type Db, type Emit } from '@optline/platform';

import type { LedgerBook } from './ledger-book';
import { LedgerService } from './ledger.service';

type ScreenedConsent = Extract<ScreenedItem, { kind: 'consent' }>;

/** Consent events from producers (optline.consents.v1, screened by validation) into the ledger. */
@Injectable()
export class ConsentEventsService {
  constructor(private readonly ledger: LedgerService) {}

  async record(db: Db, book: LedgerBook, item: ScreenedConsent, now: Date): Promise<Emit[]> {
    // The topic schema already refuses an opt_in without proof; checked again here because the ledger is the
    // evidence (GDPR Art. 7(1)): a row without proof must never be written, whatever sent it.
    const parsed = parseWith(ConsentEvent, item.event);
    if (!parsed.ok) {
      return [
        auditRecord('consent', {
          subjectId: `consent_event:${item.event.id}`,
          tenantId: item.event.tenantId,
          at: now,
          action: 'consent.rejected',
          subject: { phone: item.e164 },
          reason: 'MALFORMED',
          detail: {
            consentEventId: item.event.id,
            purpose: item.event.purpose,
            action: item.event.action,
            errors: parsed.errors,
          },
        }),
      ];
    }
    const event = parsed.value;
    const number = normalisePhone(item.e164);
    const draft = this.ledger.draft({
      tenantId: event.tenantId,
      id: `consent_event:${event.id}`,
      e164: item.e164,
      ...(number.ok ? { region: number.region } : {}),
      purpose: event.purpose,
      action: event.action,
      method: event.method,
      proof: event.proof,
      occurredAt: new Date(event.occurredAt),
      ...(event.expiresAt === undefined ? {} : { expiresAt: new Date(event.expiresAt) }),
      receivedAt: new Date(item.receivedAt),
      source: 'consent_event',
      sourceEventId: event.id,
      cause: 'event',
    });
    const appended = await this.ledger.append(db, book, [draft], now);
    return appended.records;
  }
}
