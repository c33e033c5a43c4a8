import type { ContactUpsert, ImportReport } from '@optline/domain';
import type { SchemaObject } from '@nestjs/swagger';

import type { KnownContact } from '../tenant-numbers/tenant-numbers.repository';

/** Rows listed in `rejected` at most, and characters kept of each row's text. */
export const MAX_REJECTED = 1000;
export const MAX_INPUT_CHARS = 500;

/** A row that passed the row checks and has an SMS-capable number: only the tenant's numbers decide now. */
export interface Candidate {
  row: number;
  input: string;
  upsert: ContactUpsert;
  e164: string;
  fingerprint: string;
}

export type Decision =
  | { candidate: Candidate; outcome: 'imported' | 'updated' }
  | { candidate: Candidate; outcome: 'duplicates' | 'suppressed'; reason: string };

/**
 * Decides a batch of rows against what ingestion knows of the tenant's contacts (`known`: rows of the batch's
 * externalIds and numbers, `importId` marking those this file already wrote) and suppressed numbers, in file
 * order. A contact is the first row that brings its externalId and number; later rows with either are
 * duplicates, as is a number another contact of the tenant already holds (two contacts with one number are
 * one recipient).
 */
export function decideBatch(
  candidates: Candidate[],
  known: KnownContact[],
  suppressed: Set<string>,
  importId: string,
): Decision[] {
  const byExternalId = new Map(known.map((contact) => [contact.externalId, contact]));
  const holders = new Map<string, Set<string>>();
  const hold = (e164: string, externalId: string) =>
    holders.set(e164, (holders.get(e164) ?? new Set()).add(externalId));
  for (const contact of known) hold(contact.e164, contact.externalId);

  return candidates.map((candidate): Decision => {
    const { externalId } = candidate.upsert;
    const mine = byExternalId.get(externalId);
    if (mine?.importId === importId)
      return { candidate, outcome: 'duplicates', reason: 'DUPLICATE_EXTERNAL_ID' };
    const others = [...(holders.get(candidate.e164) ?? [])].filter((other) => other !== externalId);
    if (others.some((other) => byExternalId.get(other)?.importId === importId)) {
      return { candidate, outcome: 'duplicates', reason: 'DUPLICATE_NUMBER' };
    }
    if (suppressed.has(candidate.fingerprint))
      return { candidate, outcome: 'suppressed', reason: 'SUPPRESSED' };
    if (others.length > 0) return { candidate, outcome: 'duplicates', reason: 'DUPLICATE_NUMBER' };

    if (mine) holders.get(mine.e164)?.delete(externalId);
    byExternalId.set(externalId, { externalId, e164: candidate.e164, importId });
    hold(candidate.e164, externalId);
    return { candidate, outcome: mine ? 'updated' : 'imported' };
  });
}

type Bucket = 'imported' | 'updated' | 'duplicates' | 'invalid' | 'notSmsCapable' | 'suppressed';

/** The running cleaning report of one import; rows are counted once each, in exactly one bucket. */
export class ImportTally {
  private readonly counts: Record<Bucket, number> = {
    imported: 0,
    updated: 0,
    duplicates: 0,
    invalid: 0,
    notSmsCapable: 0,
    suppressed: 0,
  };
  private readonly rejected: ImportReport['rejected'] = [];

  count(bucket: 'imported' | 'updated'): void {
    this.counts[bucket] += 1;
  }

  /**
   * Counts a row not published and keeps it if it is among the first MAX_REJECTED rows of the file: rows are
   * decided a batch at a time, so they do not arrive in file order.
   */
  reject(bucket: Exclude<Bucket, 'imported' | 'updated'>, row: number, input: string, reason: string): void {
    this.counts[bucket] += 1;
    const full = this.rejected.length >= MAX_REJECTED;
    if (full && row > this.rejected[this.rejected.length - 1]!.row) return;
    const entry = { row, input: input.replace(/\r?\n$/, '').slice(0, MAX_INPUT_CHARS), reason };
    let at = this.rejected.length;
    while (at > 0 && this.rejected[at - 1]!.row > row) at--;
    this.rejected.splice(at, 0, entry);
    if (this.rejected.length > MAX_REJECTED) this.rejected.pop();
  }

  report(): ImportReport {
    const total = Object.values(this.counts).reduce((sum, n) => sum + n, 0);
    return { total, ...this.counts, rejected: [...this.rejected] };
  }
}

const count = (description: string): SchemaObject => ({ type: 'integer', minimum: 0, description });

/** The report's meaning, for /openapi.json (and the README). */
export const IMPORT_REPORT_DOC: SchemaObject = {
  type: 'object',
  description:
    'Every data row is counted in exactly one of imported, updated, duplicates, invalid, notSmsCapable, ' +
    'suppressed; their sum is total. Only imported and updated rows are published (as ContactUpserts, phone ' +
    'in E.164) and acknowledged by Kafka before the report is sent.',
  required: [
    'total',
    'imported',
    'updated',
    'duplicates',
    'invalid',
    'notSmsCapable',
    'suppressed',
    'rejected',
  ],
  properties: {
    total: count(
      'Data rows in the file (the header, empty lines and rows whose every field is empty are not counted)',
    ),
    imported: count('Published; the externalId was not known for this tenant before (a new contact)'),
    updated: count(
      'Published; the externalId was already known for this tenant (imported before, or received on the ' +
        'contacts topic or API): the upsert replaces that contact, its number may change',
    ),
    duplicates: count(
      'Not published: the externalId or the number (compared in E.164) already appeared on an earlier row of ' +
        'this file, or the number already belongs to another known contact of the tenant (two contacts with one ' +
        'number are one recipient)',
    ),
    invalid: count(
      'Not published: a malformed row (wrong number of fields, broken quoting, missing or over-long externalId, ' +
        'bad defaultCountry, locale, timeZone, tag or attribute), a phone that is not a valid number ' +
        '(INVALID_NUMBER), or a number of a country the tenant does not allow (COUNTRY_NOT_ALLOWED)',
    ),
    notSmsCapable: count(
      'Not published: a valid number of a type that cannot take SMS (fixed line, toll free, premium rate, shared ' +
        'cost, pager, UAN, voicemail)',
    ),
    suppressed: count(
      'Not published: the number is suppressed for this tenant as far as ingestion knows from the events it ' +
        'consumes: an undeliverable delivery, or an erasure, since its last opt-in',
    ),
    rejected: {
      type: 'array',
      maxItems: MAX_REJECTED,
      description: 'The first 1000 rows not published, in file order',
      items: {
        type: 'object',
        required: ['row', 'input', 'reason'],
        properties: {
          row: {
            type: 'integer',
            description: 'Line of the file on which the row ends (the header is line 1)',
          },
          input: { type: 'string', description: `The row as written (first ${MAX_INPUT_CHARS} characters)` },
          reason: {
            type: 'string',
            description:
              'INVALID_NUMBER, NOT_SMS_CAPABLE, COUNTRY_NOT_ALLOWED, DUPLICATE_EXTERNAL_ID, DUPLICATE_NUMBER, ' +
              'SUPPRESSED, or `MALFORMED: <field>: <problem>`',
          },
        },
      },
    },
  },
};
