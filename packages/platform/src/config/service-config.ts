import { hostname } from 'node:os';
import { resolve } from 'node:path';

import type { ServiceName } from '@optline/domain';

/** Default HTTP port per service (CONTRACT §4). */
export const DEFAULT_PORTS: Record<ServiceName, number> = {
  ingestion: 8080,
  validation: 8081,
  consent: 8082,
  scheduling: 8083,
  delivery: 8084,
  audit: 8085,
};

/**
 * Node flags a service is started with. With V8's default heap limit on a large machine, audit (bursts of
 * thousands of events a second) and ingestion (CSV imports) let garbage grow to 400-500 MB before
 * collecting; capping old space keeps them under 300 MB resident.
 */
export const NODE_FLAGS: Partial<Record<ServiceName, string[]>> = {
  audit: ['--max-old-space-size=192', '--max-semi-space-size=8'],
  ingestion: ['--max-old-space-size=256', '--max-semi-space-size=16'],
};

/** The repo's own tenants file: packages/platform/dist/config → repo root. */
export const DEFAULT_CONFIG_FILE = resolve(__dirname, '../../../../config/optline.yaml');

export interface ServiceConfig {
  service: ServiceName;
  port: number;
  kafkaBrokers: string[];
  databaseUrl: string;
  configFile: string;
  /** Partitions for every topic the system creates. */
  partitions: number;
  /** Stable per running instance: it names the transactional producer, which fences a crashed predecessor. */
  instanceId: string;
  /** Key for the keyed hash of phone numbers kept after erasure and in the audit trail. */
  piiKey: string;
  logLevel: string;
  /** Readiness answers 503 once a partition with lag has committed nothing for this long (default 30 s). */
  stallTimeoutMs: number;
  /** TEST ONLY (OPTLINE_CLOCK_OFFSET_MS, default 0): moves the service's clock, e.g. "hours later". */
  clockOffsetMs: number;
  /** Emitted records are parsed against their topic's schema (everywhere but NODE_ENV=production). */
  checkOutputs: boolean;
  /** Test and benchmark runs set this to let Kafka consumer groups start from the newest records. */
  env: NodeJS.ProcessEnv;
}

export class ConfigError extends Error {}

/** Keys published in this repository (the code's default and compose's): accepted only in development. */
const DEVELOPMENT_PII_KEY = 'optline-development-key-change-me';
const PUBLIC_PII_KEYS = [DEVELOPMENT_PII_KEY, 'CHANGE-ME-public-optline-compose-pii-key'];

/** Outside OPTLINE_ENV=development (the default), a public key would let anyone reverse the number hashes. */
function piiKey(env: NodeJS.ProcessEnv): string {
  const key = env.OPTLINE_PII_KEY || DEVELOPMENT_PII_KEY;
  const environment = env.OPTLINE_ENV || 'development';
  if (environment !== 'development' && PUBLIC_PII_KEYS.includes(key))
    throw new ConfigError(
      `OPTLINE_PII_KEY is a public default key; set a long random secret (OPTLINE_ENV=${environment})`,
    );
  return key;
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0)
    throw new ConfigError(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

/** Reads the environment once at start-up (CONTRACT §5). */
export function loadServiceConfig(service: ServiceName, env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const brokers = (env.KAFKA_BROKERS ?? '127.0.0.1:9092')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  if (brokers.length === 0) throw new ConfigError('KAFKA_BROKERS must list at least one host:port');
  const port = positiveInt(env, 'PORT', DEFAULT_PORTS[service]);
  return {
    service,
    port,
    kafkaBrokers: brokers,
    databaseUrl: env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/optline',
    configFile: env.OPTLINE_CONFIG ?? DEFAULT_CONFIG_FILE,
    partitions: positiveInt(env, 'OPTLINE_PARTITIONS', 6),
    // Two instances on one host listen on different ports, so host and port name an instance stably.
    instanceId: env.OPTLINE_INSTANCE_ID ?? `${hostname()}-${port}`,
    piiKey: piiKey(env),
    logLevel: env.LOG_LEVEL ?? 'info',
    stallTimeoutMs: positiveInt(env, 'OPTLINE_STALL_TIMEOUT_MS', 30000),
    clockOffsetMs: clockOffset(env.OPTLINE_CLOCK_OFFSET_MS),
    checkOutputs: env.NODE_ENV !== 'production',
    env,
  };
}

function clockOffset(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 0;
  const offset = Number(raw);
  if (!Number.isSafeInteger(offset))
    throw new ConfigError(`OPTLINE_CLOCK_OFFSET_MS must be a whole number of milliseconds, got "${raw}"`);
  return offset;
}
