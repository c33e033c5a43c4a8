/*
 * Dated blackouts: stretches when no marketing may go to a jurisdiction whatever its weekly window says.
 * Louisiana (LPSC General Order R-29617; lpsc.louisiana.gov/DNC_Emergency [P]; compliance-rules.md §3.8):
 * - `emergency`: all telephonic solicitation is banned while a declared state of emergency requires the PSC to
 *   report to the state Emergency Operations Center, with no exemption, prior consent included;
 * - `declared-holiday`: an extra holiday the governor declares is closed like the PSC's listed holidays.
 * Operators add a blackout here (or pass one to effectiveRules) when the PSC or the governor announces it,
 * with the instants it starts and ends (end exclusive; an open emergency gets an end when it is lifted).
 */
export interface Blackout {
  /** The jurisdiction it closes, as in JURISDICTIONS (`US-LA`). */
  readonly jurisdiction: string;
  readonly kind: 'emergency' | 'declared-holiday';
  readonly from: string;
  readonly until: string;
  readonly source: string;
}

export const BLACKOUTS: readonly Blackout[] = [
  {
    jurisdiction: 'US-LA',
    kind: 'declared-holiday',
    from: '2023-07-03T00:00:00-05:00',
    until: '2023-07-04T00:00:00-05:00',
    source:
      'Governor of Louisiana declared 3 July 2023 a holiday: dnc.com/index.php/news/louisiana-governor-declares-july-3-holiday-prompting-call-restrictions [S]',
  },
];
