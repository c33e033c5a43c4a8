import { isTransientError } from '../db/database';
import { chunksUnder } from './transaction-committer';

describe(chunksUnder.name, () => {
  const record = (bytes: number) => ({ key: 'k', value: 'x'.repeat(bytes) });

  it('keeps every record, in order, in chunks under the limit', () => {
    const records = Array.from({ length: 50 }, (_, i) => ({ key: String(i), value: 'x'.repeat(100 + i) }));
    const chunks = chunksUnder(records, 1000);
    expect(chunks.flat()).toEqual(records);
    expect(chunks.length).toBeGreaterThan(5);
    for (const chunk of chunks) {
      expect(
        chunk.reduce(
          (sum: number, r: { key: string; value: string }) => sum + r.value.length + r.key.length + 64,
          0,
        ),
      ).toBeLessThanOrEqual(1000);
    }
  });

  it('puts a record larger than the limit in a chunk of its own', () => {
    expect(chunksUnder([record(10), record(5000), record(10)], 1000).map((c: unknown[]) => c.length)).toEqual(
      [1, 1, 1],
    );
  });

  it('returns no chunk for no records', () => {
    expect(chunksUnder([], 1000)).toEqual([]);
  });
});

describe(isTransientError.name, () => {
  const withCode = (code: string) => Object.assign(new Error('x'), { code });

  it.each([
    ['a refused connection', withCode('ECONNREFUSED'), true],
    ['PostgreSQL shutting down (57P01)', withCode('57P01'), true],
    ['a serialization failure (40001)', withCode('40001'), true],
    ['a lost connection', new Error('Connection terminated unexpectedly'), true],
    [
      'a retriable Kafka error',
      Object.assign(new Error('leader moved'), { name: 'KafkaJSProtocolError', retriable: true }),
      true,
    ],
    [
      'a record too large for the broker',
      Object.assign(new Error('big'), { name: 'KafkaJSProtocolError', type: 'MESSAGE_TOO_LARGE' }),
      false,
    ],
    ['a unique violation (23505)', withCode('23505'), false],
    ['a bug', new TypeError('undefined is not a function'), false],
    ['not an error', 'boom', false],
  ])('%s → %s', (_, error, transient) => {
    expect(isTransientError(error)).toBe(transient);
  });
});
