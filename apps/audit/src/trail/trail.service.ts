import { Inject, Injectable } from '@nestjs/common';

import type { AuditEvent, MessageOutcome } from '@optline/domain';
import { SERVICE_CONFIG, type Db, type ServiceConfig } from '@optline/platform';

import { chainHash } from './chain';
import { auditEntry, indexColumns, outcomeEntry, phoneForms, type TrailEntry } from './scrub';
import { TrailRepository, type NewRow } from './trail.repository';

/**
 * Appends audit events and outcomes to the trail. One consumed batch is one transaction (the platform's), holding
 * the chain heads of its tenants locked: the rows of a tenant get consecutive `seq` numbers and each carries the
 * hash of the one before. An id already stored (or seen earlier in the batch) is not appended again.
 */
@Injectable()
export class TrailService {
  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly trail: TrailRepository,
  ) {}

  appendEvents(db: Db, events: AuditEvent[]): Promise<number> {
    return this.append(
      db,
      events.map((event) => auditEntry(event, phoneForms(this.config.piiKey, event.tenantId))),
    );
  }

  appendOutcomes(db: Db, outcomes: MessageOutcome[]): Promise<number> {
    return this.append(
      db,
      outcomes.map((outcome) => outcomeEntry(outcome, phoneForms(this.config.piiKey, outcome.tenantId))),
    );
  }

  private async append(db: Db, entries: TrailEntry[]): Promise<number> {
    if (entries.length === 0) return 0;
    const tenants = [...new Set(entries.map((e) => e.tenantId))].sort();
    const { heads, now } = await this.trail.lockHeads(db, tenants);
    const seen = await this.trail.existing(db, entries);
    const rows: NewRow[] = [];
    for (const entry of entries) {
      const key = `${entry.tenantId}\u0000${entry.recordId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const head = heads.get(entry.tenantId)!;
      const seq = head.seq + 1;
      const content = {
        tenantId: entry.tenantId,
        seq,
        id: entry.recordId,
        kind: entry.kind,
        recordedAt: now,
        body: entry.body,
      };
      const hash = chainHash(head.hash, content);
      rows.push({
        ...content,
        recordId: entry.recordId,
        ...indexColumns(entry.kind, entry.body),
        prevHash: head.hash,
        hash,
      });
      heads.set(entry.tenantId, { seq, hash });
    }
    await this.trail.append(db, rows, heads);
    return rows.length;
  }
}
