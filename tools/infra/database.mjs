// The PostgreSQL database: created when missing (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/optline).
// PostgreSQL itself is part of the machine; `pg` is loaded lazily, so the broker commands work without it.
import { DEFAULT_DATABASE_URL } from './settings.mjs';

function databaseTarget(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`DATABASE_URL is not a valid URL: ${url}`);
  }
  const name = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (!name) throw new Error(`DATABASE_URL names no database: ${url}`);
  return { u, name };
}

async function loadPg() {
  try {
    const mod = await import('pg');
    return mod.default ?? mod;
  } catch (e) {
    if (e.code === 'ERR_MODULE_NOT_FOUND' || e.code === 'MODULE_NOT_FOUND') {
      throw new Error('the `pg` package is not installed; run `npm ci` at the repository root first.', {
        cause: e,
      });
    }
    throw e;
  }
}

/**
 * Create the database named in `url` when it does not exist (connects to the `postgres`
 * maintenance database of the same server). Idempotent and safe when processes race.
 * @param {string} [url]
 * @returns {Promise<{ created: boolean, database: string }>}
 */
export async function ensureDatabase(url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL) {
  const { u, name } = databaseTarget(url);
  const pg = await loadPg();
  const where = `${u.hostname || 'localhost'}:${u.port || 5432}`;

  let lastErr;
  for (const adminDb of ['postgres', 'template1']) {
    if (adminDb === name) return { created: false, database: name };
    const admin = new URL(u.href);
    admin.pathname = `/${adminDb}`;
    const client = new pg.Client({ connectionString: admin.href, connectionTimeoutMillis: 10_000 });
    try {
      await client.connect();
    } catch (e) {
      lastErr = e;
      if (e.code === '3D000') continue; // maintenance db missing: try the next one
      throw new Error(
        `cannot connect to PostgreSQL at ${where} as ${decodeURIComponent(u.username) || '(default user)'}: ` +
          `${e.message}${e.code ? ` [${e.code}]` : ''}. Is PostgreSQL running and is DATABASE_URL right?`,
        { cause: e },
      );
    }
    try {
      const r = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (r.rowCount > 0) return { created: false, database: name };
      try {
        await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
        return { created: true, database: name };
      } catch (e) {
        // 42P04 duplicate_database; 23505 is what a concurrent CREATE DATABASE can hit
        // on pg_database_datname_index when two processes race
        if (e.code === '42P04' || e.code === '23505') return { created: false, database: name };
        throw new Error(`CREATE DATABASE "${name}" on ${where} failed: ${e.message} [${e.code}]`, {
          cause: e,
        });
      }
    } finally {
      await client.end().catch(() => {});
    }
  }
  throw new Error(`cannot connect to a maintenance database on ${where}: ${lastErr?.message}`);
}

/** { database, state: 'ready' | 'missing' | 'down' | 'unknown', detail? } */
export async function databaseStatus(url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL) {
  const { u, name } = databaseTarget(url);
  let pg;
  try {
    pg = await loadPg();
  } catch (e) {
    return { database: name, state: 'unknown', detail: e.message };
  }
  const client = new pg.Client({ connectionString: u.href, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { database: name, state: 'ready' };
  } catch (e) {
    return { database: name, state: e.code === '3D000' ? 'missing' : 'down', detail: e.message };
  } finally {
    await client.end().catch(() => {});
  }
}
