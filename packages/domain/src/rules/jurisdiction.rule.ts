import type { EffectivePolicy } from '../contract/tenants';
import { BLACKOUTS, type Blackout } from './blackouts.data';
import { DEFAULT_RULES, JURISDICTION_VERSIONS, week } from './jurisdictions.data';
import { CA_AREA_CODES, US_AREA_CODES } from './nanp-area-codes.data';

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
/** Monday first, as ISO 8601 and luxon number them (1 = Monday). */
export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** A sending window in local wall-clock time, `HH:MM`; `end` is exclusive (20:00:00 is already too late). */
export interface LocalWindow {
  readonly start: string;
  readonly end: string;
}
/** The window of each weekday; `null` means no marketing at all that day. */
export type WeekWindows = Readonly<Record<Weekday, LocalWindow | null>>;

/** A public-holiday calendar of date-holidays: country, optional state, optional observed-day shift. */
export interface HolidayCalendar {
  readonly country: string;
  readonly state?: string;
  /** Alabama: a Saturday holiday is also observed on Friday, a Sunday one on Monday (Ala. Code §1-3-8). */
  readonly observedShift?: boolean;
}

/** What one jurisdiction requires of marketing messages. */
export interface JurisdictionRules {
  /** `US`, `US-FL`, `CN`, `FR`, ... or `DEFAULT`. */
  readonly id: string;
  /** `1`, `2`, ...: which version of the jurisdiction's rules, for the audit trail. */
  readonly version: string;
  /** When this version takes effect (ISO 8601 with offset); absent: in force from the start. */
  readonly from?: string;
  /** When a later version replaced it (exclusive); absent: still in force. */
  readonly until?: string;
  readonly week: WeekWindows;
  /** No marketing on the public holidays of `holidays`. */
  readonly noHolidays: boolean;
  readonly holidays?: HolidayCalendar;
  /** Messages per recipient per rolling 24 h. */
  readonly maxPer24h?: number;
  /** The statute names a zone: its window must also hold there, whatever the recipient's zone. */
  readonly windowZone?: string;
  /** Source, with the research tag of shared/compliance-rules.md: [P] primary, [S] secondary, [U] unconfirmed. */
  readonly citation: string;
}

/** A rule by id and version, as a decision's audit detail names it. */
export interface RuleVersion {
  readonly id: string;
  readonly version: string;
}

/** The strictest combination of every jurisdiction that applies to one recipient, and the tenant's policy. */
export interface EffectiveRules {
  /** Ids of the jurisdictions that applied, for the audit trail. */
  readonly jurisdictions: readonly string[];
  /** Each applied jurisdiction with the version of its rules in force at the decision instant. */
  readonly ruleVersions: readonly RuleVersion[];
  readonly week: WeekWindows;
  readonly noHolidays: boolean;
  /** Every calendar whose public holidays close the window (empty unless `noHolidays`). */
  readonly holidayCalendars: readonly HolidayCalendar[];
  readonly maxPer24h: number;
  readonly maxPer7d: number;
  /** Zones the window must hold in besides the recipient's (a statute's own zone, e.g. Mississippi's Central time). */
  readonly windowZones: readonly string[];
  /** Dated blackouts of the applied jurisdictions (Louisiana's emergencies and declared holidays). */
  readonly blackouts: readonly Blackout[];
}

const ALL_DAY: LocalWindow = { start: '00:00', end: '24:00' };

/**
 * Sending windows, holiday bans and caps per jurisdiction as in force now: the latest version of each
 * (jurisdictions.data.ts holds every version). For a past or future instant, use rulesInForce.
 */
export const JURISDICTIONS: Readonly<Record<string, JurisdictionRules>> = Object.fromEntries(
  JURISDICTION_VERSIONS.filter((rules) => rules.until === undefined).map((rules) => [rules.id, rules]),
);

/** The version of a jurisdiction's rules in force at an instant; undefined when none was (or is) in force. */
export function rulesInForce(id: string, at: Date): JurisdictionRules | undefined {
  const instant = at.getTime();
  return JURISDICTION_VERSIONS.find(
    (rules) =>
      rules.id === id &&
      (rules.from === undefined || Date.parse(rules.from) <= instant) &&
      (rules.until === undefined || instant < Date.parse(rules.until)),
  );
}

const SUBDIVISIONS_BY_AREA_CODE = indexAreaCodes([US_AREA_CODES, CA_AREA_CODES]);

function indexAreaCodes(
  tables: ReadonlyArray<Readonly<Record<string, string>>>,
): ReadonlyMap<string, readonly string[]> {
  const index = new Map<string, string[]>();
  for (const table of tables) {
    for (const [subdivision, codes] of Object.entries(table)) {
      for (const code of codes.split(' ')) index.set(code, [...(index.get(code) ?? []), subdivision]);
    }
  }
  return index;
}

/**
 * US state (or DC) and Canadian province of a +1 number, by its area code: FL, OK and CT presume a number with
 * their area code belongs to a resident (compliance-rules.md §3.3). [] for other numbers and unknown codes.
 */
export function subdivisionsForNumber(e164: string): string[] {
  if (!e164.startsWith('+1') || e164.length !== 12) return [];
  return [...(SUBDIVISIONS_BY_AREA_CODE.get(e164.slice(2, 5)) ?? [])];
}

/**
 * The strictest combination of every applicable jurisdiction (the country, else DEFAULT, plus each known
 * subdivision) and the tenant policy: per weekday the intersection of the windows, holidays closed if any
 * jurisdiction says so (with all their calendars), the smallest caps. With `at`, each jurisdiction's rules are
 * the version in force at that instant (the decision's), and `ruleVersions` names them; without it, the
 * current versions (JURISDICTIONS). `extra.blackouts` adds an operator's dated blackouts to BLACKOUTS; those of
 * the applied jurisdictions close the window (compliance-rules.md §3.8).
 */
export function effectiveRules(
  input: { region: string; subdivisions: string[] },
  policy: EffectivePolicy,
  at?: Date,
  extra: { blackouts?: readonly Blackout[] } = {},
): EffectiveRules {
  const jurisdiction = (id: string): JurisdictionRules | undefined =>
    at === undefined
      ? Object.hasOwn(JURISDICTIONS, id)
        ? JURISDICTIONS[id]
        : undefined
      : rulesInForce(id, at);
  const applied: JurisdictionRules[] = [jurisdiction(input.region) ?? DEFAULT_RULES];
  for (const subdivision of new Set(input.subdivisions)) {
    const rules = jurisdiction(`${input.region}-${subdivision}`);
    if (rules !== undefined) applied.push(rules);
  }
  const tenantWeek = week(policy.window);
  // Optline's default policy (CONTRACT §3) is stricter than most laws: no marketing on the recipient
  // country's public holidays, wherever they are, on top of any jurisdiction's own holiday calendar.
  const calendars: HolidayCalendar[] = [
    { country: input.region },
    ...applied.flatMap((rules) => (rules.noHolidays && rules.holidays ? [rules.holidays] : [])),
  ];
  const holidayCalendars = calendars.filter(
    (calendar, index) =>
      calendars.findIndex((other) => JSON.stringify(other) === JSON.stringify(calendar)) === index,
  );
  return {
    jurisdictions: applied.map((rules) => rules.id),
    ruleVersions: applied.map((rules) => ({ id: rules.id, version: rules.version })),
    week: intersectWeeks([tenantWeek, ...applied.map((rules) => rules.week)]),
    noHolidays: true,
    holidayCalendars,
    maxPer24h: Math.min(policy.maxPer24h, ...applied.map((rules) => rules.maxPer24h ?? Infinity)),
    maxPer7d: policy.maxPer7d,
    windowZones: applied.flatMap((rules) => (rules.windowZone === undefined ? [] : [rules.windowZone])),
    blackouts: [...BLACKOUTS, ...(extra.blackouts ?? [])].filter((blackout) =>
      applied.some((rules) => rules.id === blackout.jurisdiction),
    ),
  };
}

function intersectWeeks(weeks: readonly WeekWindows[]): WeekWindows {
  const on = (day: Weekday): LocalWindow | null =>
    weeks.reduce<LocalWindow | null>((acc, each) => intersect(acc, each[day]), ALL_DAY);
  return {
    mon: on('mon'),
    tue: on('tue'),
    wed: on('wed'),
    thu: on('thu'),
    fri: on('fri'),
    sat: on('sat'),
    sun: on('sun'),
  };
}

/** `HH:MM` strings compare correctly as text. */
function intersect(a: LocalWindow | null, b: LocalWindow | null): LocalWindow | null {
  if (a === null || b === null) return null;
  const start = a.start > b.start ? a.start : b.start;
  const end = a.end < b.end ? a.end : b.end;
  return start < end ? { start, end } : null;
}
