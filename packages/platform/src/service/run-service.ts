import 'reflect-metadata';

import { Global, Module, type DynamicModule, type INestApplication, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import type { KafkaJS } from '@confluentinc/kafka-javascript';
import type { Pool } from 'pg';
import { Pool as PgPool } from 'pg';
import type { Logger } from 'pino';

import type { ServiceName } from '@optline/domain';

import { TenantDirectory } from '../config/tenant-directory';
import { loadServiceConfig, type ServiceConfig } from '../config/service-config';
import { createPool } from '../db/database';
import { migrate } from '../db/migrations';
import { ErrorBodyFilter } from '../http/error-body.filter';
import { HealthController } from '../http/health.controller';
import { createKafka, provisionTopics, TopicNames } from '../kafka/kafka';
import { Publisher } from '../kafka/publisher';
import { KafkaStreamServer } from '../kafka/stream-server';
import { StreamProcessor } from '../kafka/stream-processor';
import { createLogger, NestPinoLogger } from '../telemetry/logger';
import { StreamMetrics } from '../telemetry/metrics';
import { stopTracing } from '../telemetry/tracing';
import { Clock } from './clock';
import { KAFKA_ADMIN, LOGGER, SERVICE_CONFIG, STREAM_STATE } from './tokens';

/** What every service gets from the platform, shared by the Nest module and the start-up code. */
export interface Runtime {
  config: ServiceConfig;
  tenants: TenantDirectory;
  logger: Logger;
  metrics: StreamMetrics;
  pool: Pool;
  kafka: KafkaJS.Kafka;
  admin: KafkaJS.Admin;
  clock: Clock;
  names: TopicNames;
  publisher: Publisher;
  stream: KafkaStreamServer;
}

export interface ServiceDefinition {
  name: ServiceName;
  /** The service's feature module: its consumers, controllers and providers. */
  module: Type<unknown>;
  /** Folder of the service's forward-only SQL migrations, applied to its own schema. */
  migrations: string;
  /** Extra HTTP set-up (body limits, OpenAPI) before the server listens. */
  configureHttp?: (app: INestApplication, runtime: Runtime) => void | Promise<void>;
  /** False when the service parses request bodies itself (ingestion streams CSV imports). */
  bodyParser?: boolean;
}

const SHUTDOWN_DEADLINE_MS = 9000;

/** Provides the runtime's parts to every module of the service. */
@Global()
@Module({})
class PlatformModule {
  static forRuntime(runtime: Runtime): DynamicModule {
    const providers = [
      { provide: SERVICE_CONFIG, useValue: runtime.config },
      { provide: LOGGER, useValue: runtime.logger },
      { provide: KAFKA_ADMIN, useValue: runtime.admin },
      { provide: STREAM_STATE, useValue: runtime.stream },
      { provide: TenantDirectory, useValue: runtime.tenants },
      { provide: StreamMetrics, useValue: runtime.metrics },
      { provide: PgPool, useValue: runtime.pool },
      { provide: TopicNames, useValue: runtime.names },
      { provide: Publisher, useValue: runtime.publisher },
      { provide: Clock, useValue: runtime.clock },
    ];
    return {
      module: PlatformModule,
      imports: [TerminusModule],
      controllers: [HealthController],
      providers,
      exports: providers.map((provider) => provider.provide),
    };
  }
}

/**
 * Starts one service: configuration and tenants (a bad file stops here, naming the field), migrations,
 * topics, then the Nest application with its Kafka stream and HTTP server. SIGTERM drains and exits
 * within 10 s.
 */
export async function runService(definition: ServiceDefinition): Promise<INestApplication> {
  const config = loadServiceConfig(definition.name);
  const logger = createLogger(definition.name, config.logLevel);
  let tenants: TenantDirectory;
  try {
    tenants = TenantDirectory.fromFile(config.configFile);
  } catch (error) {
    logger.fatal((error as Error).message);
    process.stderr.write(`${definition.name}: ${(error as Error).message}\n`);
    process.exit(78);
  }

  const schema = definition.name;
  const databaseUrl = withSearchPath(config.databaseUrl, schema);
  await migrate(config.databaseUrl, schema, definition.migrations);
  const pool = createPool(databaseUrl);
  const metrics = new StreamMetrics(definition.name);
  const names = new TopicNames(config.env.OPTLINE_TOPIC_PREFIX ?? '');
  const kafka = createKafka(`optline-${definition.name}`, config.kafkaBrokers, logger);
  await provisionTopics(kafka, names, config.partitions);
  const admin = kafka.admin();
  await admin.connect();
  const offset = config.clockOffsetMs;
  const clock = offset === 0 ? new Clock() : new Clock(() => new Date(Date.now() + offset));
  const publisher = new Publisher(kafka, names, metrics, config.checkOutputs);
  await publisher.connect();
  const stream = new KafkaStreamServer(
    (handlers) =>
      new StreamProcessor({
        kafka,
        pool,
        names,
        // The prefix namespaces consumer groups too, so environments sharing a cluster never share a group.
        groupId: names.actual(`optline-${definition.name}`),
        instanceId: config.instanceId,
        handlers,
        tenants,
        logger,
        metrics,
        clock,
        stallTimeoutMs: config.stallTimeoutMs,
      }),
    config.checkOutputs,
  );
  const runtime: Runtime = {
    config,
    tenants,
    logger,
    metrics,
    pool,
    kafka,
    admin,
    clock,
    names,
    publisher,
    stream,
  };

  @Module({ imports: [PlatformModule.forRuntime(runtime), definition.module] })
  class ServiceRootModule {}

  const app = await NestFactory.create(ServiceRootModule, {
    logger: new NestPinoLogger(logger),
    bodyParser: definition.bodyParser ?? true,
  });
  app.useGlobalFilters(new ErrorBodyFilter());
  await definition.configureHttp?.(app, runtime);
  // The microservice shares the application's global filters (ErrorBodyFilter hands stream errors back).
  app.connectMicroservice({ strategy: stream }, { inheritAppConfig: true });
  await app.startAllMicroservices();
  await app.listen(config.port, '0.0.0.0');
  logger.info({ port: config.port }, `${definition.name} ready`);

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'draining');
    setTimeout(() => {
      logger.error('shutdown deadline passed, exiting');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    void (async () => {
      const started = Date.now();
      await app.close();
      await publisher.disconnect();
      await admin.disconnect().catch(() => undefined);
      await pool.end().catch(() => undefined);
      await stopTracing();
      logger.info({ ms: Date.now() - started }, 'stopped');
      process.exit(0);
    })();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  return app;
}

/** Every connection of a service works in its own schema first (CONTRACT: one schema per service). */
export function withSearchPath(databaseUrl: string, schema: string): string {
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema},public`);
  return url.toString();
}
