/*
 * A local fake of Twilio's Programmable Messaging REST API (the provider's far side), following its documented
 * requests and responses: `POST /2010-04-01/Accounts/{AccountSid}/Messages.json`, form-encoded, HTTP basic auth
 * AccountSid:AuthToken, answering 201 with the message resource or an error `{code, message, more_info, status}`;
 * `GET /2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json` for a message's status.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const ACCOUNT_SID = 'AC00000000000000000000000000000001';
export const AUTH_TOKEN = 'fake-auth-token';
export const FROM = '+15005550006';

export interface FakeRequest {
  to: string;
  from?: string;
  messagingServiceSid?: string;
  body: string;
  statusCallback?: string;
  /** Our message id, read back out of the body (`[id] ...`). */
  messageId: string;
  /** This request's number among the requests for the same message id, from 1. */
  nth: number;
}

/** How the fake answers one send: a status and JSON body, after an optional delay. */
export interface FakeReply {
  status: number;
  json?: Record<string, unknown>;
  delayMs?: number;
}

export function twilioError(status: number, code: number, message: string): FakeReply {
  return { status, json: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status } };
}

export class TwilioFake {
  readonly requests: FakeRequest[] = [];
  /** Requests answered 201, per message id. */
  readonly accepted = new Map<string, string[]>();
  /** Problems with a request's shape; a test asserts this stays empty. */
  readonly violations: string[] = [];
  /** Decides the answer to each send; the default accepts. */
  reply: (request: FakeRequest) => FakeReply | undefined = () => undefined;
  private readonly messages = new Map<string, { sid: string; status: string; to: string }>();
  private server?: Server;

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 2000;
    await new Promise<void>((done) => this.server!.listen(0, '127.0.0.1', done));
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((done) => this.server?.close(() => done()) ?? done());
  }

  requestsFor(messageId: string): FakeRequest[] {
    return this.requests.filter((request) => request.messageId === messageId);
  }

  acceptedCount(messageId: string): number {
    return this.accepted.get(messageId)?.length ?? 0;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const expectedAuth = `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}`;
    if (req.headers.authorization !== expectedAuth) {
      this.violations.push(`bad Authorization: ${req.headers.authorization}`);
      return send(res, twilioError(401, 20003, 'Authenticate'));
    }
    const base = `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages`;
    const url = new URL(req.url ?? '/', 'http://fake');
    if (req.method === 'GET' && url.pathname.startsWith(`${base}/`) && url.pathname.endsWith('.json')) {
      const sid = decodeURIComponent(url.pathname.slice(base.length + 1, -'.json'.length));
      const message = this.messages.get(sid);
      return send(
        res,
        message
          ? { status: 200, json: { sid, status: message.status, to: message.to, account_sid: ACCOUNT_SID } }
          : twilioError(404, 20404, `The requested resource ${url.pathname} was not found`),
      );
    }
    if (req.method !== 'POST' || url.pathname !== `${base}.json`) {
      this.violations.push(`unexpected ${req.method} ${url.pathname}`);
      return send(res, twilioError(404, 20404, 'not found'));
    }
    if (!String(req.headers['content-type']).startsWith('application/x-www-form-urlencoded')) {
      this.violations.push(`content-type ${req.headers['content-type']}`);
      return send(res, twilioError(400, 21601, 'form encoding expected'));
    }
    const form = new URLSearchParams(raw);
    const to = form.get('To');
    const body = form.get('Body');
    const from = form.get('From') ?? undefined;
    const messagingServiceSid = form.get('MessagingServiceSid') ?? undefined;
    if (!to || !body || (!from && !messagingServiceSid)) {
      this.violations.push(`missing To/Body/From in ${raw}`);
      return send(res, twilioError(400, 21604, "A 'To' phone number is required."));
    }
    const messageId = /^\[([^\]]+)\]/.exec(body)?.[1] ?? '(none)';
    const request: FakeRequest = {
      to,
      body,
      messageId,
      nth: this.requestsFor(messageId).length + 1,
      ...(from ? { from } : {}),
      ...(messagingServiceSid ? { messagingServiceSid } : {}),
      ...(form.get('StatusCallback') ? { statusCallback: form.get('StatusCallback')! } : {}),
    };
    this.requests.push(request);
    const reply = this.reply(request);
    if (reply?.delayMs) await new Promise((done) => setTimeout(done, reply.delayMs));
    if (reply && reply.status !== 201) return send(res, reply);
    const sid = `SM${randomBytes(16).toString('hex')}`;
    this.messages.set(sid, { sid, status: 'queued', to });
    this.accepted.set(messageId, [...(this.accepted.get(messageId) ?? []), sid]);
    send(res, {
      status: 201,
      json: {
        sid,
        status: 'queued',
        to,
        from: from ?? null,
        body,
        account_sid: ACCOUNT_SID,
        messaging_service_sid: messagingServiceSid ?? null,
        error_code: null,
        error_message: null,
      },
    });
  }
}

function send(res: ServerResponse, reply: FakeReply): void {
  if (res.destroyed) return;
  res.writeHead(reply.status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(reply.json ?? {}));
}
