import { spawn } from 'node:child_process';
import { join } from 'node:path';

import { Client } from 'pg';

import { createTestDatabase } from '../src/testing';

jest.setTimeout(60000);

function migrateInChild(url: string): Promise<number | null> {
  const child = spawn(process.execPath, [join(__dirname, 'fixtures/migrate-once.js')], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: 'inherit',
  });
  return new Promise((done) => child.on('exit', (code) => done(code)));
}

describe('migrations', () => {
  it('run once even when two processes start together', async () => {
    const db = await createTestDatabase('migrate');
    try {
      const codes = await Promise.all([migrateInChild(db.url), migrateInChild(db.url)]);
      expect(codes).toEqual([0, 0]);
      const client = new Client({ connectionString: db.url });
      await client.connect();
      const { rows } = await client.query('select count(*)::int as n from public.migration_runs');
      const applied = await client.query('select count(*)::int as n from race.service_migrations');
      await client.end();
      expect(rows[0].n).toBe(1);
      expect(applied.rows[0].n).toBe(1);
    } finally {
      await db.drop();
    }
  });
});
