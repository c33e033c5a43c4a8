import { Pool, type PoolClient } from 'pg';

/** Anything that runs SQL: the pool or a client inside a transaction. */
export type Db = Pick<PoolClient, 'query'>;

export function createPool(databaseUrl: string, max = 10): Pool {
  const pool = new Pool({ connectionString: databaseUrl, max });
  // An idle client that loses its server must not crash the process; the next query reports the fault.
  pool.on('error', () => undefined);
  return pool;
}

/** Runs `work` inside one transaction; commits on success, rolls back and rethrows on failure. */
export async function inTransaction<T>(pool: Pool, work: (tx: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

const TRANSIENT_PG_CLASSES = ['08', '53', '57', '58'];
const TRANSIENT_PG_CODES = new Set(['40001', '40P01', '55P03']);
const TRANSIENT_NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * A fault that is expected to pass: the database or broker unreachable or restarting, a serialization
 * conflict. These are retried with back-off, never dead-lettered.
 */
export function isTransientError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (TRANSIENT_NODE_CODES.has(code) || TRANSIENT_PG_CODES.has(code)) return true;
    if (code.length === 5 && TRANSIENT_PG_CLASSES.includes(code.slice(0, 2))) return true;
  }
  // A record too large for the broker never passes by retrying.
  if (/MESSAGE_TOO_LARGE/.test(`${(error as { type?: string }).type ?? ''}`)) return false;
  if ((error as { retriable?: unknown }).retriable === true) return true;
  if (error.name.startsWith('KafkaJS')) return true;
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
    error.message,
  );
}
