import { isTransientError } from '../db/database';

/** A fault that passes by itself (broker or database unreachable, a race with another instance). */
export class TransientFault extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'TransientFault';
  }
}

/** The batch's partition moved to another instance (rebalance, or this one stalled): drop it, no effect. */
export class Fenced extends Error {
  constructor(cause?: unknown) {
    super('partition moved to another consumer; batch dropped', { cause });
    this.name = 'Fenced';
  }
}

/**
 * A batch met a transient fault (database or broker unreachable, a failed Kafka transaction, lost membership).
 * It is handed back to the consumer after a back-off: the consumer polls again, rejoins its group if it must,
 * and re-delivers the batch, whose stored outputs (if any) are then replayed. Retrying inside the batch instead
 * would keep the consumer from polling, and so from ever rejoining.
 */
export class Redeliver extends Error {
  constructor(what: string, cause: unknown) {
    super(`${what}, batch handed back for re-delivery: ${(cause as Error).message}`, { cause });
    this.name = 'Redeliver';
  }
}

/** A record's outputs could not be produced (too large for the broker): its own processing failed. */
export class OutputRejected extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputRejected';
  }
}

export function isTransient(error: unknown): boolean {
  return error instanceof TransientFault || (!(error instanceof OutputRejected) && isTransientError(error));
}

/**
 * How often a failing record is tried before it is dead-lettered PROCESSING_FAILED (CONTRACT §6), and the
 * back-off between tries. Transient faults are retried for as long as the service runs, never dead-lettered
 * (DESIGN: promise 4).
 */
export const RETRY_POLICY = {
  recordAttempts: 3,
  firstDelayMs: 100,
  maxDelayMs: 5000,
};

/** Exponential back-off with jitter: 100 ms, 200 ms, 400 ms ... up to 5 s, each between half and all of it. */
export function backoffMs(attempt: number, policy = RETRY_POLICY): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** attempt);
  return ceiling * (0.5 + Math.random() / 2);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
