import { Injectable } from '@nestjs/common';

import type { ConsentState, Purpose } from '@optline/domain';
import type { Db } from '@optline/platform';

import type { LedgerCause, LedgerRow } from './ledger-book';

const SELECT_LEDGERS = `
  select l.tenant_id, l.id, l.number_fingerprint, l.e164, l.region, l.purpose, l.action, l.method, l.proof,
         l.occurred_at, l.expires_at, l.cause
    from consent_ledger l
    join unnest($1::text[], $2::text[]) as n(tenant_id, number_fingerprint)
      on l.tenant_id = n.tenant_id and l.number_fingerprint = n.number_fingerprint`;

const INSERT_ROWS = `
  insert into consent_ledger (tenant_id, id, number_fingerprint, e164, region, purpose, action, method, proof,
                              proof_hash, occurred_at, received_at, expires_at, source, source_event_id, cause)
  select tenant_id, id, number_fingerprint, e164, region, purpose, action, method, proof,
         proof_hash, occurred_at, received_at, expires_at, source, source_event_id, cause
    from jsonb_to_recordset($1::jsonb) as r(tenant_id text, id text, number_fingerprint text, e164 text, region text,
         purpose text, action text, method text, proof jsonb, proof_hash text, occurred_at timestamptz,
         received_at timestamptz, expires_at timestamptz, source text, source_event_id text, cause text)
  on conflict (tenant_id, id) do nothing
  returning id`;

const UPSERT_STATE = `
  insert into consent_state (tenant_id, number_fingerprint, purpose, status, ledger_event_id, since, updated_at)
  values ($1, $2, $3, $4, $5, $6, $7)
  on conflict (tenant_id, number_fingerprint, purpose) do update
     set status = excluded.status, ledger_event_id = excluded.ledger_event_id, since = excluded.since,
         updated_at = excluded.updated_at`;

/** Erasure: the number and the personal fields of every proof go; capturedAt and the proof hash stay. */
const ERASE_NUMBER = `
  update consent_ledger
     set e164 = null,
         proof = jsonb_strip_nulls(jsonb_build_object('capturedAt', proof->'capturedAt', 'erased', true)),
         erased_at = $3
   where tenant_id = $1 and number_fingerprint = $2 and (e164 is not null or erased_at is null)`;

const SELECT_NUMBER_EVIDENCE = `
  select id, purpose, action, method, occurred_at, expires_at, proof_hash, erased_at
    from consent_ledger
   where tenant_id = $1 and number_fingerprint = $2
   order by occurred_at, id`;

/** A ledger row to append, with what only the table keeps. */
export interface LedgerDraft extends LedgerRow {
  proofHash: string;
  receivedAt: Date;
  source: 'consent_event' | 'keyword' | 'erasure';
  sourceEventId: string;
}

export interface LedgerEvidence {
  id: string;
  purpose: Purpose;
  action: 'opt_in' | 'opt_out';
  method: string;
  occurredAt: Date;
  expiresAt: Date | null;
  proofHash: string;
  erasedAt: Date | null;
}

interface LedgerDbRow {
  tenant_id: string;
  id: string;
  number_fingerprint: string;
  e164: string | null;
  region: string | null;
  purpose: Purpose;
  action: 'opt_in' | 'opt_out';
  method: LedgerRow['method'];
  proof: Record<string, unknown>;
  occurred_at: Date;
  expires_at: Date | null;
  cause: LedgerCause;
}

@Injectable()
export class LedgerRepository {
  async ledgersOf(db: Db, numbers: Array<{ tenantId: string; fingerprint: string }>): Promise<LedgerRow[]> {
    if (numbers.length === 0) return [];
    const { rows } = await db.query<LedgerDbRow>(SELECT_LEDGERS, [
      numbers.map((number) => number.tenantId),
      numbers.map((number) => number.fingerprint),
    ]);
    return rows.map((row) => ({
      tenantId: row.tenant_id,
      id: row.id,
      fingerprint: row.number_fingerprint,
      e164: row.e164,
      ...(row.region === null ? {} : { region: row.region }),
      purpose: row.purpose,
      action: row.action,
      method: row.method,
      proof: row.proof,
      occurredAt: row.occurred_at,
      ...(row.expires_at === null ? {} : { expiresAt: row.expires_at }),
      cause: row.cause,
    }));
  }

  /** Appends the drafts; returns the ids actually appended (a replayed id is already there). */
  async append(db: Db, drafts: LedgerDraft[]): Promise<Set<string>> {
    if (drafts.length === 0) return new Set();
    const rows = drafts.map((draft) => ({
      tenant_id: draft.tenantId,
      id: draft.id,
      number_fingerprint: draft.fingerprint,
      e164: draft.e164,
      region: draft.region ?? null,
      purpose: draft.purpose,
      action: draft.action,
      method: draft.method,
      proof: draft.proof,
      proof_hash: draft.proofHash,
      occurred_at: draft.occurredAt.toISOString(),
      received_at: draft.receivedAt.toISOString(),
      expires_at: draft.expiresAt?.toISOString() ?? null,
      source: draft.source,
      source_event_id: draft.sourceEventId,
      cause: draft.cause,
    }));
    const { rows: inserted } = await db.query<{ id: string }>(INSERT_ROWS, [JSON.stringify(rows)]);
    return new Set(inserted.map((row) => row.id));
  }

  async saveState(
    db: Db,
    tenantId: string,
    fingerprint: string,
    purpose: Purpose,
    state: ConsentState,
    at: Date,
  ) {
    await db.query(UPSERT_STATE, [
      tenantId,
      fingerprint,
      purpose,
      state.status,
      state.event?.id ?? null,
      state.since ?? null,
      at,
    ]);
  }

  /** Returns how many rows lost their personal data. */
  async eraseNumber(db: Db, tenantId: string, fingerprint: string, at: Date): Promise<number> {
    const result = await db.query(ERASE_NUMBER, [tenantId, fingerprint, at]);
    return result.rowCount ?? 0;
  }

  async evidenceOf(db: Db, tenantId: string, fingerprint: string): Promise<LedgerEvidence[]> {
    const { rows } = await db.query<{
      id: string;
      purpose: Purpose;
      action: 'opt_in' | 'opt_out';
      method: string;
      occurred_at: Date;
      expires_at: Date | null;
      proof_hash: string;
      erased_at: Date | null;
    }>(SELECT_NUMBER_EVIDENCE, [tenantId, fingerprint]);
    return rows.map((row) => ({
      id: row.id,
      purpose: row.purpose,
      action: row.action,
      method: row.method,
      occurredAt: row.occurred_at,
      expiresAt: row.expires_at,
      proofHash: row.proof_hash,
      erasedAt: row.erased_at,
    }));
  }
}
