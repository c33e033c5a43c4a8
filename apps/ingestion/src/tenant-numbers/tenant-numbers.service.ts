import { Inject, Injectable } from '@nestjs/common';

import {
  normalisePhone,
  phoneFingerprint,
  type ContactUpsert,
  type DeliveryEvent,
  type RecipientEvent,
} from '@optline/domain';
import { SERVICE_CONFIG, TenantDirectory, type Db, type ServiceConfig } from '@optline/platform';

import { TenantNumbersRepository, type NumberFact, type SuppressionFact } from './tenant-numbers.repository';

/**
 * What ingestion knows about a tenant's numbers without reading validation's tables: the contacts it forwarded
 * and the suppressions it heard of on internal.delivery-events.v1 (undeliverable) and
 * internal.recipient-events.v1 (erased; a later opt-in lifts both). The CSV import cleans against it.
 */
@Injectable()
export class TenantNumbersService {
  constructor(
    private readonly repository: TenantNumbersRepository,
    private readonly tenants: TenantDirectory,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  fingerprint(tenantId: string, e164: string): string {
    return phoneFingerprint(this.config.piiKey, tenantId, e164);
  }

  /** Contacts forwarded from the contacts topic (HTTP or Kafka); a number that does not parse is not kept. */
  async recordForwardedContacts(db: Db, contacts: ContactUpsert[], at: Date): Promise<void> {
    const known = [];
    for (const contact of contacts) {
      const country = contact.defaultCountry ?? this.tenants.get(contact.tenantId).defaultCountry;
      const number = normalisePhone(contact.phone, country);
      if (number.ok)
        known.push({
          tenantId: contact.tenantId,
          externalId: contact.externalId,
          e164: number.e164,
          importId: null,
        });
    }
    await this.repository.recordContacts(db, known, at);
  }

  async onDeliveryEvents(db: Db, events: DeliveryEvent[]): Promise<void> {
    const undeliverable = events.filter((event) => event.status === 'undeliverable');
    await this.repository.mark(
      db,
      undeliverable.map((event) => this.fact(event, 'undeliverable')),
    );
  }

  async onRecipientEvents(db: Db, events: RecipientEvent[]): Promise<void> {
    const facts = [];
    for (const event of events) {
      if (event.kind === 'consent_changed' && event.status === 'opted_in')
        facts.push(this.fact(event, 'opted_in'));
      if (event.kind === 'erased') facts.push(this.fact(event, 'erased'));
    }
    await this.repository.mark(db, facts);
    await this.repository.forgetNumbers(
      db,
      events.filter((event) => event.kind === 'erased'),
    );
  }

  private fact(
    event: { tenantId: string; e164: string; at: string },
    fact: SuppressionFact,
  ): NumberFact & { fact: SuppressionFact } {
    return {
      tenantId: event.tenantId,
      fingerprint: this.fingerprint(event.tenantId, event.e164),
      at: new Date(event.at),
      fact,
    };
  }
}
