import type { EffectivePolicy } from '../contract/tenants';
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

/** The strictest combination of every jurisdiction that applies to one recipient, and the tenant's policy. */
export interface EffectiveRules {
  /** Ids of the jurisdictions that applied, for the audit trail. */
  readonly jurisdictions: readonly string[];
  readonly week: WeekWindows;
  readonly noHolidays: boolean;
  /** Every calendar whose public holidays close the window (empty unless `noHolidays`). */
  readonly holidayCalendars: readonly HolidayCalendar[];
  readonly maxPer24h: number;
  readonly maxPer7d: number;
  /** Zones the window must hold in besides the recipient's (a statute's own zone, e.g. Mississippi's Central time). */
  readonly windowZones: readonly string[];
}

function window(start: string, end: string): LocalWindow {
  return { start, end };
}

/** The same window every day, with exceptions. */
function week(
  daily: LocalWindow | null,
  except: Partial<Record<Weekday, LocalWindow | null>> = {},
): WeekWindows {
  return {
    mon: daily,
    tue: daily,
    wed: daily,
    thu: daily,
    fri: daily,
    sat: daily,
    sun: daily,
    ...except,
  };
}

const NO_SUNDAY = { sun: null };
const ALL_DAY = window('00:00', '24:00');

const DEFAULT_RULES = define(
  'DEFAULT',
  week(window('08:00', '21:00')),
  'Optline default policy, CONTRACT §3: 08:00-21:00 where no rule sets a window',
);

/**
 * Sending windows, holiday bans and caps per jurisdiction, from shared/compliance-rules.md §1 (tags as there).
 * A US state applies when the number's area code (or, later, the contact's address) belongs to it; its rules
 * add to the federal ones. Where a fact is [U] or the sources disagree, the stricter reading is taken.
 * Not modelled here: Louisiana's emergency blackouts and governor-declared extra holidays (need a feed),
 * Washington's ban on commercial texts (RCW 19.190.060), whose consent exceptions (§19.190.070) were not read
 * [U]: we rely on the recorded opt-in every marketing message already needs.
 */
export const JURISDICTIONS: Readonly<Record<string, JurisdictionRules>> = Object.fromEntries(
  [
    DEFAULT_RULES,
    define(
      'US',
      week(window('08:00', '21:00')),
      'TCPA, 47 CFR 64.1200(c)(1): 08:00-21:00 local [P]; applied to all marketing, not only solicitations [S]; no federal holiday rule',
    ),
    define(
      'US-FL',
      week(window('08:00', '20:00')),
      'Florida Telephone Solicitation Act, Fla. Stat. §501.059 (SB 1120, 2021): 08:00-20:00, max 3 per rolling 24 h [P]',
      { maxPer24h: 3 },
    ),
    define(
      'US-OK',
      week(window('08:00', '20:00')),
      'Oklahoma Telephone Solicitation Act 2022, 15 O.S. §775C (HB 3168): 08:00-20:00, max 3 per 24 h (untagged)',
      { maxPer24h: 3 },
    ),
    define(
      'US-MD',
      week(window('08:00', '20:00')),
      'Maryland Stop the Spam Calls Act 2023 (in force 2024-01-01): 08:00-20:00, max 3 per 24 h (untagged)',
      { maxPer24h: 3 },
    ),
    define(
      'US-WA',
      week(window('08:00', '20:00')),
      'RCW 19.158.040: commercial telephone solicitation 08:00-20:00 [P]',
    ),
    // §301.051 was not retrieved [U] and one write-up says 9-9 daily; the later Sunday opening is the stricter.
    define(
      'US-TX',
      week(window('09:00', '21:00'), { sun: window('12:00', '21:00') }),
      'Tex. Bus. & Com. Code ch. 301 (§301.051): Mon-Sat 09:00-21:00, Sun 12:00-21:00 [S]; statute text [U]',
    ),
    define(
      'US-CT',
      week(window('09:00', '20:00')),
      'Conn. Gen. Stat. §42-288a as amended by PA 23-98 (SB 1058): 09:00-20:00 [S]',
    ),
    // The statute spares callers with prior express consent; we apply it to every marketing message (stricter).
    define(
      'US-UT',
      week(window('08:00', '21:00'), NO_SUNDAY),
      'Utah Code §13-25a-103: 08:00-21:00, no Sunday, no legal holidays [P]; §63G-1-301: Sat → Fri, Sun → Mon',
      { holidays: { country: 'US', state: 'UT', observedShift: true } },
    ),
    // One source says the PSC rule binds only telecom utilities; applied anyway (stricter). Both the holiday and
    // its observed day are closed.
    define(
      'US-AL',
      week(window('08:00', '20:00'), NO_SUNDAY),
      'Alabama PSC telemarketing rules; Ala. Code §1-3-8 (Sat → Fri, Sun → Mon): Mon-Sat 08:00-20:00, no state holidays [S]',
      { holidays: { country: 'US', state: 'AL', observedShift: true } },
    ),
    // The PSC's own holiday list is approximated by date-holidays' Louisiana public holidays.
    define(
      'US-LA',
      week(window('08:00', '20:00'), NO_SUNDAY),
      'LPSC General Order R-29617; La. R.S. 45:844.31: Mon-Sat 08:00-20:00 [S], no PSC-listed holidays [P]',
      { holidays: { country: 'US', state: 'LA' } },
    ),
    // "Central Standard Time" is read as Central wall-clock time all year [U]: stricter in summer than fixed CST.
    define(
      'US-MS',
      week(window('08:00', '20:00'), NO_SUNDAY),
      'Miss. Code §77-3-723: Mon-Sat 08:00-20:00 Central, no Sunday [S]; holiday ban repealed (2023 HB 1225) [S]',
      { windowZone: 'America/Chicago' },
    ),
    stateHours('US-KY', '10:00', '21:00'),
    stateHours('US-MA', '08:00', '20:00'),
    stateHours('US-MI', '09:00', '21:00'),
    stateHours('US-MN', '09:00', '21:00'),
    stateHours('US-NV', '09:00', '20:00'),
    stateHours('US-NM', '09:00', '21:00'),
    // The source's weekend hours are cut off [U]: weekends are treated as closed (stricter).
    define(
      'US-RI',
      week(window('09:00', '18:00'), { sat: null, sun: null }),
      'Rhode Island: weekdays 09:00-18:00 [S], weekends [U] (closed), no sales calls on legal holidays [S]',
      { holidays: { country: 'US', state: 'RI' } },
    ),
    // No statutory window [U]; the platforms' rules are [P]: Huawei Cloud 08:00-22:00, Alibaba Cloud blocks
    // 20:00-08:00. The stricter, 08:00-20:00, is taken. No holiday rule was found, so none is applied.
    define(
      'CN',
      week(window('08:00', '20:00')),
      'MIIT Order No. 31 (2015) has no window [U]; platform rules (Huawei Cloud, Alibaba Cloud) [P]: 08:00-20:00',
    ),
    define(
      'FR',
      week(window('08:00', '20:00'), NO_SUNDAY),
      'CPCE L34-5 with CNIL guidance and the FFTélécoms charter: Mon-Sat 08:00-20:00, no Sundays or public holidays [S]',
      { holidays: { country: 'FR' } },
    ),
    define(
      'IN',
      week(window('09:00', '21:00')),
      'TRAI TCCCPR 2018 (2nd amendment 2025-02-12): promotional 09:00-21:00 IST [S]',
    ),
    // No statutory window; vendors cite 09:00-21:00 as a market rule [U], taken as the stricter reading.
    define(
      'BR',
      week(window('09:00', '21:00')),
      'Brazil: no statutory window found; 09:00-21:00 market rule cited by vendors [U]',
    ),
  ].map((each) => [each.id, each]),
);

/** One jurisdiction's rules; holidays are closed exactly when a calendar is named. */
function define(
  id: string,
  weekWindows: WeekWindows,
  citation: string,
  extra: { holidays?: HolidayCalendar; maxPer24h?: number; windowZone?: string } = {},
): JurisdictionRules {
  return { id, week: weekWindows, noHolidays: extra.holidays !== undefined, citation, ...extra };
}

/** A state that sets only daily hours (shared/compliance-rules.md, "Other US states with windows" [S]). */
function stateHours(id: string, start: string, end: string): JurisdictionRules {
  return define(
    id,
    week(window(start, end)),
    'State calling hours per dropcowboy.com/state-compliance and ClickPoint [S]',
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
 * jurisdiction says so (with all their calendars), the smallest caps.
 */
export function effectiveRules(
  input: { region: string; subdivisions: string[] },
  policy: EffectivePolicy,
): EffectiveRules {
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
    week: intersectWeeks([tenantWeek, ...applied.map((rules) => rules.week)]),
    noHolidays: true,
    holidayCalendars,
    maxPer24h: Math.min(policy.maxPer24h, ...applied.map((rules) => rules.maxPer24h ?? Infinity)),
    maxPer7d: policy.maxPer7d,
    windowZones: applied.flatMap((rules) => (rules.windowZone === undefined ? [] : [rules.windowZone])),
  };
}

function jurisdiction(id: string): JurisdictionRules | undefined {
  return Object.hasOwn(JURISDICTIONS, id) ? JURISDICTIONS[id] : undefined;
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
  return start < end ? window(start, end) : null;
}
