import { retryDelayMs } from './retry-delay';

describe('retryDelayMs', () => {
  it('doubles per round up to the cap, between half and all of it', () => {
    expect(retryDelayMs(0, 1000, 15000, () => 0)).toBe(500);
    expect(retryDelayMs(0, 1000, 15000, () => 1)).toBe(1000);
    expect(retryDelayMs(2, 1000, 15000, () => 1)).toBe(4000);
    expect(retryDelayMs(10, 1000, 15000, () => 0.5)).toBe(11250);
    expect(retryDelayMs(10, 1000, 15000, () => 1)).toBe(15000);
  });
});
