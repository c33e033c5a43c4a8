import type { KafkaJS } from '@confluentinc/kafka-javascript';
import type { PoolClient } from 'pg';

import {
  DEAD_LETTER_ERRORS_LIMIT,
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
  /** The service's clock (the injected `Clock`), read once per batch. */
  now: Date;
}

/** One topic's processing, as the stream processor runs it: a batch of valid records in, records out. */
export interface StreamHandler<T = unknown> {
  topic: TopicSpec;
  handle(records: Array<StreamRecord<T>>, ctx: StreamContext): Promise<OutRecord[]>;
}

/** Answers whether a tenant id is configured (for input topics). */
export interface TenantCheck {
  has(tenantId: string): boolean;
}

export type ConsumedMessage = KafkaJS.KafkaMessage;

export interface ConsumedSource {
  topic: string;
  partition: number;
  message: ConsumedMessage;
}

export type Decoded<T> = { ok: true; record: StreamRecord<T> } | { ok: false; deadLetter: OutRecord };

/** Longest error message and key kept in a dead letter; with 100 errors it stays far under 1 MiB. */
const ERROR_MESSAGE_LIMIT = 1024;
const ERROR_PATH_LIMIT = 256;
const KEY_LIMIT = 1024;

export function headersOf(headers: KafkaJS.IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    out[name] = Array.isArray(value) ? String(value[0]) : String(value);
  }
  return out;
}

/**
 * The dead letter for a record that could not be accepted or processed (CONTRACT §1, §6): the value cut at
 * 64 KiB, at most 100 errors, each bounded, so one dead letter is at most 1 MiB whatever the input was.
 */
export function deadLetter(
  source: ConsumedSource,
  reason: DeadLetterReason,
  errors: FieldError[],
  now: Date,
): OutRecord {
  const text = source.message.value?.toString('utf8') ?? '';
  const fullKey = source.message.key?.toString('utf8') ?? null;
  const key = fullKey === null ? null : cut(fullKey, KEY_LIMIT);
  const kept = errors.slice(0, DEAD_LETTER_ERRORS_LIMIT).map((error) => ({
    path: cut(error.path, ERROR_PATH_LIMIT),
    message: cut(error.message, ERROR_MESSAGE_LIMIT),
  }));
  if (errors.length > DEAD_LETTER_ERRORS_LIMIT) {
    kept[kept.length - 1] = {
      path: '(root)',
      message: `${errors.length - DEAD_LETTER_ERRORS_LIMIT + 1} more errors not listed`,
    };
  }
  const value: DeadLetter = {
    topic: source.topic,
    partition: source.partition,
    offset: source.message.offset,
    key,
    value: cutBytes(text, DEAD_LETTER_VALUE_LIMIT),
    reason,
    errors: kept,
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
  source: ConsumedSource,
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

/** Cuts a string to at most `limit` bytes of UTF-8, at a character boundary. */
function cutBytes(text: string, limit: number): string {
  if (text.length <= limit / 3) return text;
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= limit) return text;
  let end = limit;
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end).toString('utf8');
}

/** Cuts a string to at most `limit` UTF-16 units without splitting a surrogate pair. */
function cut(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const end = /[\uD800-\uDBFF]/.test(text[limit - 1]!) ? limit - 1 : limit;
  return text.slice(0, end);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
