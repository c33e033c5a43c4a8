import { randomBytes } from 'node:crypto';

import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import type { Logger } from 'pino';

import { LOGGER, SERVICE_CONFIG, type Db, type ServiceConfig } from '@optline/platform';

/** SQL true when nobody holds the owner's lock: taken and given back at once, so probes never get in each other's way. */
export const OWNER_GONE = (key: string) =>
  `(case when pg_try_advisory_lock(${key}) then pg_advisory_unlock(${key}) else false end)`;

/**
 * Who may be in the middle of a provider call. Each process takes a random 64-bit key and holds a PostgreSQL
 * advisory lock on it, on a connection of its own, for as long as it lives; it writes the key into every ledger
 * row it marks `attempting`. When a process dies (even by SIGKILL) its connection closes and the lock is freed, so
 * another process can tell an attempt abandoned by the dead from one still in flight elsewhere.
 */
@Injectable()
export class AttemptOwner implements OnModuleInit, OnApplicationShutdown {
  readonly key = randomBytes(8).readBigInt64BE().toString();
  private client?: Client;
  private closing = false;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.client) await this.hold();
  }

  /** Only after the stream has stopped (Nest closes it after the destroy hooks): no call of ours is in flight. */
  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    await this.client?.end().catch(() => undefined);
  }

  /** True when the owner of an attempt is a live process (this one included). */
  async isAlive(db: Db, owner: string | null): Promise<boolean> {
    if (owner === null) return false;
    if (owner === this.key) return true;
    const { rows } = await db.query<{ free: boolean }>(`select ${OWNER_GONE('$1::bigint')} as free`, [owner]);
    return !rows[0]?.free;
  }

  private async hold(): Promise<void> {
    const client = new Client({ connectionString: this.config.databaseUrl });
    client.on('error', (error) => {
      if (this.closing) return;
      // Without the lock, other processes would take our attempts for abandoned ones: get it back at once.
      this.logger.error({ err: error }, 'attempt-owner connection lost; re-taking the lock');
      this.client = undefined;
      setTimeout(
        () => void this.hold().catch((e) => this.logger.error({ err: e }, 'attempt-owner lock not re-taken')),
        200,
      );
    });
    await client.connect();
    await client.query('select pg_advisory_lock($1::bigint)', [this.key]);
    this.client = client;
  }
}
