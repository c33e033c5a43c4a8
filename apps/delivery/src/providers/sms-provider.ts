export type ProviderName = 'simulator' | 'twilio';

/** One SMS as the provider needs it. */
export interface OutboundSms {
  tenantId: string;
  /** Our message id: the simulator derives everything from it; Twilio never sees it except in the callback URL. */
  messageId: string;
  to: string;
  /** The tenant's sender id; a provider may replace it with its configured number. */
  from: string;
  body: string;
}

/**
 * What one provider call came to. `transient` means the provider said it did not take the message (429, 5xx,
 * no connection): safe to try again. `ambiguous` means the request may have reached it (timeout or broken
 * connection after the request left): trying again blindly could text the person twice.
 */
export type SendResult =
  | { kind: 'accepted'; providerMessageId: string; providerStatus?: string }
  | { kind: 'permanent'; errorCode?: string; message: string; httpStatus?: number; optedOut?: boolean }
  | { kind: 'transient'; errorCode?: string; message: string; httpStatus?: number }
  | { kind: 'ambiguous'; message: string };

/** What the provider knows of a message, looked up after an attempt whose result we lost. */
export type LookupResult =
  | { kind: 'found'; providerMessageId: string; providerStatus?: string }
  | { kind: 'not_found' }
  /** The provider cannot be asked (Twilio without a sid has no client reference to look up). */
  | { kind: 'unsupported' }
  | { kind: 'unavailable'; message: string };

export interface SmsProvider {
  readonly name: ProviderName;
  /**
   * True when `lookup` always knows whether the provider took a message: then a crash leaves nothing in doubt
   * and messages may be claimed in large chunks.
   */
  readonly conclusiveLookup: boolean;
  send(message: OutboundSms): Promise<SendResult>;
  /** Status of a message the provider accepted, by its id. */
  status(providerMessageId: string): Promise<LookupResult>;
  /**
   * Finds the message by our own reference (tenant and message id). Only conclusive answers count:
   * `not_found` must mean the provider never accepted it, so sending it now is not a second send.
   */
  lookup(message: { tenantId: string; messageId: string; providerMessageId?: string }): Promise<LookupResult>;
}
