import { Inject, Injectable } from '@nestjs/common';
import { ExponentialBackoff, handleWhenResult, retry } from 'cockatiel';
import { Pool } from 'pg';
import type { Logger } from 'pino';

import type { ReleasedItem } from '@optline/domain';
import { Clock, LOGGER } from '@optline/platform';

import { DELIVERY_CONFIG, type DeliveryConfig } from '../config/delivery.config';
import { ProviderGateway, type CallResult } from '../providers/provider-gateway';
import type { SmsProvider } from '../providers/sms-provider';
import { lastMomentCheck, type LastMomentVerdict } from '../recipients/last-moment-check';
import { RecipientStateRepository, factsKey } from '../recipients/recipient-state.repository';
import { AttemptOwner } from './attempt-owner';
import { retryDelayMs } from './retry-delay';
import type { AttemptResult, LedgerEntry } from './send-ledger.rows';

/** An unresolved attempt whose provider could not be asked is looked up again after this long. */
const LOOKUP_AGAIN_MS = 30_000;

/** A released message to attempt, with its ledger entry and the provider of its tenant. */
export interface Candidate {
  key: string;
  entry: LedgerEntry;
  item: ReleasedItem;
  provider: SmsProvider;
}

type RoundStep =
  | CallResult
  | { kind: 'stopped'; verdict: Exclude<LastMomentVerdict, { allowed: true }> }
  | { kind: 'recheck_failed'; message: string };

export type ResultBase = Pick<AttemptResult, 'tenantId' | 'messageId' | 'at' | 'expectedOwner'>;

/**
 * One round of provider calls for one claimed message (SendingService step 4), and what the provider's answer
 * means for the ledger: sent, failed, parked for a later round, or left in doubt to be looked up again.
 */
@Injectable()
export class AttemptRound {
  constructor(
    @Inject(DELIVERY_CONFIG) private readonly config: DeliveryConfig,
    private readonly recipients: RecipientStateRepository,
    private readonly gateway: ProviderGateway,
    private readonly owner: AttemptOwner,
    private readonly pool: Pool,
    private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** One round of calls for one message: the first call right away, then quick retries while the answer is transient. */
  async attempt(candidate: Candidate, waitMs: number, attemptsBefore: number): Promise<AttemptResult> {
    try {
      if (waitMs > 0) await new Promise((done) => setTimeout(done, waitMs));
      const settings = this.config.retry;
      const callsThisRound = Math.max(
        1,
        Math.min(settings.callsPerRound, settings.maxAttempts - attemptsBefore),
      );
      const policy = retry(
        handleWhenResult((step) => (step as RoundStep).kind === 'transient'),
        {
          maxAttempts: callsThisRound - 1,
          backoff: new ExponentialBackoff({
            initialDelay: settings.inRoundDelayMs,
            maxDelay: settings.inRoundDelayMs * 4,
          }),
        },
      );
      let calls = 0;
      const step = await policy.execute(async ({ attempt }): Promise<RoundStep> => {
        if (attempt > 0) {
          const verdict = await this.recheck(candidate.entry).catch((error: Error) => error);
          if (verdict instanceof Error) return { kind: 'recheck_failed', message: verdict.message };
          if (!verdict.allowed) return { kind: 'stopped', verdict };
        }
        const { message } = candidate.item;
        const result = await this.gateway.call(candidate.provider, {
          tenantId: message.tenantId,
          messageId: message.messageId,
          to: message.recipient.e164,
          from: message.senderId,
          body: message.body,
        });
        if (result.kind !== 'circuit_open') calls++;
        return result;
      });
      return await this.resultOf(candidate, step, calls, attemptsBefore);
    } catch (error) {
      // Unexpected: a call may have gone out, so the result is treated as unknown and looked up again later.
      this.logger.error(
        { err: error, messageId: candidate.entry.messageId },
        'send attempt failed unexpectedly',
      );
      return this.unresolved(candidate, 1, (error as Error).message);
    }
  }

  private async recheck(entry: LedgerEntry): Promise<LastMomentVerdict> {
    const facts = await this.recipients.facts(this.pool, [entry]);
    return lastMomentCheck(
      entry,
      facts.get(factsKey(entry.tenantId, entry.phoneFingerprint, entry.purpose)) ?? {},
    );
  }

  private async resultOf(
    candidate: Candidate,
    step: RoundStep,
    calls: number,
    attemptsBefore: number,
  ): Promise<AttemptResult> {
    const base = { ...this.base(candidate, this.owner.key), calls };
    const provider = candidate.provider.name;
    const attempts = attemptsBefore + calls;
    const { retry: settings } = this.config;
    const later = (delay: number) => new Date(base.at.getTime() + delay);
    const round = Math.floor(attemptsBefore / settings.callsPerRound);
    switch (step.kind) {
      case 'accepted':
        return {
          ...base,
          state: 'sent',
          providerMessageId: step.providerMessageId,
          detail: { provider, attempts, providerStatus: step.providerStatus },
        };
      case 'permanent':
        return {
          ...base,
          state: 'failed',
          reason: 'PROVIDER_REJECTED',
          detail: {
            provider,
            attempts,
            errorCode: step.errorCode,
            message: step.message,
            httpStatus: step.httpStatus,
            ...(step.optedOut ? { optedOut: true } : {}),
          },
        };
      case 'stopped':
        return {
          ...base,
          state: step.verdict.state,
          reason: step.verdict.reason,
          detail: step.verdict.detail,
        };
      case 'circuit_open':
      case 'recheck_failed':
        // The provider was not asked this time: wait, without using up an attempt.
        return {
          ...base,
          state: 'retry_wait',
          nextAttemptAt: later(retryDelayMs(round, settings.initialDelayMs, settings.maxDelayMs)),
          detail: { provider, attempts, lastError: step.message },
        };
      case 'transient':
        if (attempts >= settings.maxAttempts) {
          // Bounded: the provider never took it, so this is a rejection, not an unknown.
          return {
            ...base,
            state: 'failed',
            reason: 'PROVIDER_REJECTED',
            detail: {
              provider,
              attempts,
              retriesExhausted: true,
              errorCode: step.errorCode,
              httpStatus: step.httpStatus,
              message: step.message,
            },
          };
        }
        return {
          ...base,
          state: 'retry_wait',
          nextAttemptAt: later(retryDelayMs(round, settings.initialDelayMs, settings.maxDelayMs)),
          detail: { provider, attempts, lastError: step.message, httpStatus: step.httpStatus },
        };
      case 'ambiguous':
        return this.afterAmbiguous(candidate, base, step.message, attempts);
    }
  }

  /** The call may have reached the provider: ask it by our reference before deciding anything. */
  private async afterAmbiguous(
    candidate: Candidate,
    base: ResultBase & { calls: number },
    message: string,
    attempts: number,
  ): Promise<AttemptResult> {
    const provider = candidate.provider.name;
    const lookup = await candidate.provider.lookup({
      tenantId: candidate.entry.tenantId,
      messageId: candidate.entry.messageId,
    });
    const { retry: settings } = this.config;
    switch (lookup.kind) {
      case 'found':
        return {
          ...base,
          state: 'sent',
          providerMessageId: lookup.providerMessageId,
          detail: { provider, attempts, reconciled: true, providerStatus: lookup.providerStatus },
        };
      case 'not_found':
        if (attempts >= settings.maxAttempts) {
          return {
            ...base,
            state: 'failed',
            reason: 'PROVIDER_REJECTED',
            detail: { provider, attempts, retriesExhausted: true, message },
          };
        }
        return {
          ...base,
          state: 'retry_wait',
          nextAttemptAt: new Date(base.at.getTime() + settings.initialDelayMs),
          detail: { provider, attempts, lastError: message },
        };
      case 'unsupported':
        return {
          ...base,
          state: 'unknown',
          reason: 'PROVIDER_REJECTED',
          detail: { provider, attempts, message },
        };
      case 'unavailable':
        return this.unresolved(candidate, base.calls, message);
    }
  }

  /** Left `attempting` with no owner: the sweeper republishes it later and reconciliation asks the provider again. */
  private unresolved(candidate: Candidate, calls: number, message: string): AttemptResult {
    const base = this.base(candidate, this.owner.key);
    return {
      ...base,
      calls,
      state: 'attempting',
      nextAttemptAt: new Date(base.at.getTime() + LOOKUP_AGAIN_MS),
      detail: { provider: candidate.provider.name, lastError: message },
    };
  }

  base(candidate: Candidate, expectedOwner: string | null): ResultBase {
    return {
      tenantId: candidate.entry.tenantId,
      messageId: candidate.entry.messageId,
      at: this.clock.now(),
      expectedOwner,
    };
  }
}
