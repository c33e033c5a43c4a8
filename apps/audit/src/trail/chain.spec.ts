import { ChainVerifier, GENESIS_HASH, canonicalJson, chainHash, type StoredRow } from './chain';
import { indexColumns } from './scrub';

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: undefined }], c: null } })).toBe(
      '{"a":{"c":null,"d":[3,{"z":1}]},"b":1}',
    );
  });

  it('gives the same text for the same value whatever the key order', () => {
    const a = {
      service: 'delivery',
      detail: { x: 'é', n: 1.5, list: ['b', 'a'] },
      at: '2026-11-28T10:00:00Z',
    };
    const b = JSON.parse(
      JSON.stringify({ at: a.at, detail: { list: ['b', 'a'], n: 1.5, x: 'é' }, service: 'delivery' }),
    );
    expect(canonicalJson(a)).toBe(canonicalJson(b));
  });
});

function chain(bodies: Array<Record<string, unknown>>): StoredRow[] {
  const rows: StoredRow[] = [];
  let prevHash = GENESIS_HASH;
  bodies.forEach((body, index) => {
    const content = {
      tenantId: 'demo',
      seq: index + 1,
      id: String(body.id),
      kind: 'event' as const,
      recordedAt: new Date(1_700_000_000_000 + index),
      body,
    };
    const hash = chainHash(prevHash, content);
    rows.push({ ...content, prevHash, hash, columns: indexColumns('event', body) });
    prevHash = hash;
  });
  return rows;
}

const event = (id: string, reason?: string) => ({
  id,
  tenantId: 'demo',
  at: '2026-11-28T10:00:00.000Z',
  service: 'scheduling',
  action: 'message.blocked',
  subject: { messageId: `m-${id}` },
  ...(reason ? { reason } : {}),
  detail: { rulesVersion: '2026.11.1' },
});

function verify(rows: StoredRow[], head?: { seq: number; hash: string }) {
  const verifier = new ChainVerifier({ seq: 1, prevHash: GENESIS_HASH }, indexColumns);
  for (const row of rows) if (!verifier.check(row)) break;
  verifier.checkHead(head, rows.at(-1));
  return { checked: verifier.checked, broken: verifier.broken };
}

describe('ChainVerifier', () => {
  const rows = chain([event('a', 'FREQUENCY_CAP'), event('b', 'QUIET_HOURS'), event('c', 'HOLIDAY')]);
  const head = { seq: 3, hash: rows[2]!.hash };

  it('accepts an untouched chain', () => {
    expect(verify(rows, head)).toEqual({ checked: 3, broken: undefined });
  });

  it('names the row whose content changed', () => {
    const tampered = rows.map((row) =>
      row.seq === 2 ? { ...row, body: { ...row.body, detail: { rulesVersion: 'forged' } } } : row,
    );
    expect(verify(tampered, head).broken).toEqual({ id: 'b', seq: 2, problem: 'hash_mismatch' });
  });

  it('catches a row whose hash was recomputed, at the next link', () => {
    const forgedBody = { ...rows[1]!.body, reason: 'QUIET_HOURS', detail: { rulesVersion: 'forged' } };
    const forged = {
      ...rows[1]!,
      body: forgedBody,
      hash: chainHash(rows[1]!.prevHash, { ...rows[1]!, body: forgedBody }),
    };
    expect(verify([rows[0]!, forged, rows[2]!], head).broken).toEqual({
      id: 'c',
      seq: 3,
      problem: 'link_mismatch',
    });
  });

  it('catches a deleted row, a changed index column, and rows cut off the end', () => {
    expect(verify([rows[0]!, rows[2]!], head).broken).toEqual({ id: 'c', seq: 3, problem: 'sequence_gap' });
    const recolumned = rows.map((row) =>
      row.seq === 1 ? { ...row, columns: { ...row.columns, reason: 'NO_CONSENT' } } : row,
    );
    expect(verify(recolumned, head).broken).toEqual({ id: 'a', seq: 1, problem: 'index_mismatch' });
    expect(verify(rows.slice(0, 2), head).broken).toEqual({ id: 'b', seq: 2, problem: 'head_mismatch' });
  });
});
