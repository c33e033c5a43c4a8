import { Inject, Injectable } from '@nestjs/common';

import { phoneFingerprint, type Purpose } from '@optline/domain';
import { SERVICE_CONFIG, auditRecord, emit, type Db, type Emit, type ServiceConfig } from '@optline/platform';

import type { LedgerBook, LedgerState } from './ledger-book';
import { LedgerRepository, type LedgerDraft } from './ledger.repository';
import { proofHash } from './proof';

export const PURPOSES: readonly Purpose[] = ['marketing', 'transactional'];

/** How one purpose's consent moved when events were appended. */
export interface LedgerChange {
  purpose: Purpose;
  before: LedgerState;
  after: LedgerState;
}

export interface Appended {
  /** Drafts that were new (a replayed id appends nothing). */
  rows: LedgerDraft[];
  /** Purposes whose deciding event changed. */
  changes: LedgerChange[];
  /** `consent.opt_in`/`consent.opt_out` audit per appended row, `consent_changed` per change. */
  records: Emit[];
}

/** Appends to the consent ledger and keeps the current-state projection and downstream services in step. */
@Injectable()
export class LedgerService {
  constructor(
    private readonly ledger: LedgerRepository,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  fingerprint(tenantId: string, e164: string): string {
    return phoneFingerprint(this.config.piiKey, tenantId, e164);
  }

  /** A ledger row for `e164`, with the keyed hash of its proof as given. */
  draft(row: Omit<LedgerDraft, 'fingerprint' | 'proofHash' | 'e164'> & { e164: string }): LedgerDraft {
    return {
      ...row,
      fingerprint: this.fingerprint(row.tenantId, row.e164),
      proofHash: proofHash(this.config.piiKey, row.tenantId, row.e164, row.proof),
    };
  }

  /**
   * Appends the drafts (all for one number) and works out what changed: the newest event by occurredAt decides
   * (consentStateAt), so an older event that arrives late is recorded but changes nothing.
   */
  async append(db: Db, book: LedgerBook, drafts: LedgerDraft[], now: Date): Promise<Appended> {
    const first = drafts[0];
    if (first === undefined) return { rows: [], changes: [], records: [] };
    const { tenantId, fingerprint } = first;
    const before = new Map(
      PURPOSES.map((purpose) => [purpose, book.state(tenantId, fingerprint, purpose, now)]),
    );
    const inserted = await this.ledger.append(db, drafts);
    const rows = drafts.filter((draft) => inserted.has(draft.id));
    for (const row of rows) book.add(row);

    const changes: LedgerChange[] = [];
    for (const purpose of PURPOSES) {
      const after = book.state(tenantId, fingerprint, purpose, now);
      const previous = before.get(purpose) as LedgerState;
      if (after.event?.id === previous.event?.id) continue;
      changes.push({ purpose, before: previous, after });
      await this.ledger.saveState(db, tenantId, fingerprint, purpose, after, now);
    }
    const records = [
      ...rows.map((row) => ledgerAudit(row, now)),
      ...changes.flatMap((change) => consentChanged(change.after, first.e164)),
    ];
    return { rows, changes, records };
  }
}

/** `consent.opt_in` / `consent.opt_out`: the ledger event itself, proof included (README: audit events). */
function ledgerAudit(row: LedgerDraft, now: Date): Emit {
  return auditRecord('consent', {
    subjectId: row.id,
    tenantId: row.tenantId,
    at: now,
    action: row.action === 'opt_in' ? 'consent.opt_in' : 'consent.opt_out',
    subject: row.e164 === null ? {} : { phone: row.e164 },
    detail: {
      ledgerEventId: row.id,
      purpose: row.purpose,
      action: row.action,
      method: row.method,
      proof: row.proof,
      occurredAt: row.occurredAt.toISOString(),
      ...(row.expiresAt === undefined ? {} : { expiresAt: row.expiresAt.toISOString() }),
      cause: row.cause,
    },
  });
}

/**
 * Tells scheduling, delivery and validation that a purpose's deciding event changed. An opt-in that is already
 * expired when it arrives gives no `opted_in`: it allows nothing.
 */
function consentChanged(state: LedgerState, e164: string | null): Emit[] {
  const event = state.event;
  if (event === undefined || e164 === null || (state.status !== 'opted_in' && state.status !== 'opted_out'))
    return [];
  return [
    emit('recipientEvents', {
      kind: 'consent_changed',
      tenantId: event.tenantId,
      e164,
      purpose: event.purpose,
      status: state.status,
      cause: event.cause,
      ledgerEventId: event.id,
      at: event.occurredAt.toISOString(),
    }),
  ];
}
