import { describe, expect, it } from 'vitest';

import { csvRecords, parseCsv } from './csv';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('a,b,c\n1,"x, y","say ""hi"""\n2,"line\nbreak",\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, y', 'say "hi"'],
      ['2', 'line\nbreak', ''],
    ]);
  });

  it('accepts CRLF line ends and a last line without one', () => {
    expect(parseCsv('a,b\r\n1,2\r\n3,4')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('keys rows by the header', () => {
    expect(csvRecords('id,reason\ne1,QUIET_HOURS\ne2,\n')).toEqual([
      { id: 'e1', reason: 'QUIET_HOURS' },
      { id: 'e2', reason: '' },
    ]);
    expect(csvRecords('')).toEqual([]);
  });
});
