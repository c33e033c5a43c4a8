import { Inject, Injectable } from '@nestjs/common';
import {
  BrokenCircuitError,
  ConsecutiveBreaker,
  circuitBreaker,
  handleWhenResult,
  type CircuitBreakerPolicy,
} from 'cockatiel';
import type { Logger } from 'pino';

import { Clock, LOGGER, TenantDirectory } from '@optline/platform';

import { DELIVERY_CONFIG, requireTwilioAccount, type DeliveryConfig } from '../config/delivery.config';
import { SimulatorProvider } from './simulator.provider';
import { SimulatorRepository } from './simulator.repository';
import type { OutboundSms, ProviderName, SendResult, SmsProvider } from './sms-provider';
import { TokenBucket } from './token-bucket';
import { TwilioProvider } from './twilio.provider';

export type CallResult = SendResult | { kind: 'circuit_open'; message: string };

/**
 * The providers, chosen per tenant (`policy.provider`, default simulator), each behind its own circuit breaker
 * (consecutive transient or unknown results open it; while open, calls are refused without reaching the provider)
 * and a token bucket per provider and sender.
 */
@Injectable()
export class ProviderGateway {
  private readonly providers: Record<ProviderName, SmsProvider>;
  private readonly breakers: Record<ProviderName, CircuitBreakerPolicy>;
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    @Inject(DELIVERY_CONFIG) private readonly config: DeliveryConfig,
    private readonly tenants: TenantDirectory,
    simulatorStore: SimulatorRepository,
    private readonly clock: Clock,
    @Inject(LOGGER) logger: Logger,
  ) {
    if (tenants.all().some((tenant) => tenants.policy(tenant.id).provider === 'twilio'))
      requireTwilioAccount(config.twilio);
    this.providers = {
      simulator: new SimulatorProvider(config.simulator, simulatorStore, () => clock.now()),
      twilio: new TwilioProvider(config.twilio, config.providerTimeoutMs),
    };
    const breaker = (name: ProviderName) => {
      const policy = circuitBreaker(
        handleWhenResult((result) => {
          const kind = (result as SendResult).kind;
          return kind === 'transient' || kind === 'ambiguous';
        }),
        {
          halfOpenAfter: config.breaker.halfOpenAfterMs,
          breaker: new ConsecutiveBreaker(config.breaker.consecutiveFailures),
        },
      );
      policy.onBreak(() => logger.warn({ provider: name }, 'provider circuit opened'));
      policy.onReset(() => logger.info({ provider: name }, 'provider circuit closed'));
      return policy;
    };
    this.breakers = { simulator: breaker('simulator'), twilio: breaker('twilio') };
  }

  providerFor(tenantId: string): SmsProvider {
    return this.providers[this.tenants.policy(tenantId).provider];
  }

  /** Books a send token for this provider and sender: the wait in ms, or undefined when it would be too long. */
  reserve(provider: ProviderName, senderId: string): number | undefined {
    return this.bucket(provider, senderId).reserve(this.clock.now().getTime(), this.config.maxRateWaitMs);
  }

  nextFreeInMs(provider: ProviderName, senderId: string): number {
    return this.bucket(provider, senderId).nextFreeInMs(this.clock.now().getTime());
  }

  async call(provider: SmsProvider, message: OutboundSms): Promise<CallResult> {
    try {
      return await this.breakers[provider.name].execute(() => provider.send(message));
    } catch (error) {
      if (error instanceof BrokenCircuitError)
        return { kind: 'circuit_open', message: `${provider.name} circuit is open` };
      // A provider adapter answers with results; a throw is a bug in it, and the call may have gone out.
      return { kind: 'ambiguous', message: (error as Error).message };
    }
  }

  private bucket(provider: ProviderName, senderId: string): TokenBucket {
    const key = `${provider}\u0000${senderId}`;
    let bucket = this.buckets.get(key);
    if (!bucket) {
      const rate = this.config.ratePerSecond[provider];
      bucket = new TokenBucket(rate, Math.max(1, rate), this.clock.now().getTime());
      this.buckets.set(key, bucket);
    }
    return bucket;
  }
}
