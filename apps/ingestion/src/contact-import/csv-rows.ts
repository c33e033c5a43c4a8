import { ContactUpsert, type FieldError } from '@optline/domain';

/** Columns with a meaning of their own; every other column is an attribute of the contact. */
const RESERVED = ['externalId', 'phone', 'defaultCountry', 'tags', 'locale', 'timeZone'] as const;
type Reserved = (typeof RESERVED)[number];

export interface ColumnPlan {
  width: number;
  at: Partial<Record<Reserved, number>> & { externalId: number; phone: number };
  attributes: Array<{ name: string; index: number }>;
}

const attributeName = ContactUpsert.shape.attributes.unwrap().keyType;

/**
 * Reads the header row: `externalId` and `phone` are required; `defaultCountry`, `tags`, `locale` and
 * `timeZone` are optional; any other column is an attribute, named as in the contract (letters, digits, `_ . -`).
 */
export function parseHeader(
  cells: string[],
): { ok: true; plan: ColumnPlan } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const names = cells.map((cell) => cell.trim());
  const at: Partial<Record<Reserved, number>> = {};
  const attributes: ColumnPlan['attributes'] = [];
  const seen = new Set<string>();
  names.forEach((name, index) => {
    if (seen.has(name)) errors.push({ path: `header.${index}`, message: `column "${name}" appears twice` });
    seen.add(name);
    if ((RESERVED as readonly string[]).includes(name)) at[name as Reserved] = index;
    else if (attributeName.safeParse(name).success) attributes.push({ name, index });
    else
      errors.push({
        path: `header.${index}`,
        message: `"${name}" is not a plain attribute name (letters, digits, _ . -)`,
      });
  });
  for (const required of ['externalId', 'phone'] as const) {
    if (at[required] === undefined)
      errors.push({ path: 'header', message: `the header row needs a "${required}" column` });
  }
  if (errors.length > 0 || at.externalId === undefined || at.phone === undefined)
    return { ok: false, errors };
  return {
    ok: true,
    plan: { width: names.length, at: { ...at, externalId: at.externalId, phone: at.phone }, attributes },
  };
}

export type RowResult = { ok: true; upsert: ContactUpsert } | { ok: false; reason: string };

/**
 * One data row as the ContactUpsert it stands for, checked against the contract schema. Empty cells are
 * absent values. Tags are separated by `;` or `|`. Attribute cells become numbers when they are plain decimal
 * numbers without leading zeros (so `02134` stays text), booleans when `true`/`false`, else text.
 */
export function rowToUpsert(
  cells: string[],
  plan: ColumnPlan,
  base: { id: string; tenantId: string; occurredAt: string },
): RowResult {
  if (cells.length !== plan.width) {
    return { ok: false, reason: `MALFORMED: ${cells.length} fields where the header has ${plan.width}` };
  }
  const cell = (column: Reserved): string | undefined => {
    const index = plan.at[column];
    const value = index === undefined ? undefined : cells[index]?.trim();
    return value === '' ? undefined : value;
  };
  const attributes: Record<string, string | number | boolean> = {};
  for (const { name, index } of plan.attributes) {
    const value = cells[index]?.trim() ?? '';
    if (value !== '') attributes[name] = attributeValue(value);
  }
  const tags = cell('tags')
    ?.split(/[;|]/)
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
  const country = cell('defaultCountry')?.toUpperCase();
  const candidate = {
    ...base,
    externalId: cell('externalId'),
    phone: cell('phone'),
    ...(country === undefined ? {} : { defaultCountry: country }),
    ...(Object.keys(attributes).length === 0 ? {} : { attributes }),
    ...(tags === undefined || tags.length === 0 ? {} : { tags: [...new Set(tags)] }),
    ...(cell('locale') === undefined ? {} : { locale: cell('locale') }),
    ...(cell('timeZone') === undefined ? {} : { timeZone: cell('timeZone') }),
  };
  if (candidate.phone === undefined) return { ok: false, reason: 'INVALID_NUMBER' };
  const parsed = ContactUpsert.safeParse(candidate);
  if (parsed.success) return { ok: true, upsert: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { ok: false, reason: `MALFORMED: ${issue.path.map(String).join('.') || '(row)'}: ${issue.message}` };
}

const PLAIN_NUMBER = /^-?(0|[1-9]\d{0,14})(\.\d{1,6})?$/;

export function attributeValue(text: string): string | number | boolean {
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (PLAIN_NUMBER.test(text)) return Number(text);
  return text;
}
