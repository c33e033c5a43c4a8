import { ErasureBody, HTTP_BODIES, MAX_BATCH } from './http';

describe('HTTP bodies', () => {
  it('are the topic values without tenantId', () => {
    const value = {
      id: 'r-1',
      occurredAt: '2026-11-28T10:00:00Z',
      providerMessageId: 'p-1',
      status: 'failed',
    };
    expect(HTTP_BODIES.receipts.safeParse(value).success).toBe(true);
    expect(HTTP_BODIES.receipts.safeParse({ ...value, tenantId: 'demo' }).success).toBe(false);
  });

  it('keep the opt_in proof rule of ConsentEvent', () => {
    const value = {
      id: 'c-1',
      occurredAt: '2026-11-28T10:00:00Z',
      phone: '+12125550123',
      purpose: 'marketing',
      action: 'opt_in',
      method: 'api',
      proof: {},
    };
    const result = HTTP_BODIES.consents.safeParse(value);
    expect(result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'))).toContain(
      'proof.capturedAt',
    );
  });

  it.each<[unknown, boolean]>([
    [{ phone: '+12125550123' }, true],
    [{ phone: '+12125550123', defaultCountry: 'US' }, true],
    [{ phone: '+12125550123', extra: true }, false],
    [{}, false],
  ])('ErasureBody %j → %s', (value, ok) => {
    expect(ErasureBody.safeParse(value).success).toBe(ok);
  });

  it('allows batches of up to 1000', () => {
    expect(MAX_BATCH).toBe(1000);
  });
});
