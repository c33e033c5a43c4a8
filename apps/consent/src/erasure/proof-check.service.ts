import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';

import { maskPhone, type ConsentProof, type Purpose } from '@optline/domain';
import { SERVICE_CONFIG, type ServiceConfig } from '@optline/platform';

import { LedgerRepository } from '../ledger/ledger.repository';
import { LedgerService } from '../ledger/ledger.service';
import { proofHash } from '../ledger/proof';

export interface ProofCheck {
  number: string;
  events: Array<{
    ledgerEventId: string;
    purpose: Purpose;
    action: 'opt_in' | 'opt_out';
    method: string;
    occurredAt: string;
    expiresAt?: string;
    erased: boolean;
    /** Present when a proof was supplied: whether it is exactly the proof this event recorded. */
    proofMatches?: boolean;
  }>;
}

/** Finds a number's ledger events by its keyed fingerprint and compares a supplied proof with the kept hash. */
@Injectable()
export class ProofCheckService {
  constructor(
    private readonly pool: Pool,
    private readonly ledger: LedgerService,
    private readonly ledgerRows: LedgerRepository,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async check(tenantId: string, e164: string, proof?: ConsentProof): Promise<ProofCheck> {
    const evidence = await this.ledgerRows.evidenceOf(
      this.pool,
      tenantId,
      this.ledger.fingerprint(tenantId, e164),
    );
    const suppliedHash =
      proof === undefined ? undefined : proofHash(this.config.piiKey, tenantId, e164, proof);
    return {
      number: maskPhone(e164),
      events: evidence.map((event) => ({
        ledgerEventId: event.id,
        purpose: event.purpose,
        action: event.action,
        method: event.method,
        occurredAt: event.occurredAt.toISOString(),
        ...(event.expiresAt === null ? {} : { expiresAt: event.expiresAt.toISOString() }),
        erased: event.erasedAt !== null,
        ...(suppliedHash === undefined ? {} : { proofMatches: suppliedHash === event.proofHash }),
      })),
    };
  }
}
