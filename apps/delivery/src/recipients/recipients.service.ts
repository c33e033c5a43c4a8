import { Inject, Injectable } from '@nestjs/common';

import { phoneFingerprint, type RecipientEvent } from '@optline/domain';
import { SERVICE_CONFIG, type Db, type ServiceConfig } from '@optline/platform';

import { SendLedgerRepository } from '../sending/send-ledger.repository';
import { RecipientStateRepository, type ConsentChange } from './recipient-state.repository';

/**
 * Keeps delivery's own view of each number for the last-moment check: the newest consent change per purpose,
 * and the lifting of undeliverable suppressions by a newer opt-in. An erasure counts as an opt-out of every
 * purpose (nothing may be sent to an erased person) and clears the number from the ledger rows that are done.
 */
@Injectable()
export class RecipientsService {
  constructor(
    @Inject(SERVICE_CONFIG) private readonly service: ServiceConfig,
    private readonly state: RecipientStateRepository,
    private readonly ledger: SendLedgerRepository,
  ) {}

  async handle(events: RecipientEvent[], db: Db): Promise<void> {
    const changes: ConsentChange[] = [];
    const erased: Array<{ tenantId: string; phoneFingerprint: string }> = [];
    for (const event of events) {
      const fingerprint = phoneFingerprint(this.service.piiKey, event.tenantId, event.e164);
      const at = new Date(event.at);
      switch (event.kind) {
        case 'consent_changed':
          changes.push({
            tenantId: event.tenantId,
            phoneFingerprint: fingerprint,
            purpose: event.purpose,
            status: event.status,
            cause: event.cause,
            at,
            ledgerEventId: event.ledgerEventId,
          });
          break;
        case 'erased':
          for (const purpose of ['marketing', 'transactional'] as const) {
            changes.push({
              tenantId: event.tenantId,
              phoneFingerprint: fingerprint,
              purpose,
              status: 'opted_out',
              cause: 'erased',
              at,
              ledgerEventId: `erased:${event.at}`,
            });
          }
          erased.push({ tenantId: event.tenantId, phoneFingerprint: fingerprint });
          break;
        case 'replied':
          break;
      }
    }
    await this.state.recordConsent(db, changes);
    await this.state.liftSuppressions(
      db,
      changes.filter((c) => c.status === 'opted_in'),
    );
    for (const number of erased) await this.ledger.forgetNumber(db, number.tenantId, number.phoneFingerprint);
  }
}
