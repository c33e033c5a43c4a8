import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { Client } from 'pg';

import type { Segment } from '@optline/domain';
import { createTestDatabase, type TestDatabase } from '@optline/platform/testing';

import { segmentCondition } from '../src/campaigns/segment-query';

/** Segments are evaluated by PostgreSQL itself: each operator against real rows of the real table. */
describe('segment conditions on the real contacts table', () => {
  let db: TestDatabase;
  let client: Client;

  const contacts: Array<[string, string[], Record<string, unknown>]> = [
    [
      'a',
      ['vip', 'golf'],
      { city: 'Paris', ltv: 120, interests: ['golf', 'wine'], joined: '2026-01-10', optedSms: true },
    ],
    ['b', ['golf'], { city: 'Lyon', ltv: 40, interests: ['tennis'], joined: '2025-06-01' }],
    ['c', [], { city: 'Paris', ltv: '300', note: 'likes golf courses' }],
    ['d', ['vip', 'blocked'], { ltv: 300.5, interests: 'golf' }],
    ['e', ['other'], {}],
  ];

  beforeAll(async () => {
    db = await createTestDatabase('segments');
    client = new Client({ connectionString: db.url });
    await client.connect();
    const migration = readFileSync(join(__dirname, '../migrations/0002_contacts_create.sql'), 'utf8');
    await client.query(migration);
    for (const [id, tags, attributes] of contacts) {
      await client.query(
        `insert into contacts (tenant_id, external_id, e164, region, number_type, attributes, tags, updated_at)
         values ('t', $1, '+1212555010' || length($1), 'US', 'MOBILE', $2, $3, now())`,
        [id, attributes, tags],
      );
    }
    await client.query(
      `insert into contacts (tenant_id, external_id, e164, region, number_type, attributes, tags, updated_at)
       values ('other-tenant', 'a2', '+12125550199', 'US', 'MOBILE', '{"city":"Paris"}', '{vip}', now())`,
    );
  });

  afterAll(async () => {
    await client.end();
    await db.drop();
  });

  async function select(segment: Segment): Promise<string[]> {
    const condition = segmentCondition(segment, 2);
    if (!condition.ok) throw new Error(condition.errors.join('; '));
    const { rows } = await client.query<{ external_id: string }>(
      `select c.external_id from contacts c where c.tenant_id = $1 and (${condition.sql}) order by 1`,
      ['t', ...condition.params],
    );
    return rows.map((row) => row.external_id);
  }

  it.each<[string, Segment, string[]]>([
    ['everyone', {}, ['a', 'b', 'c', 'd', 'e']],
    ['tagsAll', { tagsAll: ['vip', 'golf'] }, ['a']],
    ['tagsAny', { tagsAny: ['golf', 'blocked'] }, ['a', 'b', 'd']],
    ['tagsNone', { tagsNone: ['vip'] }, ['b', 'c', 'e']],
    ['eq text', { where: [{ attribute: 'city', op: 'eq', value: 'Paris' }] }, ['a', 'c']],
    ['eq number is not eq text', { where: [{ attribute: 'ltv', op: 'eq', value: 300 }] }, []],
    ['eq boolean', { where: [{ attribute: 'optedSms', op: 'eq', value: true }] }, ['a']],
    ['neq includes missing', { where: [{ attribute: 'city', op: 'neq', value: 'Paris' }] }, ['b', 'd', 'e']],
    ['gt number', { where: [{ attribute: 'ltv', op: 'gt', value: 100 }] }, ['a', 'd']],
    ['lte number', { where: [{ attribute: 'ltv', op: 'lte', value: 120 }] }, ['a', 'b']],
    ['gte text date', { where: [{ attribute: 'joined', op: 'gte', value: '2026-01-01' }] }, ['a']],
    ['lt text date', { where: [{ attribute: 'joined', op: 'lt', value: '2026-01-01' }] }, ['b']],
    [
      'in scalar or list item',
      { where: [{ attribute: 'interests', op: 'in', value: ['golf', 'chess'] }] },
      ['a', 'd'],
    ],
    ['in numbers', { where: [{ attribute: 'ltv', op: 'in', value: [40, 300.5] }] }, ['b', 'd']],
    [
      'contains list item or text',
      { where: [{ attribute: 'interests', op: 'contains', value: 'golf' }] },
      ['a', 'd'],
    ],
    ['contains text', { where: [{ attribute: 'note', op: 'contains', value: 'golf' }] }, ['c']],
    [
      'contains every listed item',
      { where: [{ attribute: 'interests', op: 'contains', value: ['golf', 'wine'] }] },
      ['a'],
    ],
    ['exists', { where: [{ attribute: 'interests', op: 'exists' }] }, ['a', 'b', 'd']],
    ['exists false', { where: [{ attribute: 'interests', op: 'exists', value: false }] }, ['c', 'e']],
    [
      'tags and predicates together',
      {
        tagsAny: ['vip', 'golf'],
        tagsNone: ['blocked'],
        where: [{ attribute: 'ltv', op: 'lt', value: 200 }],
      },
      ['a', 'b'],
    ],
  ])('%s', async (_, segment, expected) => {
    expect(await select(segment)).toEqual(expected);
  });

  it('treats values as data, never as SQL', async () => {
    const hostile = `x'); drop table contacts; --`;
    expect(
      await select({
        where: [
          { attribute: 'city', op: 'eq', value: hostile },
          { attribute: 'note', op: 'contains', value: hostile },
        ],
      }),
    ).toEqual([]);
    expect(await select({ tagsAny: [hostile] })).toEqual([]);
    expect((await client.query('select count(*)::int as n from contacts')).rows[0].n).toBe(6);
  });

  it.each<[string, Segment]>([
    ['eq with a list', { where: [{ attribute: 'city', op: 'eq', value: ['a'] }] }],
    ['gt with a boolean', { where: [{ attribute: 'ltv', op: 'gt', value: true }] }],
    ['in without a list', { where: [{ attribute: 'ltv', op: 'in', value: 3 }] }],
    ['exists with a text', { where: [{ attribute: 'ltv', op: 'exists', value: 'yes' }] }],
  ])('rejects %s, naming the predicate', (_, segment) => {
    expect(segmentCondition(segment, 2)).toEqual({
      ok: false,
      errors: [expect.stringMatching(/^where\.0: /)],
    });
  });
});
