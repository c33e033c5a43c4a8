import { join } from 'node:path';

import { Client } from 'pg';
import { runner } from 'node-pg-migrate';

/** Tables every service needs for consume-process-produce (the stream outbox). */
const PLATFORM_MIGRATIONS = join(__dirname, '../../migrations');

/**
 * Applies the platform's and then the service's forward-only SQL migrations to the service's own schema.
 * A session advisory lock per schema makes concurrent starts wait for each other, so each migration runs once.
 */
export async function migrate(
  databaseUrl: string,
  schema: string,
  serviceMigrationsDir: string,
): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock(hashtext($1))', [`optline-migrate:${schema}`]);
    await client.query(`create schema if not exists "${schema}"`);
    const common = {
      dbClient: client,
      schema,
      createSchema: true,
      direction: 'up' as const,
      checkOrder: true,
      noLock: true,
      log: () => undefined,
    };
    await runner({ ...common, dir: PLATFORM_MIGRATIONS, migrationsTable: 'platform_migrations' });
    await runner({ ...common, dir: serviceMigrationsDir, migrationsTable: 'service_migrations' });
    await client.query(`select pg_advisory_unlock(hashtext($1))`, [`optline-migrate:${schema}`]);
  } finally {
    await client.end();
  }
}
