import { createHmac } from 'node:crypto';

/** JSON with object keys sorted at every level, so equal proofs give equal text whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, each]) => each !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, each]) => `${JSON.stringify(key)}:${canonicalJson(each)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Keyed hash of a consent proof as it was given, bound to the tenant and number. Kept on every ledger row, so
 * that after an erasure an auditor who supplies the number and the proof can still show the ledger held exactly
 * that evidence (GDPR Art. 7(1) and Art. 17 together; compliance-rules.md §3.13). Keyed, not a bare SHA-256:
 * small proofs (an IP address) could otherwise be recovered by trying every value.
 */
export function proofHash(piiKey: string, tenantId: string, e164: string, proof: unknown): string {
  return createHmac('sha256', piiKey)
    .update(`${tenantId}:${e164}:${canonicalJson(proof)}`, 'utf8')
    .digest('hex');
}
