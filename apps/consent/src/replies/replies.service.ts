import { Injectable } from '@nestjs/common';

import {
  checkConsent,
  classifyReply,
  countSegments,
  helpReply,
  optOutConfirmation,
  type ReplyClassification,
  type RevocationScope,
  type ScreenedItem,
  type TenantConfig,
  type WorkMessage,
} from '@optline/domain';
import { TenantDirectory, auditRecord, emit, type Db, type Emit } from '@optline/platform';

import type { LedgerBook, LedgerCause } from '../ledger/ledger-book';
import { LedgerService, PURPOSES, type LedgerChange } from '../ledger/ledger.service';
import { RepliesRepository, type ReplyRow, type RevokedPurpose } from './replies.repository';
import { revocationPurposes } from './revocation-purposes';

type ScreenedInbound = Extract<ScreenedItem, { kind: 'inbound' }>;

/**
 * Replies from handsets (CONTRACT §3): STOP opts the number out of every purpose (or, for a tenant that opted
 * in to per-program revocation, of what it answered: revocation-purposes.ts) and sends one confirmation;
 * START restores what that STOP revoked; HELP gets the tenant's help text; a spam report is a complaint and an
 * opt-out; anything else is feedback. Every reply is recorded once per inbound id and published as `replied`.
 */
@Injectable()
export class RepliesService {
  constructor(
    private readonly ledger: LedgerService,
    private readonly replies: RepliesRepository,
    private readonly tenants: TenantDirectory,
  ) {}

  async handle(db: Db, book: LedgerBook, item: ScreenedInbound, now: Date): Promise<Emit[]> {
    const { inbound, recipient } = item;
    const reply = classifyReply(inbound.text);
    const row: ReplyRow = {
      tenantId: inbound.tenantId,
      inboundId: inbound.id,
      fingerprint: this.ledger.fingerprint(inbound.tenantId, recipient.e164),
      e164: recipient.e164,
      text: inbound.text,
      classification: reply.kind,
      ...(reply.keyword === undefined ? {} : { keyword: reply.keyword }),
      ...(reply.language === undefined ? {} : { language: reply.language }),
      occurredAt: new Date(inbound.occurredAt),
      receivedAt: new Date(item.receivedAt),
    };
    // The same reply delivered twice is handled once: no second opt-out, no second confirmation.
    if (!(await this.replies.recordReply(db, row))) return [];

    const records: Emit[] = [];
    let answer: WorkMessage | undefined;
    let scope: RevocationScope | undefined;
    switch (reply.kind) {
      case 'STOP':
        ({ confirmation: answer, scope } = await this.optOut(
          db,
          book,
          item,
          row,
          'keyword',
          reply,
          records,
          now,
        ));
        break;
      case 'COMPLAINT':
        await this.replies.recordComplaint(db, row);
        await this.optOut(db, book, item, row, 'complaint', reply, records, now);
        break;
      case 'START':
        records.push(...(await this.restore(db, book, item, row, now)));
        break;
      case 'HELP':
        answer = this.systemReply(
          'help',
          item,
          helpReply(this.tenant(item).senderId, this.tenant(item).helpText, ...this.language(item, reply)),
        );
        break;
      case 'FEEDBACK':
        break;
    }
    records.unshift(
      auditRecord('consent', {
        subjectId: `inbound:${inbound.id}`,
        tenantId: inbound.tenantId,
        at: now,
        action: 'reply.received',
        subject: { phone: recipient.e164 },
        detail: {
          inboundId: inbound.id,
          classification: reply.kind,
          ...(reply.keyword === undefined ? {} : { keyword: reply.keyword }),
          ...(reply.language === undefined ? {} : { language: reply.language }),
          ...(answer === undefined ? {} : { replyMessageId: answer.messageId }),
          ...(scope === undefined ? {} : { revocation: scope }),
        },
      }),
      emit('recipientEvents', {
        kind: 'replied',
        tenantId: inbound.tenantId,
        e164: recipient.e164,
        classification: reply.kind,
        at: inbound.occurredAt,
      }),
    );
    if (answer !== undefined) records.push(emit('cleared', { kind: 'message', message: answer }));
    return records;
  }

  /**
   * Opts the number out of every purpose at once (CONTRACT §3; FCC 24-24 "revoke all" as our policy), or of
   * marketing only for a STOP that answered marketing under a tenant's per-program opt-in while 47 CFR
   * 64.1200(a)(10)'s revoke-all is waived (revocationPurposes); a complaint always revokes all. A STOP
   * that changed something gets the one confirmation 47 CFR 64.1200(a)(12) allows; a STOP to a number already
   * opted out changes nothing and gets none. Returns the confirmation to send, if any, and the scope applied.
   */
  private async optOut(
    db: Db,
    book: LedgerBook,
    item: ScreenedInbound,
    row: ReplyRow,
    cause: LedgerCause,
    reply: ReplyClassification,
    records: Emit[],
    now: Date,
  ): Promise<{ confirmation?: WorkMessage; scope?: RevocationScope }> {
    const revocation =
      cause === 'keyword'
        ? revocationPurposes({
            at: row.occurredAt,
            tenantPerProgram: this.tenants.compliance(row.tenantId).perProgramRevocation,
            answered: await this.replies.lastAllowedPurpose(
              db,
              row.tenantId,
              row.fingerprint,
              row.occurredAt,
            ),
          })
        : undefined;
    const drafts = (revocation?.purposes ?? PURPOSES).map((purpose) =>
      this.ledger.draft({
        tenantId: row.tenantId,
        id: `keyword:${row.inboundId}:${purpose}`,
        e164: row.e164,
        region: item.recipient.region,
        purpose,
        action: 'opt_out',
        method: 'keyword',
        proof: { capturedAt: item.inbound.occurredAt, messageText: item.inbound.text },
        occurredAt: row.occurredAt,
        receivedAt: row.receivedAt,
        source: 'keyword',
        sourceEventId: row.inboundId,
        cause,
      }),
    );
    const appended = await this.ledger.append(db, book, drafts, now);
    records.push(...appended.records);
    const optedOut = appended.changes.filter(
      (change) => change.after.status === 'opted_out' && change.before.status !== 'opted_out',
    );
    const scope = revocation === undefined ? {} : { scope: revocation.scope };
    if (cause !== 'keyword' || optedOut.length === 0) return scope;

    const revoked = revokedBy(optedOut);
    if (revoked.length > 0) {
      await this.replies.recordRevocation(db, row.tenantId, row.fingerprint, {
        inboundId: row.inboundId,
        revoked,
        stoppedAt: row.occurredAt,
      });
    }
    const tenant = this.tenant(item);
    const confirmation = this.systemReply(
      'confirmation',
      item,
      optOutConfirmation(tenant.senderId, ...this.language(item, reply)),
    );
    return { ...scope, confirmation: { ...confirmation, consentEventId: optedOut[0]?.after.event?.id } };
  }

  /**
   * START restores exactly what the latest STOP revoked: a purpose is opted in again only while a STOP keyword
   * (that one or a later one) still decides it, so an opt-out of another kind (a complaint, an erasure, the
   * producer's own) is never undone, and only if the START came after the STOP.
   */
  private async restore(
    db: Db,
    book: LedgerBook,
    item: ScreenedInbound,
    row: ReplyRow,
    now: Date,
  ): Promise<Emit[]> {
    const revocation = await this.replies.openRevocation(db, row.tenantId, row.fingerprint);
    if (revocation === undefined || row.occurredAt <= revocation.stoppedAt) return [];
    const drafts = revocation.revoked
      .filter((each) => {
        const deciding = book.state(row.tenantId, row.fingerprint, each.purpose, now).event;
        return (
          deciding?.action === 'opt_out' &&
          deciding.cause === 'keyword' &&
          deciding.occurredAt >= revocation.stoppedAt
        );
      })
      .map((each) =>
        this.ledger.draft({
          tenantId: row.tenantId,
          id: `keyword:${row.inboundId}:${each.purpose}`,
          e164: row.e164,
          region: item.recipient.region,
          purpose: each.purpose,
          action: 'opt_in',
          method: 'keyword',
          proof: {
            capturedAt: item.inbound.occurredAt,
            messageText: item.inbound.text,
            restores: revocation.inboundId,
          },
          occurredAt: row.occurredAt,
          // A restored consent keeps the end it had: a START does not lengthen it.
          ...(each.previousExpiresAt === undefined ? {} : { expiresAt: new Date(each.previousExpiresAt) }),
          receivedAt: row.receivedAt,
          source: 'keyword',
          sourceEventId: row.inboundId,
          cause: 'keyword',
        }),
      );
    const appended = await this.ledger.append(db, book, drafts, now);
    await this.replies.markRestored(db, row.tenantId, revocation.inboundId, row.inboundId, now);
    return appended.records;
  }

  /** A reply the system itself sends: transactional, deterministic id, straight to scheduling. */
  private systemReply(kind: 'confirmation' | 'help', item: ScreenedInbound, body: string): WorkMessage {
    const tenant = this.tenant(item);
    return {
      kind,
      messageId: `${item.inbound.id}:${kind}`,
      tenantId: tenant.id,
      purpose: 'transactional',
      recipient: item.recipient,
      body,
      segments: countSegments(body).segments,
      senderId: tenant.senderId,
      timing: 'immediate',
      requestedAt: item.inbound.occurredAt,
      acceptedAt: item.receivedAt,
    };
  }

  /**
   * The locale and region to answer in. English keywords (STOP, HELP) are used everywhere, so only a keyword of
   * another language tells us the person's language; otherwise the contact's locale, else the country, decides.
   */
  private language(item: ScreenedInbound, reply: ReplyClassification): [string | undefined, string] {
    const spoken = reply.language !== undefined && reply.language !== 'en' ? reply.language : undefined;
    return [item.recipient.locale ?? spoken, item.recipient.region];
  }

  private tenant(item: ScreenedInbound): TenantConfig {
    return this.tenants.get(item.inbound.tenantId);
  }
}

/** The purposes the STOP took away: those a message of that purpose was allowed under before it. */
function revokedBy(optedOut: LedgerChange[]): RevokedPurpose[] {
  return optedOut.flatMap((change) => {
    const stop = change.after.event;
    if (stop === undefined || !checkConsent(change.purpose, change.before).allowed) return [];
    const previous = change.before.event;
    return [
      {
        purpose: change.purpose,
        stopLedgerEventId: stop.id,
        ...(previous === undefined ? {} : { previousLedgerEventId: previous.id }),
        ...(previous?.expiresAt === undefined ? {} : { previousExpiresAt: previous.expiresAt.toISOString() }),
      },
    ];
  });
}
