import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

import type { TwilioSettings } from '../config/delivery.config';
import type { LookupResult, OutboundSms, SendResult, SmsProvider } from './sms-provider';

/** Twilio error codes that mean the person opted out at the carrier or at Twilio (treated as opt-out information). */
const OPT_OUT_CODES = new Set(['21610']);

interface HttpAnswer {
  status: number;
  body: string;
}
type HttpOutcome = { ok: true; answer: HttpAnswer } | { ok: false; error: Error; requestSent: boolean };

/**
 * Maps Twilio's answer to a send (Programmable Messaging, `POST /2010-04-01/Accounts/{sid}/Messages.json`):
 * 2xx with a `sid` is accepted; 429 and 5xx are transient (Twilio did not take it); any other 4xx is a
 * permanent rejection carrying Twilio's `{code, message}` (21211 invalid 'To', 21610 unsubscribed recipient).
 */
export function classifyTwilioSend(status: number, body: string): SendResult {
  const json = parseJson(body);
  if (status >= 200 && status < 300) {
    const sid = typeof json?.sid === 'string' ? json.sid : undefined;
    if (!sid) return { kind: 'ambiguous', message: `Twilio answered ${status} without a message sid` };
    return {
      kind: 'accepted',
      providerMessageId: sid,
      ...(typeof json?.status === 'string' ? { providerStatus: json.status } : {}),
    };
  }
  const errorCode = json?.code === undefined || json.code === null ? undefined : String(json.code);
  const message = typeof json?.message === 'string' ? json.message : `Twilio answered HTTP ${status}`;
  const common = { message, httpStatus: status, ...(errorCode ? { errorCode } : {}) };
  if (status === 429 || status >= 500) return { kind: 'transient', ...common };
  if (status >= 400)
    return {
      kind: 'permanent',
      ...common,
      ...(errorCode && OPT_OUT_CODES.has(errorCode) ? { optedOut: true } : {}),
    };
  return { kind: 'transient', ...common };
}

/** Maps Twilio's answer to `GET .../Messages/{sid}.json`. */
export function classifyTwilioStatus(status: number, body: string): LookupResult {
  const json = parseJson(body);
  if (status === 200 && typeof json?.sid === 'string') {
    return {
      kind: 'found',
      providerMessageId: json.sid,
      ...(typeof json.status === 'string' ? { providerStatus: json.status } : {}),
    };
  }
  if (status === 404) return { kind: 'not_found' };
  return { kind: 'unavailable', message: `Twilio answered HTTP ${status} to a status lookup` };
}

/** Twilio's Programmable Messaging REST API, against a configurable base URL. */
export class TwilioProvider implements SmsProvider {
  readonly name = 'twilio' as const;
  readonly conclusiveLookup = false;
  private readonly base: URL;
  private readonly agent: HttpAgent;

  constructor(
    private readonly settings: TwilioSettings,
    private readonly timeoutMs: number,
  ) {
    this.base = new URL(settings.baseUrl);
    const options = { keepAlive: true, maxSockets: 64 };
    this.agent = this.base.protocol === 'https:' ? new HttpsAgent(options) : new HttpAgent(options);
  }

  async send(message: OutboundSms): Promise<SendResult> {
    const form = new URLSearchParams({ To: message.to, Body: message.body });
    if (this.settings.messagingServiceSid) form.set('MessagingServiceSid', this.settings.messagingServiceSid);
    else form.set('From', this.settings.from ?? message.from);
    if (this.settings.statusCallbackUrl) {
      // Our own reference rides on the callback, so a status arriving for a sid we never stored can be matched.
      const callback = new URL(this.settings.statusCallbackUrl);
      callback.searchParams.set('tenantId', message.tenantId);
      callback.searchParams.set('messageId', message.messageId);
      form.set('StatusCallback', callback.toString());
    }
    const outcome = await this.call('POST', this.messagesPath('.json'), form.toString());
    if (outcome.ok) return classifyTwilioSend(outcome.answer.status, outcome.answer.body);
    // Nothing left this process: safe to try again. Once the request was written, Twilio may have taken it.
    return outcome.requestSent
      ? { kind: 'ambiguous', message: outcome.error.message }
      : { kind: 'transient', message: outcome.error.message };
  }

  async status(providerMessageId: string): Promise<LookupResult> {
    const outcome = await this.call(
      'GET',
      this.messagesPath(`/${encodeURIComponent(providerMessageId)}.json`),
    );
    if (!outcome.ok) return { kind: 'unavailable', message: outcome.error.message };
    return classifyTwilioStatus(outcome.answer.status, outcome.answer.body);
  }

  /** Twilio has no idempotency key and cannot be searched by our reference: only a stored sid can be looked up. */
  async lookup(message: { providerMessageId?: string }): Promise<LookupResult> {
    return message.providerMessageId ? this.status(message.providerMessageId) : { kind: 'unsupported' };
  }

  private messagesPath(suffix: string): string {
    const prefix = this.base.pathname.replace(/\/+$/, '');
    return `${prefix}/2010-04-01/Accounts/${encodeURIComponent(this.settings.accountSid ?? '')}/Messages${suffix}`;
  }

  private call(method: 'GET' | 'POST', path: string, form?: string): Promise<HttpOutcome> {
    const auth = Buffer.from(`${this.settings.accountSid ?? ''}:${this.settings.authToken ?? ''}`).toString(
      'base64',
    );
    const headers: Record<string, string> = { Authorization: `Basic ${auth}`, Accept: 'application/json' };
    if (form !== undefined) {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      headers['Content-Length'] = String(Buffer.byteLength(form));
    }
    const send = this.base.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<HttpOutcome>((resolve) => {
      let requestSent = false;
      let settled = false;
      const settle = (outcome: HttpOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        resolve(outcome);
      };
      const req = send(
        {
          protocol: this.base.protocol,
          hostname: this.base.hostname,
          port: this.base.port,
          path,
          method,
          headers,
          agent: this.agent,
        },
        (res: IncomingMessage) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            settle({
              ok: true,
              answer: { status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') },
            }),
          );
          res.on('error', (error) => settle({ ok: false, error, requestSent: true }));
        },
      );
      const deadline = setTimeout(
        () => req.destroy(new Error(`no answer from Twilio within ${this.timeoutMs} ms`)),
        this.timeoutMs,
      );
      req.on('finish', () => (requestSent = true));
      req.on('error', (error) => settle({ ok: false, error, requestSent }));
      req.end(form);
    });
  }
}

function parseJson(body: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
