import { Controller, Get, Header, Inject } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type { KafkaJS } from '@confluentinc/kafka-javascript';
import { Pool } from 'pg';

import { StreamMetrics } from '../telemetry/metrics';
import { KAFKA_ADMIN, STREAM_STATE, type StreamState } from '../service/tokens';

/** GET /health/live, /health/ready and /metrics (CONTRACT §4). */
@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly pool: Pool,
    private readonly metrics: StreamMetrics,
    @Inject(KAFKA_ADMIN) private readonly admin: KafkaJS.Admin,
    @Inject(STREAM_STATE) private readonly stream: StreamState,
  ) {}

  @Get('health/live')
  live() {
    return { status: 'ok' };
  }

  @Get('health/ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      async () => {
        const indicator = this.indicators.check('postgresql');
        try {
          await this.pool.query('select 1');
          return indicator.up();
        } catch (error) {
          return indicator.down({ message: (error as Error).message });
        }
      },
      async () => {
        const indicator = this.indicators.check('kafka');
        try {
          await withTimeout(this.admin.listTopics({ timeout: 2000 }), 2500);
          return indicator.up();
        } catch (error) {
          return indicator.down({ message: (error as Error).message });
        }
      },
      async () => {
        const indicator = this.indicators.check('consumers');
        return this.stream.ready
          ? indicator.up()
          : indicator.down({ message: 'consumer group not joined, or a partition with lag is stalled' });
      },
    ]);
  }

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4')
  async prometheus(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref(),
    ),
  ]);
}
