import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';

import { phoneFingerprint, type ReleasedItem } from '@optline/domain';
import { Clock, LOGGER, SERVICE_CONFIG, type Db, type Emit, type ServiceConfig } from '@optline/platform';

import { DELIVERY_CONFIG, type DeliveryConfig } from '../config/delivery.config';
import { ProviderGateway } from '../providers/provider-gateway';
import { lastMomentCheck } from '../recipients/last-moment-check';
import {
  RecipientStateRepository,
  factsKey,
  type ConsentChange,
} from '../recipients/recipient-state.repository';
import { AttemptOwner } from './attempt-owner';
import { AttemptRound, type Candidate } from './attempt-round';
import { decisionRecords, type MessageFacts } from './delivery-records';
import { SendLedgerRepository } from './send-ledger.repository';
import {
  isFinal,
  ledgerKey,
  type AttemptResult,
  type FinalState,
  type LedgerEntry,
  type LedgerRow,
  type UnsentFinal,
} from './send-ledger.rows';

/** A retry round counts as due this much before its time (the sweeper republishes it at its time). */
const DUE_SLACK_MS = 1000;
/** Chunk size for a provider whose lookup is conclusive (the simulator). */
const LARGE_CHUNK = 1000;

/** Another live process is calling the provider for this message: the batch is retried once it is done. */
export class AttemptInFlightElsewhere extends Error {
  readonly retriable = true;
}

type Reconciled = { kind: 'result'; result: AttemptResult } | { kind: 'resend' } | { kind: 'wait' };

/**
 * Sends released messages through the tenant's provider, never twice.
 *
 * The platform runs this handler inside the batch's PostgreSQL transaction (`db`) and commits the outputs with it,
 * but a provider call is a side effect no rollback can undo. So, per batch:
 *  1. read the ledger (no locks) and decide per message: new or due retry → attempt; `attempting` → reconcile;
 *     ended but not yet reported (a crash after the results were stored) → report now; anything else → nothing,
 *     so a replayed or duplicated record emits nothing new;
 *  2. the last-moment check (opt-out, suppression) on delivery's own tables;
 *  3-5, a chunk of `concurrency` messages at a time:
 *  3. mark the attempts `attempting` and COMMIT that on the pool, in a transaction of its own, before any call;
 *  4. call the providers (at once, rate-limited, circuit-broken, a few quick retries per round with the
 *     last-moment check before each further call);
 *  5. store the results on the pool, committed at once (so a provider message id is kept as soon as it is known);
 *  6. in the batch transaction: end cancelled/blocked/parked messages, mark reported what gets an outcome, and
 *     return the outcome, audit and delivery-event records.
 * A crash between 3 and 5 leaves the row `attempting`; the record is replayed (its offset was never committed) and
 * step 1 reconciles: the owner process is dead (its advisory lock is free), so the provider is asked by our own
 * reference. Found → sent. Conclusively not found (the simulator) → sent now, the first real call. The provider
 * cannot tell (Twilio before a sid was stored) → `unknown`, reported `failed` with `detail.unknownResult`, never
 * re-sent. A transient failure never blocks the partition: after a short round the message is parked
 * `retry_wait` and republished to the released topic when due; each round repeats the last-moment check.
 */
@Injectable()
export class SendingService {
  /** Results of this process's calls whose ledger write has not succeeded yet (a failed write is retried). */
  private readonly unrecorded = new Map<string, AttemptResult>();
  private readonly inFlight = new Set<string>();
  private readonly staleAfterSeconds: number;

  constructor(
    @Inject(DELIVERY_CONFIG) private readonly config: DeliveryConfig,
    @Inject(SERVICE_CONFIG) private readonly service: ServiceConfig,
    private readonly ledger: SendLedgerRepository,
    private readonly recipients: RecipientStateRepository,
    private readonly gateway: ProviderGateway,
    private readonly owner: AttemptOwner,
    private readonly round: AttemptRound,
    private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.staleAfterSeconds = Math.max(60, Math.ceil((config.providerTimeoutMs * 4) / 1000));
  }

  async handleReleased(items: ReleasedItem[], db: Db, now: Date): Promise<Emit[]> {
    const candidates = this.candidates(items);
    const rows = new Map(
      (
        await this.ledger.find(
          db,
          candidates.map((c) => c.entry),
        )
      ).map((row) => [ledgerKey(row.tenantId, row.messageId), row]),
    );
    const toReport: LedgerRow[] = [];
    const fresh: Candidate[] = [];
    const abandoned: Array<Candidate & { expectedOwner: string | null }> = [];
    const results: AttemptResult[] = [];

    for (const candidate of candidates) {
      const row = rows.get(candidate.key);
      if (!row) {
        fresh.push(candidate);
      } else if (isFinal(row.state)) {
        if (!row.reported) toReport.push(row);
      } else if (row.state === 'retry_wait') {
        if (!row.nextAttemptAt || row.nextAttemptAt.getTime() <= now.getTime() + DUE_SLACK_MS)
          fresh.push(candidate);
      } else {
        const reconciled = await this.reconcile(db, candidate, row);
        if (reconciled.kind === 'result') results.push(reconciled.result);
        else if (reconciled.kind === 'resend')
          abandoned.push({ ...candidate, expectedOwner: row.attemptOwner });
      }
    }

    // The last-moment check, before this round's first call.
    const facts = await this.recipients.facts(
      db,
      [...fresh, ...abandoned].map((c) => c.entry),
    );
    const verdictOf = (c: Candidate) =>
      lastMomentCheck(
        c.entry,
        facts.get(factsKey(c.entry.tenantId, c.entry.phoneFingerprint, c.entry.purpose)) ?? {},
      );
    const unsent: UnsentFinal[] = [];
    const parked: Array<{ entry: LedgerEntry; nextAttemptAt: Date }> = [];
    const waits = new Map<string, number>();
    for (const candidate of fresh) {
      const verdict = verdictOf(candidate);
      if (!verdict.allowed) {
        unsent.push({
          entry: candidate.entry,
          state: verdict.state,
          reason: verdict.reason,
          detail: verdict.detail,
          at: now,
        });
        continue;
      }
      const wait = this.gateway.reserve(candidate.provider.name, candidate.item.message.senderId);
      if (wait === undefined)
        parked.push({ entry: candidate.entry, nextAttemptAt: this.afterRateLimit(candidate, parked.length) });
      else waits.set(candidate.key, wait);
    }
    const abandonedToSend = abandoned.filter((candidate) => {
      const verdict = verdictOf(candidate);
      if (verdict.allowed) return true;
      const { state, reason, detail } = verdict;
      results.push({
        ...this.round.base(candidate, candidate.expectedOwner),
        state,
        reason,
        detail,
        calls: 0,
      });
      return false;
    });

    const recorded = await this.record(results);
    // Claimed, called and recorded a chunk at a time: a crash leaves at most one chunk's results in doubt. A
    // provider whose lookup is conclusive leaves nothing in doubt, so its chunks can be large.
    const toClaim = [
      ...fresh.filter((c) => waits.has(c.key)).map((c) => ({ candidate: c, expectedOwner: undefined })),
      ...abandonedToSend.map((c) => ({ candidate: c, expectedOwner: c.expectedOwner })),
    ];
    for (const provider of new Set(toClaim.map((c) => c.candidate.provider))) {
      const mine = toClaim.filter((c) => c.candidate.provider === provider);
      const size = provider.conclusiveLookup ? LARGE_CHUNK : this.config.concurrency;
      for (let from = 0; from < mine.length; from += size)
        recorded.push(...(await this.sendChunk(mine.slice(from, from + size), waits)));
    }

    // Everything below is in the batch transaction and commits with the outputs.
    await this.recipients.recordConsent(db, this.providerOptOuts(recorded));
    await this.ledger.park(db, parked);
    const ended = await this.ledger.finishUnsent(db, unsent);
    const finals = [...toReport, ...recorded.filter((row) => isFinal(row.state))];
    await this.ledger.markReported(db, finals);
    for (const row of finals) {
      if (row.state === 'unknown') {
        this.logger.error(
          { tenantId: row.tenantId, messageId: row.messageId, provider: row.provider },
          'send result unknown: reported failed, not re-sent',
        );
      }
    }
    return [
      ...unsent
        .filter((u) => ended.has(ledgerKey(u.entry.tenantId, u.entry.messageId)))
        .flatMap((u) =>
          decisionRecords(factsOfEntry(u.entry), {
            state: u.state,
            at: u.at,
            reason: u.reason,
            detail: u.detail,
          }),
        ),
      ...finals.flatMap((row) =>
        decisionRecords(factsOfRow(row), {
          state: row.state as FinalState,
          at: row.resultAt ?? now,
          providerMessageId: row.providerMessageId,
          reason: row.reason,
          detail: row.detail,
        }),
      ),
    ];
  }

  /**
   * Marks one chunk `attempting` and COMMITS that (its own transaction on the pool) before any call, calls the
   * provider for each claimed message at once, and stores the results.
   */
  private async sendChunk(
    chunk: Array<{ candidate: Candidate; expectedOwner: string | null | undefined }>,
    waits: Map<string, number>,
  ): Promise<LedgerRow[]> {
    const claimed = await this.ledger.claim(
      chunk.filter((c) => c.expectedOwner === undefined).map((c) => c.candidate.entry),
      chunk
        .filter((c) => c.expectedOwner !== undefined)
        .map(({ candidate, expectedOwner }) => ({
          tenantId: candidate.entry.tenantId,
          messageId: candidate.entry.messageId,
          expectedOwner: expectedOwner ?? null,
        })),
      this.owner.key,
      this.staleAfterSeconds,
    );
    this.faultBeforeProvider(claimed.map((c) => c.messageId));
    const byKey = new Map(chunk.map(({ candidate }) => [candidate.key, candidate]));
    const calls = claimed.map((c) => ({
      candidate: byKey.get(ledgerKey(c.tenantId, c.messageId))!,
      attemptsBefore: c.attemptsBefore,
    }));
    for (const { candidate } of calls) this.inFlight.add(candidate.key);
    let results: AttemptResult[];
    try {
      results = await Promise.all(
        calls.map(({ candidate, attemptsBefore }) =>
          this.round.attempt(candidate, waits.get(candidate.key) ?? 0, attemptsBefore),
        ),
      );
    } finally {
      for (const { candidate } of calls) this.inFlight.delete(candidate.key);
    }
    return this.record(results);
  }

  /** Stores results, committed at once; kept in memory until then, so a failed write loses nothing. */
  private async record(results: AttemptResult[]): Promise<LedgerRow[]> {
    for (const result of results) this.unrecorded.set(ledgerKey(result.tenantId, result.messageId), result);
    const recorded = await this.ledger.recordResults(results);
    for (const result of results) this.unrecorded.delete(ledgerKey(result.tenantId, result.messageId));
    return recorded;
  }

  private candidates(items: ReleasedItem[]): Candidate[] {
    const seen = new Map<string, Candidate>();
    for (const item of items) {
      const { message } = item;
      const key = ledgerKey(message.tenantId, message.messageId);
      if (seen.has(key)) continue;
      const provider = this.gateway.providerFor(message.tenantId);
      seen.set(key, {
        key,
        item,
        provider,
        entry: {
          tenantId: message.tenantId,
          messageId: message.messageId,
          e164: message.recipient.e164,
          phoneFingerprint: phoneFingerprint(this.service.piiKey, message.tenantId, message.recipient.e164),
          purpose: message.purpose,
          kind: message.kind,
          ...(message.campaignId ? { campaignId: message.campaignId } : {}),
          provider: provider.name,
          payload: item,
        },
      });
    }
    return [...seen.values()];
  }

  /** Decides what to do with a row left `attempting`: its call's result is unknown to us. */
  private async reconcile(db: Db, candidate: Candidate, row: LedgerRow): Promise<Reconciled> {
    if (row.attemptOwner === this.owner.key) {
      if (this.inFlight.has(candidate.key))
        throw new AttemptInFlightElsewhere(`message ${row.messageId} is being sent`);
      const known = this.unrecorded.get(candidate.key);
      if (known) return { kind: 'result', result: known };
    } else if (await this.owner.isAlive(db, row.attemptOwner)) {
      throw new AttemptInFlightElsewhere(`message ${row.messageId} is being sent by another instance`);
    }
    const { tenantId, messageId } = row;
    const lookup = await candidate.provider.lookup({
      tenantId,
      messageId,
      ...(row.providerMessageId ? { providerMessageId: row.providerMessageId } : {}),
    });
    const base = { ...this.round.base(candidate, row.attemptOwner), calls: 0 };
    const detail = { provider: candidate.provider.name, reconciled: true, attempts: row.attempts };
    switch (lookup.kind) {
      case 'found':
        return {
          kind: 'result',
          result: {
            ...base,
            calls: 1,
            state: 'sent',
            providerMessageId: lookup.providerMessageId,
            detail: { ...detail, attempts: row.attempts + 1, providerStatus: lookup.providerStatus },
          },
        };
      case 'not_found':
        return { kind: 'resend' };
      case 'unsupported':
        return { kind: 'result', result: { ...base, state: 'unknown', reason: 'PROVIDER_REJECTED', detail } };
      case 'unavailable':
        // Asked again when the sweeper republishes it.
        this.logger.warn(
          { tenantId, messageId, message: lookup.message },
          'provider lookup failed; reconciling later',
        );
        return { kind: 'wait' };
    }
  }

  /** Messages that found no send token soon enough come back when tokens are due, spread in arrival order. */
  private afterRateLimit(candidate: Candidate, queued: number): Date {
    const rate = this.config.ratePerSecond[candidate.provider.name];
    const wait =
      this.gateway.nextFreeInMs(candidate.provider.name, candidate.item.message.senderId) +
      (queued * 1000) / rate;
    return new Date(this.clock.now().getTime() + wait);
  }

  /** A provider that reports the person unsubscribed (Twilio 21610) is opt-out information for every purpose. */
  private providerOptOuts(rows: LedgerRow[]): ConsentChange[] {
    return rows
      .filter((row) => row.state === 'failed' && row.detail?.optedOut === true)
      .flatMap((row) =>
        (['marketing', 'transactional'] as const).map((purpose) => ({
          tenantId: row.tenantId,
          phoneFingerprint: row.phoneFingerprint,
          purpose,
          status: 'opted_out' as const,
          cause: 'provider' as const,
          at: row.resultAt ?? this.clock.now(),
          ledgerEventId: `provider:${row.provider}:${row.messageId}`,
        })),
      );
  }

  /** TEST ONLY (OPTLINE_FAULT_KILL_BEFORE_PROVIDER): dies after the attempt is committed, before the call. */
  private faultBeforeProvider(messageIds: string[]): void {
    const target = this.config.faultKillBeforeProvider;
    if (target && messageIds.includes(target)) {
      this.logger.warn({ messageId: target }, 'fault injection: SIGKILL before the provider call');
      process.kill(process.pid, 'SIGKILL');
    }
  }
}

export function factsOfRow(row: LedgerRow): MessageFacts {
  return {
    tenantId: row.tenantId,
    messageId: row.messageId,
    e164: row.e164,
    purpose: row.purpose,
    kind: row.kind,
    campaignId: row.campaignId,
    provider: row.provider,
  };
}

function factsOfEntry(entry: LedgerEntry): MessageFacts {
  return { ...entry, campaignId: entry.campaignId ?? null };
}
