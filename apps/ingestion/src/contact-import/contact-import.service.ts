import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

import { Inject, Injectable } from '@nestjs/common';
import { parse, type CsvError } from 'csv-parse';
import { Pool } from 'pg';

import { normalisePhone, type ImportReport, type TenantConfig } from '@optline/domain';
import { Clock, Publisher, ValidationFailed } from '@optline/platform';

import { INGESTION_CONFIG, type IngestionConfig } from '../config/ingestion.config';
import { forwardInput } from '../intake/forwarding';
import { publishInChunks } from '../producer-api/chunked-publish';
import { TenantNumbersRepository } from '../tenant-numbers/tenant-numbers.repository';
import { TenantNumbersService } from '../tenant-numbers/tenant-numbers.service';
import { parseHeader, rowToUpsert, type ColumnPlan } from './csv-rows';
import { ImportTally, decideBatch, type Candidate } from './import-report';

interface ParsedRecord {
  record: string[];
  raw: string;
  info: { lines: number };
}

/**
 * `POST /v1/contacts/import`: streams the CSV through csv-parse with back-pressure (the request is read only
 * as fast as batches are cleaned, checked and published), so memory holds one batch, never the file. Each
 * batch: rows cleaned with the same rules as validation (normalisePhone, the tenant's default country and
 * allowed countries), decided against ingestion's record of the tenant's contacts and suppressions, the
 * kept rows published as accepted ContactUpserts (acks=all), then recorded as known contacts of this import.
 */
@Injectable()
export class ContactImportService {
  constructor(
    private readonly pool: Pool,
    private readonly publisher: Publisher,
    private readonly clock: Clock,
    private readonly numbers: TenantNumbersService,
    private readonly known: TenantNumbersRepository,
    @Inject(INGESTION_CONFIG) private readonly config: IngestionConfig,
  ) {}

  async importCsv(request: IncomingMessage, tenant: TenantConfig): Promise<ImportReport> {
    const importId = randomUUID();
    const tally = new ImportTally();
    const skipped: Array<{ row: number; raw: string; message: string }> = [];
    const parser = parse({
      bom: true,
      raw: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (error: CsvError | undefined, raw: string | undefined) => {
        skipped.push({
          row: Number(error?.lines ?? 0),
          raw: raw ?? '',
          message: error?.message ?? 'unreadable CSV',
        });
        return undefined;
      },
    });
    request.on('error', (error) => parser.destroy(error));
    request.on('close', () => {
      if (!request.complete) parser.destroy(new Error('the upload was aborted'));
    });
    request.pipe(parser);

    const drainSkipped = () => {
      for (const skip of skipped.splice(0))
        tally.reject('invalid', skip.row, skip.raw, `MALFORMED: ${skip.message}`);
    };
    let plan: ColumnPlan | undefined;
    let batch: Candidate[] = [];
    for await (const { record, raw, info } of parser as AsyncIterable<ParsedRecord>) {
      drainSkipped();
      if (plan === undefined) {
        const header = parseHeader(record);
        if (!header.ok) {
          request.unpipe(parser);
          request.resume();
          throw new ValidationFailed(header.errors, 'the CSV header row is not usable');
        }
        plan = header.plan;
        continue;
      }
      if (record.every((cell) => cell.trim() === '')) continue;
      const candidate = this.clean(record, raw, info.lines, plan, tenant, importId, tally);
      if (candidate) batch.push(candidate);
      if (batch.length >= this.config.importBatchRows) {
        await this.flush(batch, tenant, importId, tally);
        batch = [];
      }
    }
    drainSkipped();
    await this.flush(batch, tenant, importId, tally);
    if (plan === undefined) {
      throw new ValidationFailed([
        { path: 'header', message: 'the file is empty: a header row with externalId,phone is needed' },
      ]);
    }
    return tally.report();
  }

  /** The row checks that need nothing but the row: shape, schema, number validity and type, country. */
  private clean(
    cells: string[],
    raw: string,
    row: number,
    plan: ColumnPlan,
    tenant: TenantConfig,
    importId: string,
    tally: ImportTally,
  ): Candidate | undefined {
    const base = {
      id: `import:${importId}:${row}`,
      tenantId: tenant.id,
      occurredAt: this.clock.now().toISOString(),
    };
    const parsed = rowToUpsert(cells, plan, base);
    if (!parsed.ok) {
      tally.reject('invalid', row, raw, parsed.reason);
      return undefined;
    }
    const number = normalisePhone(parsed.upsert.phone, parsed.upsert.defaultCountry ?? tenant.defaultCountry);
    if (!number.ok) {
      tally.reject(
        number.reason === 'NOT_SMS_CAPABLE' ? 'notSmsCapable' : 'invalid',
        row,
        raw,
        number.reason,
      );
      return undefined;
    }
    if (tenant.allowedCountries && !tenant.allowedCountries.includes(number.region)) {
      tally.reject('invalid', row, raw, 'COUNTRY_NOT_ALLOWED');
      return undefined;
    }
    // Published clean: the number in E.164, so validation reads exactly what was checked here.
    const { defaultCountry: _, ...upsert } = { ...parsed.upsert, phone: number.e164 };
    return {
      row,
      input: raw,
      upsert,
      e164: number.e164,
      fingerprint: this.numbers.fingerprint(tenant.id, number.e164),
    };
  }

  private async flush(
    batch: Candidate[],
    tenant: TenantConfig,
    importId: string,
    tally: ImportTally,
  ): Promise<void> {
    if (batch.length === 0) return;
    const known = await this.known.findKnown(
      this.pool,
      tenant.id,
      batch.map((candidate) => candidate.upsert.externalId),
      batch.map((candidate) => candidate.e164),
    );
    const suppressed = await this.known.findSuppressed(
      this.pool,
      tenant.id,
      batch.map((candidate) => candidate.fingerprint),
    );
    const decisions = decideBatch(batch, known, suppressed, importId);

    const now = this.clock.now();
    const kept = decisions.flatMap((decision) =>
      decision.outcome === 'imported' || decision.outcome === 'updated' ? [decision.candidate] : [],
    );
    await publishInChunks(
      this.publisher,
      kept.map((candidate) => forwardInput('contacts', candidate.upsert, now)),
    );
    await this.known.recordContacts(
      this.pool,
      kept.map((candidate) => ({
        tenantId: tenant.id,
        externalId: candidate.upsert.externalId,
        e164: candidate.e164,
        importId,
      })),
      now,
    );
    for (const decision of decisions) {
      if ('reason' in decision)
        tally.reject(decision.outcome, decision.candidate.row, decision.candidate.input, decision.reason);
      else tally.count(decision.outcome);
    }
  }
}
