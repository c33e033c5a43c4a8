import { SimulatorProvider, draw, simulatedMessageId, simulatedReceipt } from './simulator.provider';
import type { SimulatorRepository } from './simulator.repository';

describe('simulator determinism', () => {
  it('answers the same for the same message and differently for others', () => {
    expect(draw('demo', 'm1', 'receipt')).toBe(draw('demo', 'm1', 'receipt'));
    expect(draw('demo', 'm1', 'receipt')).not.toBe(draw('demo', 'm2', 'receipt'));
    expect(simulatedMessageId('demo', 'm1')).toBe(simulatedMessageId('demo', 'm1'));
    expect(simulatedMessageId('demo', 'm1')).not.toBe(simulatedMessageId('acme-eu', 'm1'));
  });

  it('follows the configured receipt mix', () => {
    const ids = Array.from({ length: 4000 }, (_, i) => `m${i}`);
    const tally = { delivered: 0, failed: 0, undeliverable: 0 };
    for (const id of ids)
      tally[simulatedReceipt({ failureRate: 0.1, undeliverableRate: 0.05 }, 'demo', id).status]++;
    expect(tally.failed / ids.length).toBeGreaterThan(0.07);
    expect(tally.failed / ids.length).toBeLessThan(0.13);
    expect(tally.undeliverable / ids.length).toBeGreaterThan(0.03);
    expect(tally.undeliverable / ids.length).toBeLessThan(0.07);
    expect(simulatedReceipt({ failureRate: 0, undeliverableRate: 0 }, 'demo', 'm1')).toEqual({
      status: 'delivered',
    });
  });
});

describe('simulator magic numbers', () => {
  const settings = {
    latencyMs: 0,
    failureRate: 0,
    undeliverableRate: 0,
    rejectRate: 0,
    transientRate: 0,
    receiptDelayMs: 0,
  };
  const accepted: unknown[] = [];
  const store = { accept: async (row: unknown) => void accepted.push(row) } as unknown as SimulatorRepository;
  const simulator = new SimulatorProvider(settings, store, () => new Date('2026-11-28T10:00:00Z'));
  const sms = (to: string) => ({ tenantId: 'demo', messageId: `m-${to}`, to, from: 'Demo', body: 'hi' });

  it("refuses +15005550001 as an invalid 'To', like Twilio's test number", async () => {
    expect(await simulator.send(sms('+15005550001'))).toMatchObject({
      kind: 'permanent',
      errorCode: '21211',
    });
    expect(accepted).toHaveLength(0);
  });

  it('accepts any other number', async () => {
    expect(await simulator.send(sms('+12125550123'))).toMatchObject({ kind: 'accepted' });
    expect(accepted).toHaveLength(1);
  });
});
