import { Injectable } from '@nestjs/common';

import { E164, type ContactUpsert } from '@optline/domain';
import { TenantDirectory, auditRecord, type Db, type Emit } from '@optline/platform';

import { CampaignsRepository } from '../campaigns/campaigns.repository';
import { erasedWithoutOptIn } from '../hygiene/hygiene-state';
import { HygieneService, type NumberRef } from '../hygiene/hygiene.service';
import { hasCountry, readNumber } from '../numbers/recipient';
import { RegistryRepository, type ContactWrite } from './registry.repository';

/**
 * The contact registry, the tenant's phone-number database. Only contacts with a valid, SMS-capable number of
 * an allowed country are kept; two contacts with one number are one recipient (the sharing is recorded on
 * `contact.upserted`); an erased number takes no contact again until a new opt-in.
 */
@Injectable()
export class RegistryService {
  constructor(
    private readonly repository: RegistryRepository,
    private readonly campaigns: CampaignsRepository,
    private readonly hygiene: HygieneService,
    private readonly tenants: TenantDirectory,
  ) {}

  async upsert(db: Db, upserts: ContactUpsert[], now: Date): Promise<Emit[]> {
    const outputs: Emit[] = [];
    const reject = (
      upsert: ContactUpsert,
      e164: string | undefined,
      reason: 'INVALID_NUMBER' | 'NOT_SMS_CAPABLE' | 'COUNTRY_NOT_ALLOWED' | undefined,
      detail: Record<string, unknown> = {},
    ) =>
      outputs.push(
        auditRecord('validation', {
          subjectId: upsert.id,
          tenantId: upsert.tenantId,
          at: now,
          action: 'contact.rejected',
          subject: e164 && E164.safeParse(e164).success ? { phone: e164 } : {},
          ...(reason ? { reason } : {}),
          detail: { externalId: upsert.externalId, ...detail },
        }),
      );

    const readable: Array<{ upsert: ContactUpsert; write: ContactWrite }> = [];
    for (const upsert of upserts) {
      const tenant = this.tenants.get(upsert.tenantId);
      const number = readNumber(upsert.phone, upsert.defaultCountry, tenant);
      if (!number.ok)
        reject(
          upsert,
          number.e164,
          number.reason,
          number.numberType ? { numberType: number.numberType } : {},
        );
      else if (
        !hasCountry(number.region) ||
        (tenant.allowedCountries && !tenant.allowedCountries.includes(number.region))
      ) {
        reject(upsert, number.e164, 'COUNTRY_NOT_ALLOWED', { region: number.region });
      } else {
        readable.push({
          upsert,
          write: {
            tenantId: upsert.tenantId,
            externalId: upsert.externalId,
            e164: number.e164,
            region: number.region,
            numberType: number.numberType,
            attributes: upsert.attributes ?? {},
            tags: upsert.tags ?? [],
            locale: upsert.locale,
            timeZone: upsert.timeZone,
          },
        });
      }
    }

    const numbers = readable.map(({ write }) => ({ tenantId: write.tenantId, e164: write.e164 }));
    const states = await this.hygiene.states(db, numbers);
    const holders = new Map<string, Set<string>>();
    for (const contact of await this.repository.byNumber(db, numbers)) {
      const key = `${contact.tenantId}\u0000${contact.e164}`;
      holders.set(key, (holders.get(key) ?? new Set()).add(contact.externalId));
    }

    const kept: ContactWrite[] = [];
    for (const { upsert, write } of readable) {
      if (erasedWithoutOptIn(states(write))) {
        // Erased (GDPR Art. 17): no personal data comes back for this number until it opts in again.
        reject(upsert, write.e164, undefined, { erased: true });
        continue;
      }
      const key = `${write.tenantId}\u0000${write.e164}`;
      const others = [...(holders.get(key) ?? [])].filter((id) => id !== write.externalId).sort();
      holders.set(key, (holders.get(key) ?? new Set()).add(write.externalId));
      kept.push(write);
      outputs.push(
        auditRecord('validation', {
          subjectId: upsert.id,
          tenantId: upsert.tenantId,
          at: now,
          action: 'contact.upserted',
          subject: { phone: write.e164 },
          detail: {
            externalId: write.externalId,
            ...(others.length > 0 ? { sharesNumberWith: others.slice(0, 20) } : {}),
          },
        }),
      );
    }
    await this.repository.upsert(db, kept, now);
    return outputs;
  }

  /**
   * Erasure: the numbers' contacts (attributes, externalId mapping) and campaign snapshot rows are deleted;
   * only the keyed fingerprint stays, marked erased. Returns how many contacts were deleted.
   */
  async erase(db: Db, numbers: Array<NumberRef & { at: Date; causeId: string }>, now: Date): Promise<number> {
    if (numbers.length === 0) return 0;
    const erased = await this.repository.erase(db, numbers);
    await this.campaigns.eraseNumbers(db, numbers);
    await this.hygiene.apply(
      db,
      numbers.map((n) => ({ ...n, fact: { kind: 'erased' as const, at: n.at } })),
      now,
    );
    return erased;
  }
}
