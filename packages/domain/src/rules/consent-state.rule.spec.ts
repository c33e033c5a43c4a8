import {
  checkConsent,
  consentStateAt,
  type ConsentLedgerEntry,
  type ConsentState,
} from './consent-state.rule';

function entry(
  id: string,
  action: 'opt_in' | 'opt_out',
  occurredAt: string,
  extra: Partial<ConsentLedgerEntry> = {},
): ConsentLedgerEntry {
  return { id, purpose: 'marketing', action, method: 'web_form', occurredAt: new Date(occurredAt), ...extra };
}

const AT = new Date('2026-06-10T12:00:00Z');

describe(consentStateAt.name, () => {
  it.each<[string, ConsentLedgerEntry[], ConsentState['status'], string | undefined, string | undefined]>([
    ['no events', [], 'none', undefined, undefined],
    ['one opt-in', [entry('a', 'opt_in', '2026-01-01T00:00:00Z')], 'opted_in', 'a', '2026-01-01T00:00:00Z'],
    [
      'opt-in then opt-out',
      [entry('a', 'opt_in', '2026-01-01T00:00:00Z'), entry('b', 'opt_out', '2026-02-01T00:00:00Z')],
      'opted_out',
      'b',
      '2026-02-01T00:00:00Z',
    ],
    [
      'opt-out then opt-in',
      [entry('a', 'opt_out', '2026-01-01T00:00:00Z'), entry('b', 'opt_in', '2026-02-01T00:00:00Z')],
      'opted_in',
      'b',
      '2026-02-01T00:00:00Z',
    ],
    [
      'an older opt-in arriving after a newer opt-out stays opted out',
      [entry('b', 'opt_out', '2026-02-01T00:00:00Z'), entry('a', 'opt_in', '2026-01-01T00:00:00Z')],
      'opted_out',
      'b',
      '2026-02-01T00:00:00Z',
    ],
    [
      'a tie: opt-out wins',
      [entry('a', 'opt_in', '2026-01-01T00:00:00Z'), entry('b', 'opt_out', '2026-01-01T00:00:00Z')],
      'opted_out',
      'b',
      '2026-01-01T00:00:00Z',
    ],
    [
      'a tie in the other order: opt-out wins',
      [entry('b', 'opt_out', '2026-01-01T00:00:00Z'), entry('a', 'opt_in', '2026-01-01T00:00:00Z')],
      'opted_out',
      'b',
      '2026-01-01T00:00:00Z',
    ],
    [
      'a tie of two opt-ins: the smaller id, whatever the order',
      [entry('z', 'opt_in', '2026-01-01T00:00:00Z'), entry('m', 'opt_in', '2026-01-01T00:00:00Z')],
      'opted_in',
      'm',
      '2026-01-01T00:00:00Z',
    ],
    [
      'an event after `at` does not count yet',
      [entry('a', 'opt_in', '2026-01-01T00:00:00Z'), entry('b', 'opt_out', '2026-07-01T00:00:00Z')],
      'opted_in',
      'a',
      '2026-01-01T00:00:00Z',
    ],
    [
      'an event exactly at `at` counts',
      [entry('a', 'opt_in', '2026-01-01T00:00:00Z'), entry('b', 'opt_out', '2026-06-10T12:00:00Z')],
      'opted_out',
      'b',
      '2026-06-10T12:00:00Z',
    ],
    [
      'another purpose does not count',
      [
        entry('a', 'opt_out', '2026-03-01T00:00:00Z', { purpose: 'transactional' }),
        entry('b', 'opt_in', '2026-01-01T00:00:00Z'),
      ],
      'opted_in',
      'b',
      '2026-01-01T00:00:00Z',
    ],
    [
      'expired by expiresAt',
      [entry('a', 'opt_in', '2026-01-01T00:00:00Z', { expiresAt: new Date('2026-06-01T00:00:00Z') })],
      'expired',
      'a',
      '2026-06-01T00:00:00Z',
    ],
    [
      'expiresAt exactly at `at`',
      [entry('a', 'opt_in', '2026-01-01T00:00:00Z', { expiresAt: AT })],
      'expired',
      'a',
      '2026-06-10T12:00:00Z',
    ],
    [
      'not yet expired',
      [entry('a', 'opt_in', '2026-01-01T00:00:00Z', { expiresAt: new Date('2026-07-01T00:00:00Z') })],
      'opted_in',
      'a',
      '2026-01-01T00:00:00Z',
    ],
    [
      'a newer opt-in renews an expired one',
      [
        entry('a', 'opt_in', '2025-01-01T00:00:00Z', { expiresAt: new Date('2025-06-01T00:00:00Z') }),
        entry('b', 'opt_in', '2026-01-01T00:00:00Z'),
      ],
      'opted_in',
      'b',
      '2026-01-01T00:00:00Z',
    ],
    [
      'CASL: imported consent in Canada, 2 years old, expired',
      [entry('a', 'opt_in', '2024-06-01T00:00:00Z', { method: 'import', region: 'CA' })],
      'expired',
      'a',
      '2026-06-01T00:00:00Z',
    ],
    [
      'CASL: imported consent in Canada, under 2 years',
      [entry('a', 'opt_in', '2024-07-01T00:00:00Z', { method: 'import', region: 'CA' })],
      'opted_in',
      'a',
      '2024-07-01T00:00:00Z',
    ],
    [
      'CASL: implied consent in Canada',
      [entry('a', 'opt_in', '2024-06-01T00:00:00Z', { implied: true, region: 'CA' })],
      'expired',
      'a',
      '2026-06-01T00:00:00Z',
    ],
    [
      'CASL: an earlier expiresAt wins',
      [
        entry('a', 'opt_in', '2026-01-01T00:00:00Z', {
          method: 'import',
          region: 'CA',
          expiresAt: new Date('2026-05-01T00:00:00Z'),
        }),
      ],
      'expired',
      'a',
      '2026-05-01T00:00:00Z',
    ],
    [
      'CASL: a later expiresAt does not extend',
      [
        entry('a', 'opt_in', '2024-06-01T00:00:00Z', {
          method: 'import',
          region: 'CA',
          expiresAt: new Date('2030-01-01T00:00:00Z'),
        }),
      ],
      'expired',
      'a',
      '2026-06-01T00:00:00Z',
    ],
    [
      'express consent in Canada does not expire',
      [entry('a', 'opt_in', '2020-01-01T00:00:00Z', { method: 'double_opt_in', region: 'CA' })],
      'opted_in',
      'a',
      '2020-01-01T00:00:00Z',
    ],
    [
      'an import in the US does not expire',
      [entry('a', 'opt_in', '2020-01-01T00:00:00Z', { method: 'import', region: 'US' })],
      'opted_in',
      'a',
      '2020-01-01T00:00:00Z',
    ],
  ])('%s', (_, events, status, eventId, since) => {
    const state = consentStateAt(events, 'marketing', AT);
    expect(state.status).toBe(status);
    expect(state.event?.id).toBe(eventId);
    expect(state.since?.toISOString()).toBe(since === undefined ? undefined : new Date(since).toISOString());
  });
});

describe(checkConsent.name, () => {
  const event = entry('e1', 'opt_in', '2026-01-01T00:00:00Z');
  it.each<['marketing' | 'transactional', ConsentState, ReturnType<typeof checkConsent>]>([
    ['marketing', { status: 'opted_in', since: event.occurredAt, event }, { allowed: true, eventId: 'e1' }],
    [
      'marketing',
      { status: 'opted_out', event: { ...event, action: 'opt_out' } },
      { allowed: false, reason: 'OPTED_OUT', eventId: 'e1' },
    ],
    ['marketing', { status: 'expired', event }, { allowed: false, reason: 'CONSENT_EXPIRED', eventId: 'e1' }],
    ['marketing', { status: 'none' }, { allowed: false, reason: 'NO_CONSENT' }],
    ['transactional', { status: 'none' }, { allowed: true }],
    ['transactional', { status: 'opted_in', event }, { allowed: true, eventId: 'e1' }],
    ['transactional', { status: 'expired', event }, { allowed: true, eventId: 'e1' }],
    ['transactional', { status: 'opted_out', event }, { allowed: false, reason: 'OPTED_OUT', eventId: 'e1' }],
  ])('%s with %j', (purpose, state, expected) => {
    expect(checkConsent(purpose, state)).toEqual(expected);
  });
});
