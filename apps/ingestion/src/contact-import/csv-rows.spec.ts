import { attributeValue, parseHeader, rowToUpsert, type ColumnPlan } from './csv-rows';

const base = { id: 'import:1:2', tenantId: 'demo', occurredAt: '2026-11-28T10:00:00Z' };

function plan(header: string[]): ColumnPlan {
  const parsed = parseHeader(header);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.plan;
}

describe('CSV rows', () => {
  it('needs externalId and phone, and names bad or repeated columns', () => {
    expect(parseHeader(['phone'])).toEqual({
      ok: false,
      errors: [{ path: 'header', message: 'the header row needs a "externalId" column' }],
    });
    const bad = parseHeader(['externalId', 'phone', 'first name', 'phone']);
    expect(bad.ok ? [] : bad.errors.map((error) => error.path)).toEqual(['header.2', 'header.3']);
  });

  it('turns a row into a ContactUpsert with tags, attributes and optional fields', () => {
    const columns = plan([
      'externalId',
      'phone',
      'defaultCountry',
      'tags',
      'firstName',
      'lifetimeValue',
      'vip',
      'zip',
      'timeZone',
    ]);
    const result = rowToUpsert(
      ['c-1', ' 06 12 34 56 78 ', 'fr', 'vip; golf|golf', 'Ana', '120.5', 'true', '02134', ''],
      columns,
      base,
    );
    expect(result).toEqual({
      ok: true,
      upsert: {
        ...base,
        externalId: 'c-1',
        phone: '06 12 34 56 78',
        defaultCountry: 'FR',
        tags: ['vip', 'golf'],
        attributes: { firstName: 'Ana', lifetimeValue: 120.5, vip: true, zip: '02134' },
      },
    });
  });

  it.each([
    [['c-1', '+12125550123', 'extra'], /^MALFORMED: 3 fields/],
    [['', '+12125550123'], /^MALFORMED: externalId/],
    [['c-1', ''], /^INVALID_NUMBER$/],
  ])('rejects %j', (cells, reason) => {
    const result = rowToUpsert(cells, plan(['externalId', 'phone']), base);
    expect(result.ok ? '' : result.reason).toMatch(reason);
  });

  it('rejects a bad time zone with the field named', () => {
    const result = rowToUpsert(
      ['c-1', '+12125550123', 'Mars/Base'],
      plan(['externalId', 'phone', 'timeZone']),
      base,
    );
    expect(result.ok ? '' : result.reason).toMatch(/^MALFORMED: timeZone/);
  });

  it.each([
    ['42', 42],
    ['-3.25', -3.25],
    ['007', '007'],
    ['1e5', '1e5'],
    ['12345678901234567890', '12345678901234567890'],
    ['false', false],
    ['True', 'True'],
  ])('reads the attribute cell %s as %p', (cell, value) => {
    expect(attributeValue(cell)).toBe(value);
  });
});
