import type { Pool, PoolClient } from 'pg';

export interface FetchOptions {
  /** Rows per FETCH. */
  batch?: number;
  /** `array`: each row as an array of column values (fewer objects for big exports). */
  rowMode?: 'array';
}

/** Runs `work` in a read-only transaction that sees one snapshot of the trail throughout. */
export async function inSnapshot<T>(pool: Pool, work: (tx: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin isolation level repeatable read read only');
    return await work(client);
  } finally {
    await client.query('rollback').catch(() => undefined);
    client.release();
  }
}

/**
 * Rows of a query, fetched `batch` at a time through a server-side cursor on `tx`: memory stays flat however
 * many rows match.
 */
export async function* cursorRows<T>(
  tx: PoolClient,
  sql: string,
  params: unknown[],
  options: FetchOptions = {},
): AsyncGenerator<T> {
  const name = `c${Math.random().toString(36).slice(2, 10)}`;
  const batch = options.batch ?? 500;
  await tx.query(`declare ${name} no scroll cursor for ${sql}`, params);
  try {
    for (;;) {
      const fetch = `fetch ${batch} from ${name}`;
      const { rows } = await (options.rowMode === 'array'
        ? tx.query({ text: fetch, rowMode: 'array' })
        : tx.query(fetch));
      for (const row of rows) yield row as T;
      if (rows.length < batch) return;
    }
  } finally {
    await tx.query(`close ${name}`).catch(() => undefined);
  }
}

/** `cursorRows` in a snapshot of its own, for a stream that outlives the request handler. */
export async function* streamInSnapshot<T>(
  pool: Pool,
  sql: string,
  params: unknown[],
  options: FetchOptions = {},
): AsyncGenerator<T> {
  const client = await pool.connect();
  try {
    await client.query('begin isolation level repeatable read read only');
    yield* cursorRows<T>(client, sql, params, options);
  } finally {
    await client.query('rollback').catch(() => undefined);
    client.release();
  }
}
