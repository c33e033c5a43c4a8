import { ImportTally, decideBatch, type Candidate } from './import-report';

const candidate = (row: number, externalId: string, e164: string): Candidate => ({
  row,
  input: `${externalId},${e164}`,
  e164,
  fingerprint: `fp${e164}`,
  upsert: { id: `i${row}`, tenantId: 'demo', occurredAt: '2026-11-28T10:00:00Z', externalId, phone: e164 },
});

const outcomes = (decisions: ReturnType<typeof decideBatch>) =>
  decisions.map((d) => ('reason' in d ? d.reason : d.outcome));

describe(decideBatch.name, () => {
  it('keeps the first row of each externalId and number within the file', () => {
    const decisions = decideBatch(
      [candidate(2, 'a', '+1'), candidate(3, 'b', '+1'), candidate(4, 'a', '+2'), candidate(5, 'c', '+3')],
      [],
      new Set(),
      'imp',
    );
    expect(outcomes(decisions)).toEqual([
      'imported',
      'DUPLICATE_NUMBER',
      'DUPLICATE_EXTERNAL_ID',
      'imported',
    ]);
  });

  it('sees rows of earlier batches of the same file through their import id', () => {
    const known = [
      { externalId: 'a', e164: '+1', importId: 'imp' },
      { externalId: 'b', e164: '+2', importId: 'imp' },
    ];
    expect(
      outcomes(decideBatch([candidate(9, 'a', '+9'), candidate(10, 'z', '+2')], known, new Set(), 'imp')),
    ).toEqual(['DUPLICATE_EXTERNAL_ID', 'DUPLICATE_NUMBER']);
  });

  it('updates known contacts, refuses a number held by another contact, and skips suppressed numbers', () => {
    const known = [
      { externalId: 'a', e164: '+1', importId: 'old' },
      { externalId: 'b', e164: '+2', importId: null },
    ];
    const decisions = decideBatch(
      [candidate(2, 'a', '+5'), candidate(3, 'c', '+2'), candidate(4, 'd', '+7'), candidate(5, 'e', '+1')],
      known,
      new Set(['fp+7']),
      'imp',
    );
    // 'e' may take +1 because 'a' moved to +5 earlier in this file.
    expect(outcomes(decisions)).toEqual(['updated', 'DUPLICATE_NUMBER', 'SUPPRESSED', 'imported']);
  });
});

describe(ImportTally.name, () => {
  it('keeps the first 1000 rejected rows of the file, whatever order they are decided in', () => {
    const tally = new ImportTally();
    for (let row = 2; row < 1500; row += 2) tally.reject('invalid', row, 'x', 'INVALID_NUMBER');
    for (let row = 3; row < 1500; row += 2) tally.reject('duplicates', row, 'x', 'DUPLICATE_NUMBER');
    const rows = tally.report().rejected.map((entry) => entry.row);
    expect(rows).toEqual(Array.from({ length: 1000 }, (_, i) => i + 2));
  });

  it('counts every row in one bucket and lists rejected rows in file order, at most 1000', () => {
    const tally = new ImportTally();
    tally.count('imported');
    tally.count('updated');
    for (let row = 1200; row > 0; row--) tally.reject('invalid', row, `row ${row}\n`, 'INVALID_NUMBER');
    const report = tally.report();
    expect(report).toMatchObject({ total: 1202, imported: 1, updated: 1, invalid: 1200, duplicates: 0 });
    expect(report.rejected).toHaveLength(1000);
    expect(report.rejected[0]).toEqual({ row: 1, input: 'row 1', reason: 'INVALID_NUMBER' });
    expect(report.rejected.at(-1)!.row).toBe(1000);
  });
});
