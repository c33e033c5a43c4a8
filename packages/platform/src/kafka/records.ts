import type { IHeaders, KafkaMessage } from 'kafkajs';
import type { PoolClient } from 'pg';

import {
  DEAD_LETTER_VALUE_LIMIT,
  TOPICS,
  parseWith,
  type DeadLetter,
  type DeadLetterReason,
  type FieldError,
  type TopicSpec,
} from '@optline/domain';

/** A consumed record whose value passed its topic's schema. `topic` is the contract name. */
export interface StreamRecord<T> {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: T;
  headers: Record<string, string>;
  timestamp: string;
}

/** A record to produce; `topic` is the contract name, `value` is serialised as JSON. */
export interface OutRecord {
  topic: string;
  key: string;
  value: unknown;
  headers?: Record<string, string>;
}

export interface StreamContext {
  /** The open transaction: state changes made here commit together with the batch's outputs. */
  db: PoolClient;
  now: Date;
}

/** One topic's processing: a batch of valid records in, the records to produce out. */
export interface StreamHandler<T = unknown> {
  topic: TopicSpec;
  handle(records: Array<StreamRecord<T>>, ctx: StreamContext): Promise<OutRecord[]>;
}

/** Answers whether a tenant id is configured (for input topics). */
export interface TenantCheck {
  has(tenantId: string): boolean;
}

export type Decoded<T> = { ok: true; record: StreamRecord<T> } | { ok: false; deadLetter: OutRecord };

export function headersOf(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    out[name] = Array.isArray(value) ? String(value[0]) : String(value);
  }
  return out;
}

/** The dead letter for a record that could not be accepted (CONTRACT §1). */
export function deadLetter(
  source: { topic: string; partition: number; message: KafkaMessage },
  reason: DeadLetterReason,
  errors: FieldError[],
  now: Date,
): OutRecord {
  const text = source.message.value?.toString('utf8') ?? '';
  const key = source.message.key?.toString('utf8') ?? null;
  const value: DeadLetter = {
    topic: source.topic,
    partition: source.partition,
    offset: source.message.offset,
    key,
    value: text.length > DEAD_LETTER_VALUE_LIMIT ? text.slice(0, DEAD_LETTER_VALUE_LIMIT) : text,
    reason,
    errors,
    at: now.toISOString(),
  };
  return {
    topic: TOPICS.dlq.name,
    key: key ?? `${source.topic}:${source.partition}:${source.message.offset}`,
    value,
  };
}

/** Parses a record against its topic's schema; input topics also need a configured tenant. */
export function decodeRecord<T>(
  spec: TopicSpec,
  source: { topic: string; partition: number; message: KafkaMessage },
  tenants: TenantCheck | undefined,
  now: Date,
): Decoded<T> {
  const { message } = source;
  let json: unknown;
  try {
    json = JSON.parse(message.value?.toString('utf8') ?? '');
  } catch (error) {
    return {
      ok: false,
      deadLetter: deadLetter(
        source,
        'MALFORMED',
        [{ path: '(root)', message: `not JSON: ${(error as Error).message}` }],
        now,
      ),
    };
  }
  if (
    tenants &&
    spec.direction === 'in' &&
    isObject(json) &&
    typeof json.tenantId === 'string' &&
    !tenants.has(json.tenantId)
  ) {
    const errors = [{ path: 'tenantId', message: `unknown tenant "${json.tenantId.slice(0, 64)}"` }];
    return { ok: false, deadLetter: deadLetter(source, 'UNKNOWN_TENANT', errors, now) };
  }
  const parsed = parseWith(spec.schema, json);
  if (!parsed.ok) return { ok: false, deadLetter: deadLetter(source, 'MALFORMED', parsed.errors, now) };
  return {
    ok: true,
    record: {
      topic: spec.name,
      partition: source.partition,
      offset: message.offset,
      key: message.key?.toString('utf8') ?? null,
      value: parsed.value as T,
      headers: headersOf(message.headers),
      timestamp: message.timestamp,
    },
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
