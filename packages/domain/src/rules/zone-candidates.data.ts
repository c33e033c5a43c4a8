/*
 * Where the number → zone map cannot pin a number to one zone (compliance-rules.md §3.1: compute the window in
 * every candidate zone and send only in the overlap). Two kinds of numbers:
 *
 * 1. NANP area codes whose territory spans time zones. An exchange the map lists keeps the map's zones; any
 *    other exchange of these codes may be in every zone below, joined with every zone the map lists for any
 *    exchange of the code. Sources, per line: [L] compliance-rules.md §3.2 (docs.livevox.com page 151741654);
 *    [M] Google libphonenumber's map itself lists exchanges of the code in several zones; [T] the IANA tz
 *    database's zone1970.tab names the zone for part of the code's province or state; [O] an overlay of a
 *    spanning code (same territory; NANPA planning letters). [L] also lists codes whose territory, by NANPA's
 *    maps, lies in one zone: 947 and 679 (overlays of Eastern-only 248 and 313), 402 and 531 (eastern Nebraska,
 *    Central) and 450 and 579 (around Montreal, Eastern; 354 overlays them). Kept, the stricter reading, until
 *    checked [U].
 * 2. Mobile ranges of countries whose mobile numbers carry no place (compliance-rules.md §3.4): the candidates
 *    are every zone of the country (IANA zone.tab through regionZones). Only countries with more than one
 *    legal zone are listed; China (UTC+8 by law) and India are one zone whatever the map says.
 */

const CT = 'America/Chicago';
const ET = 'America/New_York';
const MT = 'America/Denver';
const PT = 'America/Los_Angeles';
const BC = [
  'America/Vancouver',
  'America/Edmonton',
  'America/Creston',
  'America/Dawson_Creek',
  'America/Fort_Nelson',
];
const SK = ['America/Regina', 'America/Swift_Current', 'America/Edmonton'];

/** Area code → the zones its territory spans. */
export const ZONE_SPANNING_AREA_CODES: Readonly<Record<string, readonly string[]>> = {
  // Florida panhandle west of the Apalachicola is Central [L][M].
  '850': [CT, ET],
  // Idaho: the south is Mountain, the panhandle Pacific [L][M]; 986 overlays 208 [O].
  '208': ['America/Boise', PT],
  '986': ['America/Boise', PT],
  // Oregon: Malheur County is Mountain [L][M][T: America/Boise "OR (east)"]; 458 overlays 541 [O].
  '541': [PT, 'America/Boise'],
  '458': [PT, 'America/Boise'],
  // Indiana: north-west and south-west counties are Central [L][M][T: Tell_City, Knox].
  '219': [CT, ET],
  '574': [CT, ET, 'America/Indiana/Knox'],
  '812': [CT, ET, 'America/Indiana/Tell_City'],
  '930': [CT, ET, 'America/Indiana/Tell_City'],
  // Kentucky: the west is Central [L][M]; 364 overlays 270 [O].
  '270': [CT, ET],
  '364': [CT, ET],
  '606': [CT, ET],
  // Michigan: four Upper Peninsula counties on the Wisconsin border are Central [L][M][T: America/Menominee].
  '906': ['America/Detroit', 'America/Menominee'],
  '947': ['America/Detroit', 'America/Menominee'],
  '679': ['America/Detroit', 'America/Menominee'],
  // Tennessee: the map lists 423 exchanges in Central and Eastern [M].
  '423': [CT, ET],
  // Kansas, Nebraska, the Dakotas: the western counties are Mountain [L][M][T: North_Dakota/*].
  '620': [CT, MT],
  '785': [CT, MT],
  '308': [CT, MT],
  '402': [CT, MT],
  '531': [CT, MT],
  '701': [
    CT,
    MT,
    'America/North_Dakota/Center',
    'America/North_Dakota/New_Salem',
    'America/North_Dakota/Beulah',
  ],
  '605': [CT, MT],
  // Arizona keeps MST all year, the Navajo Nation observes DST [M][T] (compliance-rules.md §3.5).
  '928': ['America/Phoenix', MT],
  // Alaska: the western Aleutians are an hour behind Anchorage [T: America/Adak].
  '907': ['America/Anchorage', 'America/Juneau', 'America/Nome', 'America/Adak'],
  // British Columbia: the Kootenays are Mountain, the north-east and Creston on MST all year [L][M][T];
  // 236, 257, 672 and 778 overlay the whole province [O].
  '250': BC,
  '236': BC,
  '257': BC,
  '672': BC,
  '778': BC,
  // Saskatchewan keeps CST all year, Lloydminster keeps Alberta time [T: America/Edmonton "SK(W)"].
  '306': SK,
  '639': SK,
  '474': SK,
  // North-western Ontario is Central [L][M][T: America/Winnipeg "ON (west)"].
  '807': ['America/Toronto', 'America/Winnipeg'],
  // Quebec: the Magdalen Islands and the Lower North Shore are Atlantic [L][M][T: Blanc-Sablon]; 367 and 581
  // overlay 418 [O]; 450, 579 and 354 as [L] lists them.
  '418': ['America/Toronto', 'America/Halifax', 'America/Blanc-Sablon'],
  '581': ['America/Toronto', 'America/Halifax', 'America/Blanc-Sablon'],
  '367': ['America/Toronto', 'America/Halifax', 'America/Blanc-Sablon'],
  '450': ['America/Toronto', 'America/Halifax'],
  '579': ['America/Toronto', 'America/Halifax'],
  '354': ['America/Toronto', 'America/Halifax'],
  // Newfoundland and Labrador: Labrador is mostly Atlantic [L][M][T: America/Goose_Bay]; 879 overlays 709 [O].
  '709': ['America/St_Johns', 'America/Goose_Bay', 'America/Halifax'],
  '879': ['America/St_Johns', 'America/Goose_Bay', 'America/Halifax'],
  // Yukon, the Northwest Territories and Nunavut share 867 across four zones [T].
  '867': [
    'America/Whitehorse',
    'America/Dawson',
    'America/Inuvik',
    'America/Edmonton',
    'America/Cambridge_Bay',
    'America/Rankin_Inlet',
    'America/Resolute',
    'America/Iqaluit',
  ],
};

export interface NonGeographicMobileRange {
  readonly region: string;
  /** E.164 digits without '+': the country code and the national mobile prefix. */
  readonly prefix: string;
  readonly source: string;
}

/** Mobile ranges not tied to a place, in countries of several zones: held to every zone of the country. */
export const NON_GEOGRAPHIC_MOBILE_RANGES: readonly NonGeographicMobileRange[] = [
  { region: 'AU', prefix: '614', source: 'ACMA Telecommunications Numbering Plan: 04 mobile, no area; §3.4' },
  { region: 'AU', prefix: '615', source: 'ACMA Telecommunications Numbering Plan: 05 location independent' },
  { region: 'NZ', prefix: '642', source: 'NZ Telecommunications Numbering Plan: 02 mobile, nationwide' },
  { region: 'ID', prefix: '628', source: 'Indonesian numbering plan (ITU-T E.164 notification): 08 mobile' },
  { region: 'CL', prefix: '569', source: 'Chile SUBTEL numbering plan: 9 mobile, nationwide' },
  { region: 'EC', prefix: '5939', source: 'Ecuador ARCOTEL numbering plan: 09 mobile, nationwide' },
  { region: 'PT', prefix: '3519', source: 'ANACOM National Numbering Plan: 9 mobile (Azores, Madeira too)' },
  { region: 'ES', prefix: '346', source: 'Spain CNMC numbering plan: 6 mobile (Canaries too)' },
  { region: 'ES', prefix: '347', source: 'Spain CNMC numbering plan: 7 mobile (Canaries too)' },
  { region: 'RU', prefix: '79', source: 'Rossvyaz DEF ranges: the map holds only Moscow for all of +79' },
  { region: 'KZ', prefix: '77', source: 'Kazakhstan numbering plan: 7xx mobile, nationwide' },
];
