import { isInactive } from './hygiene.rule';

const AT = new Date('2026-06-10T12:00:00Z');
const daysAgo = (days: number): Date => new Date(AT.getTime() - days * 86_400_000);

describe(isInactive.name, () => {
  it.each<
    [string, { marketingSendsSinceReply: number; lastReplyAt?: Date; firstSendSinceReplyAt?: Date }, boolean]
  >([
    [
      '10 sends over 180 days, never replied',
      { marketingSendsSinceReply: 10, firstSendSinceReplyAt: daysAgo(180) },
      true,
    ],
    ['10 sends over 179 days', { marketingSendsSinceReply: 10, firstSendSinceReplyAt: daysAgo(179) }, false],
    ['9 sends over a year', { marketingSendsSinceReply: 9, firstSendSinceReplyAt: daysAgo(365) }, false],
    [
      '25 sends since a reply 200 days ago',
      { marketingSendsSinceReply: 25, lastReplyAt: daysAgo(200), firstSendSinceReplyAt: daysAgo(199) },
      true,
    ],
    [
      'replied a year ago, ten sends this week',
      { marketingSendsSinceReply: 10, lastReplyAt: daysAgo(365), firstSendSinceReplyAt: daysAgo(7) },
      false,
    ],
    [
      'only the last reply known, 181 days ago',
      { marketingSendsSinceReply: 12, lastReplyAt: daysAgo(181) },
      true,
    ],
    [
      'only the last reply known, 30 days ago',
      { marketingSendsSinceReply: 12, lastReplyAt: daysAgo(30) },
      false,
    ],
    ['no dates at all', { marketingSendsSinceReply: 50 }, false],
    ['no sends', { marketingSendsSinceReply: 0, lastReplyAt: daysAgo(1000) }, false],
  ])('%s → %s', (_, input, expected) => {
    expect(isInactive(input, AT)).toBe(expected);
  });
});
