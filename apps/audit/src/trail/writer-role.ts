import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Pool, type PoolClient } from 'pg';
import type { Logger } from 'pino';

import { LOGGER } from '@optline/platform';

/** Created by migration 0003: may read and append to the trail, never change or delete it. */
export const AUDIT_WRITER_ROLE = 'optline_audit_writer';

/**
 * Makes every pooled connection of the service work as the audit writer role (`SET ROLE` before the connection
 * is first used), so neither this service's code nor anything injected into it can UPDATE or DELETE the trail;
 * the table's trigger stops everyone else. Checked once at start-up.
 */
@Injectable()
export class WriterRole implements OnModuleInit {
  private installed = false;

  constructor(
    private readonly pool: Pool,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.installed) return;
    this.installed = true;
    if (this.pool.totalCount > 0)
      this.logger.error('pool connections opened before the audit writer role was set');
    // pg-pool awaits `onConnect` before handing a new connection out; if it fails, the connection is closed and
    // the caller gets the error. The platform creates the pool, so the hook is set on its options here.
    (this.pool.options as { onConnect?: (client: PoolClient) => Promise<void> }).onConnect = async (
      client,
    ) => {
      await client.query(`set role ${AUDIT_WRITER_ROLE}`);
    };
    const { rows } = await this.pool.query<{ role: string }>('select current_user as role');
    if (rows[0]?.role !== AUDIT_WRITER_ROLE)
      throw new Error(`the audit service works as ${rows[0]?.role}, not ${AUDIT_WRITER_ROLE}`);
  }
}
