import { Readable, pipeline } from 'node:stream';

import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { stringify } from 'csv-stringify';

import {
  consentStateAt,
  maskPhone,
  normalisePhone,
  phoneFingerprint,
  type ConsentLedgerEntry,
  type Purpose,
} from '@optline/domain';
import { SERVICE_CONFIG, ValidationFailed, type ServiceConfig } from '@optline/platform';

import { ChainVerifier, GENESIS_HASH } from '../trail/chain';
import { indexColumns, phoneForms, scrubId } from '../trail/scrub';
import {
  encodeCursor,
  decodeCursor,
  type ConsentQuery,
  type EventsQuery,
  type IntegrityQuery,
} from './auditor.queries';
import { AuditorRepository, CSV_COLUMNS, type TrailRow } from './auditor.repository';

const DEFAULT_PAGE = 100;
/** A number's history lists at most this many rows found by the number (and the full timelines of their messages). */
const NUMBER_HISTORY_LIMIT = 5000;

type Body = Record<string, unknown>;

/** Answers the auditor API (CONTRACT §4) from the trail, always within the caller's tenant. */
@Injectable()
export class AuditorService {
  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly trail: AuditorRepository,
  ) {}

  /** The message's whole timeline, oldest first: audit events (each with its rules version) and outcomes. */
  async message(tenantId: string, messageId: string) {
    const rows = await this.trail.timeline(
      tenantId,
      scrubId(messageId, phoneForms(this.config.piiKey, tenantId)),
    );
    if (rows.length === 0) throw new NotFoundException(`no message ${messageId}`);
    return { messageId, events: bodies(rows, 'event'), outcomes: bodies(rows, 'outcome') };
  }

  /** Everything the trail holds about a number: consent changes, messages, hygiene, feedback. */
  async number(tenantId: string, defaultCountry: string, raw: string) {
    const { e164, fingerprint } = this.phone(tenantId, defaultCountry, raw);
    const found = await this.trail.byPhone(tenantId, fingerprint, NUMBER_HISTORY_LIMIT);
    if (found.length === 0) throw new NotFoundException('nothing recorded for this number');
    const messageIds = [
      ...new Set(found.map((row) => messageIdOf(row)).filter((id): id is string => id !== null)),
    ];
    const timelines = await this.trail.byMessages(tenantId, messageIds);
    const actionOf = (row: TrailRow) => String(row.body.action ?? '');
    const events = found.filter((row) => row.kind === 'event');
    return {
      phone: maskPhone(e164),
      phoneFingerprint: fingerprint,
      consent: events.filter((row) => actionOf(row).startsWith('consent.')).map((row) => row.body),
      messages: messageIds.map((messageId) => {
        const rows = timelines.filter((row) => messageIdOf(row) === messageId);
        return { messageId, events: bodies(rows, 'event'), outcomes: bodies(rows, 'outcome') };
      }),
      hygiene: events.filter((row) => /^(number|contact)\./.test(actionOf(row))).map((row) => row.body),
      feedback: events
        .filter((row) => /^(reply\.|campaign\.(complaint|opt_out))/.test(actionOf(row)))
        .map((row) => row.body),
      auditorQueries: events.filter((row) => actionOf(row) === 'auditor.query').map((row) => row.body),
    };
  }

  /** The consent status of a number for a purpose at an instant, with the consent event that set it. */
  async consent(tenantId: string, defaultCountry: string, raw: string, query: ConsentQuery, now: Date) {
    const { e164, fingerprint, region } = this.phone(tenantId, defaultCountry, raw);
    const at = query.at ? new Date(query.at) : now;
    const rows = await this.trail.consentEvents(tenantId, fingerprint);
    const entries = new Map<string, { entry: ConsentLedgerEntry; body: Body }>();
    for (const row of rows) {
      const entry = ledgerEntry(row.body.detail, region);
      if (entry) entries.set(entry.id, { entry, body: row.body });
    }
    const state = consentStateAt(
      [...entries.values()].map((e) => e.entry),
      query.purpose,
      at,
    );
    const source = state.event ? entries.get(state.event.id)?.body : undefined;
    return {
      phone: maskPhone(e164),
      purpose: query.purpose,
      at: at.toISOString(),
      status: state.status,
      since: state.since?.toISOString() ?? null,
      event: source ? consentEventOf(source, tenantId, maskPhone(e164)) : null,
    };
  }

  async eventsPage(tenantId: string, query: EventsQuery) {
    const limit = query.limit ?? DEFAULT_PAGE;
    const rows = await this.trail.eventsPage(
      tenantId,
      this.filters(tenantId, query),
      decodeCursor(query.cursor),
      limit + 1,
    );
    const page = rows.slice(0, limit);
    const more = rows.length > limit;
    return {
      events: page.map((row) => row.body),
      ...(more ? { nextCursor: encodeCursor(page[page.length - 1]!.seq) } : {}),
    };
  }

  /** Every matching event as CSV, read through a cursor and written as the client takes it. */
  eventsCsv(tenantId: string, query: EventsQuery): Readable {
    const records = Readable.from(this.trail.csvRecords(tenantId, this.filters(tenantId, query)));
    // pipeline: a client that goes away destroys the source too, which closes the cursor and frees the connection.
    return pipeline(
      records,
      stringify({ header: true, columns: CSV_COLUMNS, escape_formulas: true }),
      () => undefined,
    );
  }

  /** The campaign report: requested from `message.received`, statuses from the outcomes (distinct messages). */
  async campaign(tenantId: string, campaignId: string) {
    const counts = await this.trail.campaign(
      tenantId,
      scrubId(campaignId, phoneForms(this.config.piiKey, tenantId)),
    );
    if (counts.rows === 0) throw new NotFoundException(`no campaign ${campaignId}`);
    const rate = (n: number) => (counts.sent === 0 ? 0 : n / counts.sent);
    return {
      campaignId,
      requested: counts.requested,
      sent: counts.sent,
      delivered: counts.delivered,
      failed: counts.failed,
      blocked: counts.blocked,
      deferred: counts.deferred,
      expired: counts.expired,
      cancelled: counts.cancelled,
      optOuts: counts.optOuts,
      complaints: counts.complaints,
      optOutRate: rate(counts.optOuts),
      complaintRate: rate(counts.complaints),
    };
  }

  /** Recomputes the tenant's hash chain over the range and names the first row that does not hold. */
  async integrity(tenantId: string, query: IntegrityQuery) {
    let verifier: ChainVerifier | undefined;
    let last: { id: string; seq: number } | undefined;
    await this.trail.walkChain(tenantId, query, {
      start: ({ seq, prevHash }) => {
        const expected = seq <= 1 ? GENESIS_HASH : (prevHash ?? '(missing row before this range)');
        verifier = new ChainVerifier({ seq: Math.max(seq, 1), prevHash: expected }, indexColumns);
      },
      row: (row) => {
        last = { id: row.id, seq: row.seq };
        return verifier!.check(row);
      },
      end: (head) => verifier!.checkHead(head, last),
    });
    const broken = verifier?.broken;
    return {
      ok: broken === undefined,
      checked: verifier?.checked ?? 0,
      ...(broken ? { firstBrokenId: broken.id, firstBrokenSeq: broken.seq, problem: broken.problem } : {}),
    };
  }

  private filters(tenantId: string, query: EventsQuery) {
    const { from, to, action, reason, campaignId } = query;
    return {
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(action ? { action } : {}),
      ...(reason ? { reason } : {}),
      ...(campaignId ? { campaignId: scrubId(campaignId, phoneForms(this.config.piiKey, tenantId)) } : {}),
    };
  }

  /** The auditor gives the number in clear; the trail is searched by its keyed fingerprint. */
  private phone(tenantId: string, defaultCountry: string, raw: string) {
    const normalised = normalisePhone(raw, defaultCountry);
    if (!normalised.ok)
      throw new ValidationFailed(
        [{ path: 'e164', message: `not a usable phone number (${normalised.reason})` }],
        'bad phone number',
      );
    return {
      e164: normalised.e164,
      region: normalised.region,
      fingerprint: phoneFingerprint(this.config.piiKey, tenantId, normalised.e164),
    };
  }
}

function bodies(rows: TrailRow[], kind: 'event' | 'outcome'): Body[] {
  return rows.filter((row) => row.kind === kind).map((row) => row.body);
}

function messageIdOf(row: TrailRow): string | null {
  const subject = row.body.subject as Body | undefined;
  const id = row.kind === 'event' ? subject?.messageId : row.body.messageId;
  return typeof id === 'string' ? id : null;
}

/** The consent ledger entry carried by a `consent.opt_in` / `consent.opt_out` event's detail. */
function ledgerEntry(detail: unknown, region: string): ConsentLedgerEntry | undefined {
  const d = (detail ?? {}) as Body;
  const occurredAt = typeof d.occurredAt === 'string' ? new Date(d.occurredAt) : undefined;
  if (typeof d.ledgerEventId !== 'string' || !occurredAt || Number.isNaN(occurredAt.getTime()))
    return undefined;
  if (
    (d.purpose !== 'marketing' && d.purpose !== 'transactional') ||
    (d.action !== 'opt_in' && d.action !== 'opt_out')
  )
    return undefined;
  const expiresAt = typeof d.expiresAt === 'string' ? new Date(d.expiresAt) : undefined;
  return {
    id: d.ledgerEventId,
    purpose: d.purpose as Purpose,
    action: d.action,
    method: d.method as ConsentLedgerEntry['method'],
    occurredAt,
    region,
    ...(expiresAt && !Number.isNaN(expiresAt.getTime()) ? { expiresAt } : {}),
  };
}

/** The ConsentEvent behind a consent audit event, proof included (the number masked). */
function consentEventOf(body: Body, tenantId: string, phone: string) {
  const d = (body.detail ?? {}) as Body;
  return {
    id: d.ledgerEventId,
    tenantId,
    occurredAt: d.occurredAt,
    phone,
    purpose: d.purpose,
    action: d.action,
    method: d.method,
    proof: d.proof ?? {},
    ...(d.expiresAt !== undefined ? { expiresAt: d.expiresAt } : {}),
    ...(d.cause !== undefined ? { cause: d.cause } : {}),
    auditEventId: body.id,
    recordedBy: body.service,
  };
}
