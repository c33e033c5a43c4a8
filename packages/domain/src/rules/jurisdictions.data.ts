import type {
  HolidayCalendar,
  JurisdictionRules,
  LocalWindow,
  Weekday,
  WeekWindows,
} from './jurisdiction.rule';

/*
 * Every version of every jurisdiction's rules, with the instant it takes effect (`from`) and, when a later
 * version replaced it, the instant it ends (`until`, exclusive); no `from` means "in force as far back as the
 * engine is used". A decision applies the versions in force at its instant (rulesInForce).
 */

function window(start: string, end: string): LocalWindow {
  return { start, end };
}

/** The same window every day, with exceptions. */
export function week(
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

export const DEFAULT_RULES = define(
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
export const JURISDICTION_VERSIONS: readonly JurisdictionRules[] = [
  DEFAULT_RULES,
  define(
    'US',
    week(window('08:00', '21:00')),
    'TCPA, 47 CFR 64.1200(c)(1): 08:00-21:00 local [P]; applied to all marketing, not only solicitations [S]; no federal holiday rule',
  ),
  define(
    'US-FL',
    week(window('08:00', '20:00')),
    'Florida Telephone Solicitation Act, Fla. Stat. §501.059 (SB 1120, in force 2021-07-01): 08:00-20:00, max 3 per rolling 24 h [P]',
    { maxPer24h: 3, from: '2021-07-01T00:00:00-04:00' },
  ),
  define(
    'US-OK',
    week(window('08:00', '20:00')),
    'Oklahoma Telephone Solicitation Act 2022, 15 O.S. §775C (HB 3168, in force 2022-11-01): 08:00-20:00, max 3 per 24 h (untagged)',
    { maxPer24h: 3, from: '2022-11-01T00:00:00-05:00' },
  ),
  define(
    'US-MD',
    week(window('08:00', '20:00')),
    'Maryland Stop the Spam Calls Act 2023 (in force 2024-01-01): 08:00-20:00, max 3 per 24 h (untagged)',
    { maxPer24h: 3, from: '2024-01-01T00:00:00-05:00' },
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
  // PA 23-98 moved the close from 21:00 to 20:00 on 2023-10-01 [S ×2].
  define(
    'US-CT',
    week(window('09:00', '21:00')),
    'Conn. Gen. Stat. §42-288a before PA 23-98: 09:00-21:00 [S]',
    { until: '2023-10-01T00:00:00-04:00' },
  ),
  define(
    'US-CT',
    week(window('09:00', '20:00')),
    'Conn. Gen. Stat. §42-288a as amended by PA 23-98 (SB 1058), in force 2023-10-01: 09:00-20:00 [S]',
    { version: '2', from: '2023-10-01T00:00:00-04:00' },
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
];

/** One version of a jurisdiction's rules; holidays are closed exactly when a calendar is named. */
function define(
  id: string,
  weekWindows: WeekWindows,
  citation: string,
  extra: {
    holidays?: HolidayCalendar;
    maxPer24h?: number;
    windowZone?: string;
    version?: string;
    from?: string;
    until?: string;
  } = {},
): JurisdictionRules {
  const { version = '1', ...rest } = extra;
  return { id, version, week: weekWindows, noHolidays: extra.holidays !== undefined, citation, ...rest };
}

/** A state that sets only daily hours (shared/compliance-rules.md, "Other US states with windows" [S]). */
function stateHours(id: string, start: string, end: string): JurisdictionRules {
  return define(
    id,
    week(window(start, end)),
    'State calling hours per dropcowboy.com/state-compliance and ClickPoint [S]',
  );
}
