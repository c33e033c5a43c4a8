const formatters = new Map<string, Intl.DateTimeFormat | undefined>();

/** The hour (0-23) on the wall clock of `zone` at `at`; undefined for an unknown zone. */
export function localHour(at: Date, zone: string | undefined): number | undefined {
  if (zone === undefined) return undefined;
  if (!formatters.has(zone)) {
    let formatter: Intl.DateTimeFormat | undefined;
    try {
      formatter = new Intl.DateTimeFormat('en-US', { timeZone: zone, hour: 'numeric', hourCycle: 'h23' });
    } catch {
      formatter = undefined;
    }
    formatters.set(zone, formatter);
  }
  const formatter = formatters.get(zone);
  if (formatter === undefined) return undefined;
  const hour = Number(formatter.formatToParts(at).find((part) => part.type === 'hour')?.value);
  return Number.isInteger(hour) ? hour : undefined;
}
