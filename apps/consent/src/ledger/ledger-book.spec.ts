import { LedgerBook, type LedgerRow } from './ledger-book';

const at = (iso: string) => new Date(iso);

function row(id: string, action: 'opt_in' | 'opt_out', occurredAt: string): LedgerRow {
  return {
    tenantId: 'demo',
    fingerprint: 'fp',
    e164: '+12125550123',
    id,
    purpose: 'marketing',
    action,
    method: 'web_form',
    proof: {},
    occurredAt: at(occurredAt),
    cause: 'event',
  };
}

describe('the ledgers of a batch', () => {
  it('decides by occurredAt, whatever order the rows were added in', () => {
    const book = new LedgerBook([row('out', 'opt_out', '2026-11-28T10:00:00Z')]);
    book.add(row('late-in', 'opt_in', '2026-11-28T09:00:00Z'));
    const state = book.state('demo', 'fp', 'marketing', at('2026-11-28T12:00:00Z'));
    expect(state.status).toBe('opted_out');
    expect(state.event?.id).toBe('out');
  });

  it('counts an event stamped a little ahead of our clock at once', () => {
    const book = new LedgerBook([
      row('in', 'opt_in', '2026-11-28T10:00:00Z'),
      row('stop', 'opt_out', '2026-11-28T12:00:02Z'),
    ]);
    expect(book.state('demo', 'fp', 'marketing', at('2026-11-28T12:00:00Z')).event?.id).toBe('stop');
  });

  it('keeps numbers and tenants apart, adds a row once, and forgets the number on erasure', () => {
    const book = new LedgerBook([row('in', 'opt_in', '2026-11-28T10:00:00Z')]);
    book.add(row('in', 'opt_in', '2026-11-28T10:00:00Z'));
    expect(book.rows('demo', 'fp')).toHaveLength(1);
    expect(book.state('acme-eu', 'fp', 'marketing', at('2026-11-28T12:00:00Z')).status).toBe('none');
    book.forget('demo', 'fp');
    expect(book.rows('demo', 'fp')[0]?.e164).toBeNull();
  });
});
