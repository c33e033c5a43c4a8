import { Inject, Injectable } from '@nestjs/common';

import { phoneFingerprint } from '@optline/domain';
import { SERVICE_CONFIG, auditRecord, type Db, type Emit, type ServiceConfig } from '@optline/platform';

import { CLEAN_NUMBER, applyFact, type HygieneFact, type HygieneState } from './hygiene-state';
import { HygieneRepository, numberKey, type NumberKey } from './hygiene.repository';

export interface NumberRef {
  tenantId: string;
  e164: string;
}

/** A hygiene fact about a number, with the id of what caused it (for deterministic audit ids). */
export interface NumberFact extends NumberRef {
  fact: HygieneFact;
  causeId: string;
}

/**
 * Number hygiene (CONTRACT §3 "Numbers"): undeliverable suppression until the next opt-in, the marketing
 * sunset rule, and the erased mark. State is keyed by the number's keyed-hash fingerprint, never the number.
 */
@Injectable()
export class HygieneService {
  constructor(
    private readonly repository: HygieneRepository,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  key(number: NumberRef): NumberKey {
    return {
      tenantId: number.tenantId,
      fingerprint: phoneFingerprint(this.config.piiKey, number.tenantId, number.e164),
    };
  }

  /** Read-only states of the numbers (a number never seen is clean). */
  async states(db: Db, numbers: NumberRef[]): Promise<(number: NumberRef) => HygieneState> {
    const keys = numbers.map((number) => this.key(number));
    const stored = await this.repository.load(db, keys);
    return (number) => stored.get(numberKey(this.key(number))) ?? CLEAN_NUMBER;
  }

  /**
   * Applies facts in order and saves the numbers that changed; the start and end of an undeliverable
   * suppression are audited (`number.suppressed` / `number.unsuppressed`).
   */
  async apply(db: Db, facts: NumberFact[], now: Date): Promise<Emit[]> {
    if (facts.length === 0) return [];
    const keys = facts.map((fact) => this.key(fact));
    const states = await this.repository.load(db, keys, true);
    const changed = new Map<string, NumberKey & { state: HygieneState }>();
    const audits: Emit[] = [];
    facts.forEach((entry, index) => {
      const key = keys[index]!;
      const id = numberKey(key);
      const result = applyFact(states.get(id) ?? CLEAN_NUMBER, entry.fact);
      states.set(id, result.state);
      changed.set(id, { ...key, state: result.state });
      if (result.change === 'suppressed') {
        audits.push(
          auditRecord('validation', {
            subjectId: entry.causeId,
            tenantId: entry.tenantId,
            at: now,
            action: 'number.suppressed',
            subject: { phone: entry.e164, messageId: entry.causeId },
            reason: 'SUPPRESSED_UNDELIVERABLE',
            detail: { undeliverableAt: entry.fact.at.toISOString() },
          }),
        );
      }
      if (result.change === 'unsuppressed') {
        audits.push(
          auditRecord('validation', {
            subjectId: entry.causeId,
            tenantId: entry.tenantId,
            at: now,
            action: 'number.unsuppressed',
            subject: { phone: entry.e164 },
            detail: { ledgerEventId: entry.causeId, optedInAt: entry.fact.at.toISOString() },
          }),
        );
      }
    });
    await this.repository.save(db, [...changed.values()]);
    return audits;
  }

  /** `number.suppressed` once when a number is first found inactive for marketing (cleared by a reply). */
  async reportInactive(
    db: Db,
    blocked: Array<NumberRef & { messageId: string; state: HygieneState }>,
    now: Date,
  ): Promise<Emit[]> {
    const fresh = new Map<string, NumberRef & { messageId: string; key: NumberKey }>();
    for (const entry of blocked) {
      const key = this.key(entry);
      if (entry.state.inactiveReportedAt === undefined && !fresh.has(numberKey(key)))
        fresh.set(numberKey(key), { ...entry, key });
    }
    await this.repository.reportInactive(
      db,
      [...fresh.values()].map((entry) => entry.key),
      now,
    );
    return [...fresh.values()].map((entry) =>
      auditRecord('validation', {
        subjectId: entry.messageId,
        tenantId: entry.tenantId,
        at: now,
        action: 'number.suppressed',
        subject: { phone: entry.e164, messageId: entry.messageId },
        reason: 'SUPPRESSED_INACTIVE',
        detail: { purpose: 'marketing' },
      }),
    );
  }
}
