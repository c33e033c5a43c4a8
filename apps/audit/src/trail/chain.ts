import { createHash } from 'node:crypto';

/** The `prev_hash` of a tenant's first row. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * Canonical JSON: keys sorted by UTF-16 code units at every level, no whitespace, `undefined` members left out,
 * strings and numbers as JSON.stringify writes them (the serialisation of RFC 8785, JCS). The same value read back
 * from PostgreSQL's jsonb gives the same text, whatever key order jsonb keeps.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value))
    return `[${value.map((item) => canonicalJson(item === undefined ? null : item)).join(',')}]`;
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object)
    .filter((key) => object[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key])}`).join(',')}}`;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** What a row's hash covers: everything stored except the two hashes (the index columns derive from `body`). */
export interface ChainedContent {
  tenantId: string;
  seq: number;
  id: string;
  kind: 'event' | 'outcome';
  recordedAt: Date;
  body: Record<string, unknown>;
}

/** hash = SHA-256 hex of `<previous row's hash>\n<canonical JSON of the row>`. */
export function chainHash(prevHash: string, content: ChainedContent): string {
  const { tenantId, seq, id, kind, recordedAt, body } = content;
  return sha256Hex(
    `${prevHash}\n${canonicalJson({ tenantId, seq, id, kind, recordedAt: recordedAt.toISOString(), body })}`,
  );
}

/** A stored row as the integrity check reads it. */
export interface StoredRow extends ChainedContent {
  prevHash: string;
  hash: string;
  columns: IndexColumns;
}

export interface IndexColumns {
  at: Date;
  action: string;
  reason: string | null;
  messageId: string | null;
  campaignId: string | null;
  phoneFingerprint: string | null;
}

export type ChainProblem =
  'sequence_gap' | 'link_mismatch' | 'hash_mismatch' | 'index_mismatch' | 'head_mismatch';

/**
 * Walks one tenant's rows in `seq` order and finds the first that does not hold: its seq must follow the previous
 * one, its `prev_hash` must be the previous row's hash, its hash must be recomputable from its content, and its
 * index columns must be those its body gives. Feed rows with `check`; read the verdict from `broken`.
 */
export class ChainVerifier {
  checked = 0;
  broken?: { id: string; seq: number; problem: ChainProblem };
  private expected: { seq: number; prevHash: string };

  constructor(
    start: { seq: number; prevHash: string },
    private readonly columnsOf: (kind: 'event' | 'outcome', body: Record<string, unknown>) => IndexColumns,
  ) {
    this.expected = start;
  }

  /** False once a broken row was found (the rest is not checked). */
  check(row: StoredRow): boolean {
    if (this.broken) return false;
    this.checked++;
    const problem = this.problemOf(row);
    if (problem) {
      this.broken = { id: row.id, seq: row.seq, problem };
      return false;
    }
    this.expected = { seq: row.seq + 1, prevHash: row.hash };
    return true;
  }

  /** The chain head must point at the last row (rows cut off the end are caught here). */
  checkHead(
    head: { seq: number; hash: string } | undefined,
    last: { id: string; seq: number } | undefined,
  ): void {
    if (this.broken || !head) return;
    if (head.seq !== this.expected.seq - 1 || head.hash !== this.expected.prevHash) {
      this.broken = { id: last?.id ?? '(none)', seq: last?.seq ?? 0, problem: 'head_mismatch' };
    }
  }

  private problemOf(row: StoredRow): ChainProblem | undefined {
    if (row.seq !== this.expected.seq) return 'sequence_gap';
    if (row.prevHash !== this.expected.prevHash) return 'link_mismatch';
    if (chainHash(row.prevHash, row) !== row.hash) return 'hash_mismatch';
    if (!sameColumns(this.columnsOf(row.kind, row.body), row.columns)) return 'index_mismatch';
    return undefined;
  }
}

function sameColumns(a: IndexColumns, b: IndexColumns): boolean {
  return (
    a.at.getTime() === b.at.getTime() &&
    a.action === b.action &&
    a.reason === b.reason &&
    a.messageId === b.messageId &&
    a.campaignId === b.campaignId &&
    a.phoneFingerprint === b.phoneFingerprint
  );
}
