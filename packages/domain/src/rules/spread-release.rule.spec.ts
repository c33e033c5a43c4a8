import { spreadRelease } from './sending-window.rule';

describe(spreadRelease.name, () => {
  const opensAt = new Date('2026-06-10T12:00:00Z');

  it.each(['m-1', 'm-2', 'req-42:contact-7', 'a', '', '消息-1', 'x'.repeat(200)])(
    '%j lands within the first 30 minutes, to the second',
    (id) => {
      const release = spreadRelease(opensAt, id);
      const offset = release.getTime() - opensAt.getTime();
      expect(offset).toBeGreaterThanOrEqual(0);
      expect(offset).toBeLessThan(30 * 60_000);
      expect(offset % 1000).toBe(0);
      expect(spreadRelease(opensAt, id)).toEqual(release);
    },
  );

  it('spreads different ids apart', () => {
    const offsets = new Set(
      Array.from({ length: 100 }, (_, i) => spreadRelease(opensAt, `m-${i}`).getTime()),
    );
    expect(offsets.size).toBeGreaterThan(90);
  });

  it.each<[number, number]>([
    [1, 60_000],
    [5, 300_000],
  ])('with a spread of %i minutes stays under %i ms', (minutes, limit) => {
    expect(spreadRelease(opensAt, 'm-1', minutes).getTime() - opensAt.getTime()).toBeLessThan(limit);
  });

  it('with no spread releases at the opening', () => {
    expect(spreadRelease(opensAt, 'm-1', 0)).toEqual(opensAt);
  });

  it('matches FNV-1a: "a" hashes to 0xe40c292c', () => {
    expect(spreadRelease(opensAt, 'a').getTime() - opensAt.getTime()).toBe((0xe40c292c % 1800) * 1000);
  });
});
