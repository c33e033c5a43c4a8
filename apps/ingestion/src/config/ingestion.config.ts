import { ConfigError } from '@optline/platform';

/** Ingestion's own settings, read once from the environment at start-up. */
export interface IngestionConfig {
  /** How long an input id is remembered for idempotency (OPTLINE_IDEMPOTENCY_RETENTION_DAYS, default 7). */
  idempotencyRetentionDays: number;
  /** How often forgotten ids are pruned (OPTLINE_IDEMPOTENCY_PRUNE_MINUTES, default 60). */
  idempotencyPruneMinutes: number;
  /** Token bucket per API key: refill rate (OPTLINE_RATE_LIMIT_PER_SECOND, default 100) ... */
  rateLimitPerSecond: number;
  /** ... and size (OPTLINE_RATE_LIMIT_BURST, default 200). */
  rateLimitBurst: number;
  /** Largest JSON body accepted (OPTLINE_HTTP_BODY_LIMIT_BYTES, default 5 MiB); larger gets 413. */
  bodyLimitBytes: number;
  /** CSV rows cleaned, looked up and published together (OPTLINE_IMPORT_BATCH_ROWS, default 1000). */
  importBatchRows: number;
}

export const INGESTION_CONFIG = Symbol('INGESTION_CONFIG');

export function loadIngestionConfig(env: NodeJS.ProcessEnv): IngestionConfig {
  return {
    idempotencyRetentionDays: positive(env, 'OPTLINE_IDEMPOTENCY_RETENTION_DAYS', 7),
    idempotencyPruneMinutes: positive(env, 'OPTLINE_IDEMPOTENCY_PRUNE_MINUTES', 60),
    rateLimitPerSecond: positive(env, 'OPTLINE_RATE_LIMIT_PER_SECOND', 100),
    rateLimitBurst: positive(env, 'OPTLINE_RATE_LIMIT_BURST', 200),
    bodyLimitBytes: positive(env, 'OPTLINE_HTTP_BODY_LIMIT_BYTES', 5 * 1024 * 1024),
    importBatchRows: positive(env, 'OPTLINE_IMPORT_BATCH_ROWS', 1000),
  };
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new ConfigError(`${name} must be a positive number, got "${raw}"`);
  return value;
}
