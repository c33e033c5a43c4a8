import { highestSeq, isRevoked, type ConsentRecord } from './consent-view';

const record = (
  seq: number,
  status: ConsentRecord['status'],
  ledgerEventId: string,
  purpose: ConsentRecord['purpose'] = 'marketing',
) => ({
  seq,
  purpose,
  status,
  ledgerEventId,
});

describe('whether a message consent let through was revoked since', () => {
  const history = [
    record(1, 'opted_in', 'in-1'),
    record(2, 'opted_out', 'stop-1'),
    record(3, 'opted_in', 'start-1'),
  ];

  it('an opt-out recorded after the deciding opt-in revokes', () => {
    expect(isRevoked(history, { purpose: 'marketing', consentEventId: 'in-1' })).toBe(true);
  });

  it('an opt-out recorded before the deciding opt-in does not', () => {
    expect(isRevoked(history, { purpose: 'marketing', consentEventId: 'start-1' })).toBe(false);
  });

  it('an opt-out of another purpose does not', () => {
    expect(
      isRevoked([record(1, 'opted_in', 'in-1'), record(2, 'opted_out', 'stop-t', 'transactional')], {
        purpose: 'marketing',
        consentEventId: 'in-1',
      }),
    ).toBe(false);
  });

  it('without a deciding event (transactional, empty ledger) any recorded opt-out came later', () => {
    expect(isRevoked([record(5, 'opted_out', 'stop-t', 'transactional')], { purpose: 'transactional' })).toBe(
      true,
    );
    expect(isRevoked([], { purpose: 'transactional' })).toBe(false);
  });

  it('a deciding event not recorded yet is newer than all recorded so far, but not than later ones', () => {
    expect(isRevoked(history, { purpose: 'marketing', consentEventId: 'unseen' })).toBe(false);
    expect(isRevoked(history, { purpose: 'marketing', consentEventId: 'unseen' }, 1)).toBe(true);
    expect(isRevoked(history, { purpose: 'marketing', consentEventId: 'unseen' }, highestSeq(history))).toBe(
      false,
    );
  });
});
