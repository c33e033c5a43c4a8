import { ConfigError } from '@optline/platform';

/** Token injecting the delivery settings read from the environment at start-up. */
export const DELIVERY_CONFIG = Symbol('DELIVERY_CONFIG');

export interface SimulatorSettings {
  latencyMs: number;
  /** Share of accepted messages whose receipt says `failed`. */
  failureRate: number;
  /** Share of accepted messages whose receipt says `undeliverable`. */
  undeliverableRate: number;
  /** Share of messages rejected at send, as an invalid number would be. */
  rejectRate: number;
  /** Share of messages whose first send attempt fails transiently (503-like). */
  transientRate: number;
  receiptDelayMs: number;
}

export interface TwilioSettings {
  baseUrl: string;
  accountSid?: string;
  authToken?: string;
  from?: string;
  messagingServiceSid?: string;
  /** Where Twilio posts status callbacks; the message id and tenant are appended as query parameters. */
  statusCallbackUrl?: string;
}

export interface RetrySettings {
  /** Provider calls per message, across every round, before it ends `failed`. */
  maxAttempts: number;
  /** Calls in one round (inside one handled batch) before the message is parked for a later round. */
  callsPerRound: number;
  /** Back-off between calls of one round. */
  inRoundDelayMs: number;
  /** Back-off between rounds: exponential with jitter from `initialDelayMs` up to `maxDelayMs`. */
  initialDelayMs: number;
  maxDelayMs: number;
}

export interface DeliveryConfig {
  simulator: SimulatorSettings;
  twilio: TwilioSettings;
  retry: RetrySettings;
  /** A provider call that has not answered by then has an unknown result. */
  providerTimeoutMs: number;
  /** Token bucket per provider and sender: messages per second (burst the same). */
  ratePerSecond: { simulator: number; twilio: number };
  /** The longest a message waits for a send token inside a batch; longer waits park it for a later round. */
  maxRateWaitMs: number;
  breaker: { consecutiveFailures: number; halfOpenAfterMs: number };
  /**
   * Provider calls in flight at once per batch. Messages are claimed (`attempting`), called and recorded in
   * chunks of this size, so a crash leaves at most this many results in doubt per batch in flight (the
   * consumer may run one batch per partition at once).
   */
  concurrency: number;
  /** How often parked retries and stale attempts are looked for. */
  sweepIntervalMs: number;
  /** TEST ONLY: the process SIGKILLs itself after recording the attempt of this message id, before the call. */
  faultKillBeforeProvider?: string;
}

function number(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const value = number(env, name, fallback, min);
  if (!Number.isInteger(value)) throw new ConfigError(`${name} must be a whole number, got "${env[name]}"`);
  return value;
}

function text(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw ? raw : undefined;
}

/** Reads the delivery settings once at start-up; a bad value stops start-up naming the variable. */
export function loadDeliveryConfig(env: NodeJS.ProcessEnv): DeliveryConfig {
  const baseUrl = text(env, 'TWILIO_BASE_URL') ?? 'https://api.twilio.com';
  try {
    new URL(baseUrl);
  } catch {
    throw new ConfigError(`TWILIO_BASE_URL must be a URL, got "${baseUrl}"`);
  }
  const statusCallbackUrl = text(env, 'TWILIO_STATUS_CALLBACK_URL');
  const config: DeliveryConfig = {
    simulator: {
      latencyMs: integer(env, 'OPTLINE_SIMULATOR_LATENCY_MS', 0, 0),
      failureRate: number(env, 'OPTLINE_SIMULATOR_FAILURE_RATE', 0, 0, 1),
      undeliverableRate: number(env, 'OPTLINE_SIMULATOR_UNDELIVERABLE_RATE', 0, 0, 1),
      rejectRate: number(env, 'OPTLINE_SIMULATOR_REJECT_RATE', 0, 0, 1),
      transientRate: number(env, 'OPTLINE_SIMULATOR_TRANSIENT_RATE', 0, 0, 1),
      receiptDelayMs: integer(env, 'OPTLINE_SIMULATOR_RECEIPT_DELAY_MS', 500, 0),
    },
    twilio: {
      baseUrl: baseUrl.replace(/\/+$/, ''),
      accountSid: text(env, 'TWILIO_ACCOUNT_SID'),
      authToken: text(env, 'TWILIO_AUTH_TOKEN'),
      from: text(env, 'TWILIO_FROM'),
      messagingServiceSid: text(env, 'TWILIO_MESSAGING_SERVICE_SID'),
      statusCallbackUrl,
    },
    retry: {
      maxAttempts: integer(env, 'OPTLINE_DELIVERY_MAX_ATTEMPTS', 9, 1),
      callsPerRound: integer(env, 'OPTLINE_DELIVERY_CALLS_PER_ROUND', 3, 1),
      inRoundDelayMs: integer(env, 'OPTLINE_DELIVERY_IN_ROUND_DELAY_MS', 100, 0),
      initialDelayMs: integer(env, 'OPTLINE_DELIVERY_RETRY_INITIAL_MS', 1000, 1),
      maxDelayMs: integer(env, 'OPTLINE_DELIVERY_RETRY_MAX_MS', 15000, 1),
    },
    providerTimeoutMs: integer(env, 'OPTLINE_PROVIDER_TIMEOUT_MS', 5000, 1),
    ratePerSecond: {
      simulator: number(env, 'OPTLINE_RATE_SIMULATOR_PER_SECOND', 100000, 0.001),
      twilio: number(env, 'OPTLINE_RATE_TWILIO_PER_SECOND', 100, 0.001),
    },
    maxRateWaitMs: integer(env, 'OPTLINE_RATE_MAX_WAIT_MS', 1000, 0),
    breaker: {
      consecutiveFailures: integer(env, 'OPTLINE_BREAKER_FAILURES', 5, 1),
      halfOpenAfterMs: integer(env, 'OPTLINE_BREAKER_HALF_OPEN_MS', 5000, 1),
    },
    concurrency: integer(env, 'OPTLINE_DELIVERY_CONCURRENCY', 64, 1),
    sweepIntervalMs: integer(env, 'OPTLINE_DELIVERY_SWEEP_MS', 250, 10),
    faultKillBeforeProvider: text(env, 'OPTLINE_FAULT_KILL_BEFORE_PROVIDER'),
  };
  if (config.retry.maxDelayMs < config.retry.initialDelayMs) {
    throw new ConfigError(
      'OPTLINE_DELIVERY_RETRY_MAX_MS must not be below OPTLINE_DELIVERY_RETRY_INITIAL_MS',
    );
  }
  if (config.simulator.failureRate + config.simulator.undeliverableRate > 1) {
    throw new ConfigError(
      'OPTLINE_SIMULATOR_FAILURE_RATE plus OPTLINE_SIMULATOR_UNDELIVERABLE_RATE must not exceed 1',
    );
  }
  return config;
}

/** A tenant that sends through Twilio needs the account; checked at start-up so the first send does not find out. */
export function requireTwilioAccount(twilio: TwilioSettings): void {
  if (!twilio.accountSid)
    throw new ConfigError('TWILIO_ACCOUNT_SID must be set: a tenant uses policy.provider twilio');
  if (!twilio.authToken)
    throw new ConfigError('TWILIO_AUTH_TOKEN must be set: a tenant uses policy.provider twilio');
  if (!twilio.from && !twilio.messagingServiceSid) {
    throw new ConfigError(
      'TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID must be set: a tenant uses policy.provider twilio',
    );
  }
}
