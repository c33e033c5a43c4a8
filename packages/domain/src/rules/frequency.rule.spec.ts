import { bodyHash, checkFrequency } from './frequency.rule';

const AT = new Date('2026-06-10T12:00:00Z');
const HOUR = 3_600_000;
const DEFAULT_LIMITS = { maxPer24h: 2, maxPer7d: 6 };
const FLORIDA_LIMITS = { maxPer24h: 3, maxPer7d: 6 };

/** Sends `hoursAgo` before AT, each with its own body unless named. */
function sends(...entries: Array<number | [number, string]>): Array<{ at: Date; bodyHash: string }> {
  return entries.map((entry, index) => {
    const [hoursAgo, body] = typeof entry === 'number' ? [entry, `body-${index}`] : entry;
    return { at: new Date(AT.getTime() - hoursAgo * HOUR), bodyHash: body };
  });
}

function hoursFromAt(hours: number): Date {
  return new Date(AT.getTime() + hours * HOUR);
}

describe(checkFrequency.name, () => {
  it.each<[string, ReturnType<typeof sends>, { maxPer24h: number; maxPer7d: number }]>([
    ['nothing sent yet', sends(), DEFAULT_LIMITS],
    ['one in the last 24 h', sends(1), DEFAULT_LIMITS],
    ['two, one of them exactly 24 h ago (out of the window)', sends(1, 24), DEFAULT_LIMITS],
    ['two more than 24 h ago', sends(25, 30), DEFAULT_LIMITS],
    ['five in 7 days, one today', sends(1, 30, 50, 80, 100), DEFAULT_LIMITS],
    ['six, one exactly 7 days ago', sends(1, 30, 50, 80, 100, 168), DEFAULT_LIMITS],
    ['Florida: two in 24 h under a cap of 3', sends(1, 2), FLORIDA_LIMITS],
    ['the same body 25 h ago', sends([25, 'same']), DEFAULT_LIMITS],
  ])('%s: allowed', (_, recent, limits) => {
    expect(checkFrequency(recent, { bodyHash: 'same' }, limits, AT)).toEqual({ allowed: true });
  });

  it.each<[string, ReturnType<typeof sends>, { maxPer24h: number; maxPer7d: number }, string, number]>([
    ['two in 24 h (cap 2)', sends(1, 5), DEFAULT_LIMITS, 'FREQUENCY_CAP', 19],
    ['three in 24 h (cap 2): two must leave', sends(1, 5, 10), DEFAULT_LIMITS, 'FREQUENCY_CAP', 19],
    ['six in 7 days (cap 6)', sends(30, 50, 80, 100, 120, 160), DEFAULT_LIMITS, 'FREQUENCY_CAP', 8],
    ['Florida: three in 24 h (cap 3)', sends(1, 2, 20), FLORIDA_LIMITS, 'FREQUENCY_CAP', 4],
    ['the same body 23 h ago', sends([23, 'same']), DEFAULT_LIMITS, 'DUPLICATE_CONTENT', 1],
    [
      'the same body twice in 24 h: the later one decides',
      sends([23, 'same'], [2, 'same']),
      { maxPer24h: 5, maxPer7d: 6 },
      'DUPLICATE_CONTENT',
      22,
    ],
    [
      'duplicate and cap: reported as duplicate, until both free',
      sends([1, 'same'], 2, 3),
      { maxPer24h: 2, maxPer7d: 6 },
      'DUPLICATE_CONTENT',
      23,
    ],
    [
      'a cap of 0 never frees: check again after a window',
      sends(),
      { maxPer24h: 0, maxPer7d: 6 },
      'FREQUENCY_CAP',
      24,
    ],
    ['a send stamped in the future counts', sends(-1, 2), DEFAULT_LIMITS, 'FREQUENCY_CAP', 22],
    [
      'both caps exceeded: the later freeing wins',
      sends(1, 2, 30, 50, 80, 100),
      DEFAULT_LIMITS,
      'FREQUENCY_CAP',
      68,
    ],
  ])('%s', (_, recent, limits, reason, untilHours) => {
    expect(checkFrequency(recent, { bodyHash: 'same' }, limits, AT)).toEqual({
      allowed: false,
      reason,
      until: hoursFromAt(untilHours),
    });
  });

  it('allows the send at the moment `until` names', () => {
    const recent = sends(1, 5);
    const denied = checkFrequency(recent, { bodyHash: 'x' }, DEFAULT_LIMITS, AT);
    if (denied.allowed) throw new Error('expected a denial');
    expect(checkFrequency(recent, { bodyHash: 'x' }, DEFAULT_LIMITS, denied.until)).toEqual({
      allowed: true,
    });
  });
});

describe(bodyHash.name, () => {
  it.each<[string, string]>([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  ])('%j → %s', (text, hash) => {
    expect(bodyHash(text)).toBe(hash);
  });

  it('tells different bodies apart and hashes UTF-8', () => {
    expect(bodyHash('Sale today')).not.toBe(bodyHash('Sale today!'));
    expect(bodyHash('退订')).toMatch(/^[0-9a-f]{64}$/);
  });
});
