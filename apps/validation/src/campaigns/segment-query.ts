import type { Segment, SegmentPredicate } from '@optline/domain';

/**
 * The WHERE condition of a campaign segment over `contacts` (alias `c`), for campaigns.repository only. Every
 * value and attribute name travels as a bound parameter; the SQL text is fixed per operator. Tags use the GIN
 * index on `tags`; `eq`, `neq` and list `contains` use JSONB containment (`@>`, GIN index on `attributes`).
 *
 * Semantics (documented for producers):
 * - tagsAll: has every tag; tagsAny: has at least one; tagsNone: has none. Empty lists are ignored.
 * - eq / neq: the attribute equals / does not equal the scalar value (a missing attribute is "not equal").
 * - gt, gte, lt, lte: numbers compare as numbers, strings (e.g. ISO dates) in byte order; an attribute of
 *   another type never matches.
 * - in: the attribute (or, for a list attribute, one of its items) equals one of the listed values.
 * - contains: a list attribute holds the value (every value of a list); a text attribute contains the text.
 * - exists: the attribute is present (`value: false`: absent).
 */
export type SegmentCondition = { ok: true; sql: string; params: unknown[] } | { ok: false; errors: string[] };

export function segmentCondition(segment: Segment, firstParam: number): SegmentCondition {
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${firstParam + params.length - 1}`;
  };
  const parts: string[] = [];
  const errors: string[] = [];
  if (segment.tagsAll?.length) parts.push(`c.tags @> ${param(segment.tagsAll)}::text[]`);
  if (segment.tagsAny?.length) parts.push(`c.tags && ${param(segment.tagsAny)}::text[]`);
  if (segment.tagsNone?.length) parts.push(`not (c.tags && ${param(segment.tagsNone)}::text[])`);
  (segment.where ?? []).forEach((predicate, index) => {
    const sql = predicateSql(predicate, param);
    if (typeof sql === 'string') parts.push(sql);
    else errors.push(`where.${index}: ${sql.error}`);
  });
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    sql: parts.length === 0 ? 'true' : parts.map((part) => `(${part})`).join(' and '),
    params,
  };
}

type Param = (value: unknown) => string;
const COMPARE = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

function predicateSql({ attribute, op, value }: SegmentPredicate, param: Param): string | { error: string } {
  const isScalar = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
  switch (op) {
    case 'eq':
    case 'neq': {
      if (!isScalar) return { error: `${op} needs a string, number or boolean value` };
      const contains = `c.attributes @> ${param(JSON.stringify({ [attribute]: value }))}::jsonb`;
      return op === 'eq' ? contains : `not (${contains})`;
    }
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const sign = COMPARE[op];
      const name = param(attribute);
      if (typeof value === 'number') {
        return `case when jsonb_typeof(c.attributes -> ${name}) = 'number' then (c.attributes ->> ${name})::numeric ${sign} ${param(value)}::numeric else false end`;
      }
      if (typeof value === 'string') {
        return `case when jsonb_typeof(c.attributes -> ${name}) = 'string' then (c.attributes ->> ${name}) collate "C" ${sign} ${param(value)}::text collate "C" else false end`;
      }
      return { error: `${op} needs a number or a string value` };
    }
    case 'in': {
      if (!Array.isArray(value) || value.length === 0)
        return { error: 'in needs a non-empty list of values' };
      // Lax SQL/JSON path: `[*]` reads a scalar as a one-item list, and `==` against a list is "any of".
      const path = `$."${attribute}"[*] ? (@ == $values[*])`;
      return `jsonb_path_exists(c.attributes, ${param(path)}::jsonpath, ${param(JSON.stringify({ values: value }))}::jsonb)`;
    }
    case 'contains': {
      if (typeof value === 'string') {
        const name = param(attribute);
        const list = `c.attributes @> ${param(JSON.stringify({ [attribute]: [value] }))}::jsonb`;
        return `${list} or (jsonb_typeof(c.attributes -> ${name}) = 'string' and strpos(c.attributes ->> ${name}, ${param(value)}) > 0)`;
      }
      if (Array.isArray(value) && value.length > 0)
        return `c.attributes @> ${param(JSON.stringify({ [attribute]: value }))}::jsonb`;
      return { error: 'contains needs a string or a non-empty list' };
    }
    case 'exists': {
      if (value !== undefined && typeof value !== 'boolean')
        return { error: 'exists takes no value, or true/false' };
      const present = `c.attributes ? ${param(attribute)}`;
      return value === false ? `not (${present})` : present;
    }
  }
}
