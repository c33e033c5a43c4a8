/*
 * Where each holiday calendar the rules close comes from, and when it was last checked against its official
 * source (compliance-rules.md §3.7: holidays as dated data with a source and a "last verified" field). The
 * table test in holiday-calendar.rule.spec.ts pins the 2026 and 2027 dates each check confirmed.
 */
export interface HolidaySource {
  /** `CN`, `US`, `US-UT`, ...: the calendar's country and state. */
  readonly calendar: string;
  readonly source: string;
  readonly verified: string;
  readonly years: readonly number[];
  /** What differed from date-holidays and how the engine corrects it; absent when nothing did. */
  readonly correction?: string;
}

export const HOLIDAY_SOURCES: readonly HolidaySource[] = [
  {
    calendar: 'CN',
    source:
      'State Council Order 795 (全国年节及纪念日放假办法, in force 2025-01-01) Art. 2-3, 6; General Office yearly notices',
    verified: '2026-12-02',
    years: [2025, 2026],
    correction:
      'date-holidays predates Order 795 (春节 3 days, 劳动节 1 day) and counts Art. 3 days as public: replaced by cn-holidays.data.ts',
  },
  {
    calendar: 'US',
    source: 'OPM federal holidays (5 U.S.C. 6103; Sat → Fri, Sun → Mon observance)',
    verified: '2026-12-02',
    years: [2026, 2027],
  },
  {
    calendar: 'US-UT',
    source: 'Utah Code §63G-1-301 (legal holidays; Sat → Fri, Sun → Mon)',
    verified: '2026-12-02',
    years: [2026, 2027],
    correction: 'date-holidays does not move Pioneer Day (Sat 24 July 2027 → Fri 23 July): observedShift',
  },
  {
    calendar: 'US-AL',
    source: 'Ala. Code §1-3-8 (state holidays; Sat → Fri, Sun → Mon)',
    verified: '2026-12-02',
    years: [2026, 2027],
  },
  {
    calendar: 'US-LA',
    source: 'La. R.S. 1:55 state holidays, standing in for the LPSC DNC holiday list (R-29617) [S]',
    verified: '2026-12-02',
    years: [2026, 2027],
  },
  {
    calendar: 'US-RI',
    source: 'R.I. Gen. Laws §25-1-1 (legal holidays, Victory Day 2nd Monday of August)',
    verified: '2026-12-02',
    years: [2026, 2027],
  },
  {
    calendar: 'FR',
    source: 'Code du travail art. L3133-1 (jours fériés)',
    verified: '2026-12-02',
    years: [2026, 2027],
  },
];
