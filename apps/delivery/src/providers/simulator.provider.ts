import { createHash } from 'node:crypto';

import type { SimulatorSettings } from '../config/delivery.config';
import type { SimulatorRepository } from './simulator.repository';
import type { LookupResult, OutboundSms, SendResult, SmsProvider } from './sms-provider';

/**
 * Twilio's test credentials answer fixed "magic" numbers the same way every time; the simulator does too, so a
 * rejected send can be produced on purpose: +15005550001 is refused as an invalid 'To' (error 21211).
 */
const MAGIC_INVALID_NUMBER = '+15005550001';

/** A number in [0, 1) fixed by the message: the simulator answers the same way every time for the same message. */
export function draw(tenantId: string, messageId: string, purpose: string): number {
  const digest = createHash('sha256').update(`${tenantId}\u0000${messageId}\u0000${purpose}`).digest();
  return digest.readUIntBE(0, 6) / 2 ** 48;
}

export function simulatedMessageId(tenantId: string, messageId: string): string {
  return `SIM${createHash('sha256').update(`${tenantId}\u0000${messageId}`).digest('hex').slice(0, 32)}`;
}

/** The receipt a simulated message will get, fixed by the message id and the configured mix. */
export function simulatedReceipt(
  settings: Pick<SimulatorSettings, 'failureRate' | 'undeliverableRate'>,
  tenantId: string,
  messageId: string,
): { status: 'delivered' | 'failed' | 'undeliverable'; errorCode?: string } {
  const value = draw(tenantId, messageId, 'receipt');
  if (value < settings.failureRate) return { status: 'failed', errorCode: '30008' };
  if (value < settings.failureRate + settings.undeliverableRate)
    return { status: 'undeliverable', errorCode: '30003' };
  return { status: 'delivered' };
}

/**
 * The default provider for local runs and the demo. Deterministic from the message id; latency and the mix of
 * rejections, transient errors and receipts come from the environment. What it accepts is stored (as a real
 * provider's database would hold it), and its receipts are published to optline.receipts.v1 by
 * `SimulatorReceiptsWorker` after a short delay, as a provider's webhook would.
 */
export class SimulatorProvider implements SmsProvider {
  readonly name = 'simulator' as const;
  readonly conclusiveLookup = true;
  /** Messages that already had their one simulated transient failure. */
  private readonly failedOnce = new Set<string>();

  constructor(
    private readonly settings: SimulatorSettings,
    private readonly store: SimulatorRepository,
    private readonly now: () => Date,
  ) {}

  async send(message: OutboundSms): Promise<SendResult> {
    if (this.settings.latencyMs > 0) await new Promise((done) => setTimeout(done, this.settings.latencyMs));
    const { tenantId, messageId } = message;
    if (
      message.to === MAGIC_INVALID_NUMBER ||
      draw(tenantId, messageId, 'reject') < this.settings.rejectRate
    ) {
      return {
        kind: 'permanent',
        errorCode: '21211',
        message: "simulated: the 'To' number is not a valid phone number",
        httpStatus: 400,
      };
    }
    const key = `${tenantId}\u0000${messageId}`;
    if (draw(tenantId, messageId, 'transient') < this.settings.transientRate && !this.failedOnce.has(key)) {
      if (this.failedOnce.size > 100_000) this.failedOnce.clear();
      this.failedOnce.add(key);
      return { kind: 'transient', message: 'simulated: service unavailable', httpStatus: 503 };
    }
    const providerMessageId = simulatedMessageId(tenantId, messageId);
    const receipt = simulatedReceipt(this.settings, tenantId, messageId);
    await this.store.accept({
      tenantId,
      messageId,
      providerMessageId,
      receiptStatus: receipt.status,
      ...(receipt.errorCode ? { errorCode: receipt.errorCode } : {}),
      receiptDueAt: new Date(this.now().getTime() + this.settings.receiptDelayMs),
    });
    return { kind: 'accepted', providerMessageId, providerStatus: 'queued' };
  }

  async status(providerMessageId: string): Promise<LookupResult> {
    const found = await this.store.findById(providerMessageId);
    return found
      ? { kind: 'found', providerMessageId, providerStatus: statusOf(found) }
      : { kind: 'not_found' };
  }

  /** Conclusive: the simulator's store is written before `send` answers. */
  async lookup(message: { tenantId: string; messageId: string }): Promise<LookupResult> {
    const found = await this.store.findByReference(message.tenantId, message.messageId);
    return found
      ? { kind: 'found', providerMessageId: found.providerMessageId, providerStatus: statusOf(found) }
      : { kind: 'not_found' };
  }
}

function statusOf(message: { receiptStatus: string; receiptPublished: boolean }): string {
  return message.receiptPublished ? message.receiptStatus : 'sent';
}
