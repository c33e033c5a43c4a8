import { DEFAULT_POLICY } from '../contract/tenants';
import { campaignGuard } from './campaign-guard.rule';

describe(campaignGuard.name, () => {
  it.each<[number, number, number, 'continue' | 'pause']>([
    [0, 0, 0, 'continue'],
    [199, 100, 0, 'continue'],
    [200, 4, 0, 'continue'],
    [200, 4, 1, 'pause'],
    [200, 5, 0, 'pause'],
    [200, 0, 5, 'pause'],
    [1000, 20, 0, 'continue'],
    [1000, 10, 11, 'pause'],
    [5000, 60, 41, 'pause'],
    [5000, 60, 40, 'continue'],
  ])('sent %i, opt-outs %i, complaints %i → %s', (sent, optOuts, complaints, expected) => {
    expect(campaignGuard({ sent, optOuts, complaints }, DEFAULT_POLICY)).toBe(expected);
  });

  it('follows a stricter tenant rate', () => {
    expect(
      campaignGuard(
        { sent: 200, optOuts: 3, complaints: 0 },
        { campaignPauseRate: 0.01, campaignPauseMinSent: 200 },
      ),
    ).toBe('pause');
  });
});
