'use strict';
/* global require */
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS script run by plain node on the built package */
/*
 * Phone-number and reply throughput (a benchmark, not a test). Needs the built package: `npm run build -w
 * @optline/domain`, then `npm run bench -w @optline/domain`.
 *
 * One deterministic corpus of ~200,000 raw inputs (US, GB, DE, FR, CN, IN, BR, PY; typed formats, full-width
 * digits, 00-prefixed, landlines, toll-free, invalid ones). Each measurement is the median of 3 timed passes
 * after one warm-up pass. "normalise + classify" is parse + isValid + getType + E.164 in each library.
 */
const { performance } = require('node:perf_hooks');

const { parsePhoneNumberFromString } = require('libphonenumber-js/max');
const { PhoneNumberUtil, PhoneNumberFormat, PhoneNumberType } = require('google-libphonenumber');

const domain = require('../dist/index.js');

const CORPUS_SIZE = 200_000;
const RUNS = 3;

// ---------- deterministic corpus ----------

function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = mulberry32(20261128);
const pick = (list) => list[Math.floor(random() * list.length)];
const digits = (count) => Array.from({ length: count }, () => Math.floor(random() * 10)).join('');
const fullWidth = (text) => text.replace(/[0-9+()-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

const US_AREA_CODES = [
  '212',
  '305',
  '310',
  '415',
  '512',
  '617',
  '702',
  '808',
  '850',
  '208',
  '214',
  '312',
  '404',
  '503',
  '801',
  '205',
  '504',
  '601',
  '203',
  '401',
];
const GENERATORS = [
  // [weight, generator returning [raw, defaultCountry]]
  [
    18,
    () => {
      const a = pick(US_AREA_CODES);
      const x = `${2 + Math.floor(random() * 8)}${digits(2)}`;
      const l = digits(4);
      return [
        pick([`(${a}) ${x}-${l}`, `${a}.${x}.${l}`, `+1 ${a} ${x} ${l}`, `1-${a}-${x}-${l}`, `${a}${x}${l}`]),
        'US',
      ];
    },
  ],
  [2, () => [`+1 ${pick(['800', '888', '877'])} ${digits(3)} ${digits(4)}`, 'US']],
  [
    8,
    () =>
      pick([
        [`+44 7${pick(['400', '700', '812', '956'])} ${digits(6)}`, undefined],
        [`07${pick(['400', '812', '956'])} ${digits(6)}`, 'GB'],
      ]),
  ],
  [
    3,
    () =>
      pick([
        [`+44 20 ${digits(4)} ${digits(4)}`, undefined],
        [`0161 ${digits(3)} ${digits(4)}`, 'GB'],
      ]),
  ],
  [
    7,
    () =>
      pick([
        [`+49 15${pick(['1', '2', '7'])} ${digits(8)}`, undefined],
        [`0176 ${digits(8)}`, 'DE'],
        [`00 49 151 ${digits(8)}`, 'US'],
      ]),
  ],
  [2, () => [`+49 30 ${digits(7)}`, undefined]],
  [
    7,
    () =>
      pick([
        [`+33 6 ${digits(2)} ${digits(2)} ${digits(2)} ${digits(2)}`, undefined],
        [`07 ${digits(2)} ${digits(2)} ${digits(2)} ${digits(2)}`, 'FR'],
      ]),
  ],
  [2, () => [`01 ${digits(2)} ${digits(2)} ${digits(2)} ${digits(2)}`, 'FR']],
  [
    10,
    () =>
      pick([
        [`+86 1${pick(['38', '39', '50', '86', '77'])} ${digits(4)} ${digits(4)}`, undefined],
        [`1${pick(['38', '58', '88'])}${digits(8)}`, 'CN'],
      ]),
  ],
  [2, () => [`010 ${digits(4)} ${digits(4)}`, 'CN']],
  [6, () => [`+91 ${pick(['98', '97', '70', '88'])}${digits(3)} ${digits(5)}`, undefined]],
  [5, () => [`+55 ${pick(['11', '21', '31'])} 9${digits(4)} ${digits(4)}`, undefined]],
  [3, () => [`+595 9${pick(['81', '82', '71', '61'])} ${digits(6)}`, undefined]],
  [4, () => [fullWidth(`+86 138${digits(8)}`), undefined]],
  [2, () => [fullWidth(`(212) 555-${digits(4)}`), 'US']],
  [
    10,
    () =>
      pick([
        [digits(3 + Math.floor(random() * 14)), pick(['US', 'GB', undefined])],
        [`+${digits(2 + Math.floor(random() * 12))}`, undefined],
        [`call me ${digits(3)}`, 'US'],
        ['', 'US'],
        [`+1 ${digits(3)} ${digits(3)}`, undefined],
        [`(${digits(3)}) ${digits(3)}-${digits(4)}`, undefined],
      ]),
  ],
];
const TOTAL_WEIGHT = GENERATORS.reduce((sum, [weight]) => sum + weight, 0);

function generateInput() {
  let roll = random() * TOTAL_WEIGHT;
  for (const [weight, generate] of GENERATORS) {
    roll -= weight;
    if (roll < 0) return generate();
  }
  return GENERATORS[0][1]();
}

const corpus = Array.from({ length: CORPUS_SIZE }, generateInput);

const REPLIES = [
  'STOP',
  ' stop ',
  'Stop.',
  'ＳＴＯＰ',
  '退订',
  'TD',
  'unsubscribe',
  'arrêt',
  'cancelar',
  'HELP',
  'START',
  'yes',
  'please stop texting me',
  'stop by the store tomorrow?',
  'this is spam',
  'Thanks! See you soon',
  'What time do you open?',
  'no me envíen más',
  '不要再发了',
  'keine SMS mehr bitte',
  'parem de enviar',
  'Is the sale still on this weekend? I love the red one',
  'ok',
  'Who is this?',
  'wrong number',
  'Can I change my order to Friday please',
  'STOP. Thank you',
  'remove me from your list',
];
const replies = Array.from({ length: 100_000 }, (_, i) => REPLIES[(i * 7919) % REPLIES.length]);

// ---------- the two libraries, same work ----------

const util = PhoneNumberUtil.getInstance();
const GOOGLE_TYPE_NAMES = Object.fromEntries(
  Object.entries(PhoneNumberType).map(([name, value]) => [value, name]),
);

function viaLibphonenumberJs(raw, country) {
  const parsed = parsePhoneNumberFromString(raw, country);
  if (parsed === undefined) return null;
  const valid = parsed.isValid();
  return { valid, type: parsed.getType() ?? 'UNKNOWN', e164: parsed.number };
}

function viaGoogle(raw, country) {
  try {
    const parsed = util.parse(raw, country ?? 'ZZ');
    const valid = util.isValidNumber(parsed);
    return {
      valid,
      type: GOOGLE_TYPE_NAMES[util.getNumberType(parsed)],
      e164: util.format(parsed, PhoneNumberFormat.E164),
    };
  } catch {
    return null;
  }
}

// ---------- timing ----------

function measure(label, count, pass) {
  pass(); // warm-up
  const rates = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    pass();
    rates.push(count / ((performance.now() - started) / 1000));
  }
  rates.sort((a, b) => a - b);
  return { label, count, median: rates[Math.floor(RUNS / 2)], min: rates[0], max: rates[RUNS - 1] };
}

const results = [];
let sink = 0;

results.push(
  measure('libphonenumber-js max: normalise + classify', corpus.length, () => {
    for (const [raw, country] of corpus) if (viaLibphonenumberJs(raw, country)?.valid) sink++;
  }),
);
results.push(
  measure('google-libphonenumber: normalise + classify', corpus.length, () => {
    for (const [raw, country] of corpus) if (viaGoogle(raw, country)?.valid) sink++;
  }),
);
results.push(
  measure('normalisePhone (ours)', corpus.length, () => {
    for (const [raw, country] of corpus) if (domain.normalisePhone(raw, country).ok) sink++;
  }),
);

const e164s = corpus
  .map(([raw, country]) => viaLibphonenumberJs(raw, country))
  .filter((r) => r?.valid)
  .map((r) => r.e164);
results.push(
  measure('zonesForNumber (ours)', e164s.length, () => {
    for (const e164 of e164s) sink += domain.zonesForNumber(e164).length;
  }),
);
results.push(
  measure('classifyReply (ours)', replies.length, () => {
    for (const reply of replies) if (domain.classifyReply(reply).kind === 'STOP') sink++;
  }),
);

const policy = domain.effectivePolicy({
  id: 'bench',
  defaultCountry: 'US',
  senderId: 'Bench',
  helpText: 'Help',
  apiKeys: [],
});
const windowCases = e164s.slice(0, 20_000).map((e164, i) => {
  const region = e164.startsWith('+1')
    ? 'US'
    : e164.startsWith('+86')
      ? 'CN'
      : e164.startsWith('+33')
        ? 'FR'
        : 'DE';
  return {
    at: new Date(Date.UTC(2026, 5, 1 + (i % 28), i % 24, (i * 7) % 60)),
    zones: domain.resolveRecipientZones({ e164, region }),
    rules: domain.effectiveRules({ region, subdivisions: domain.subdivisionsForNumber(e164) }, policy),
  };
});
results.push(
  measure('checkSendingWindow (ours, extra)', windowCases.length, () => {
    for (const c of windowCases) if (domain.checkSendingWindow(c.at, c.zones, c.rules).allowed) sink++;
  }),
);

// ---------- agreement ----------

let validBoth = 0;
let validOnlyJs = 0;
let validOnlyGoogle = 0;
let typeDiffers = 0;
let e164Differs = 0;
let disagreeAscii = 0;
let disagreeNonAscii = 0;
let oursVsGoogle = 0;
let oursVsGoogleDoubleZero = 0;
const examples = [];
for (const [raw, country] of corpus) {
  const a = viaLibphonenumberJs(raw, country);
  const b = viaGoogle(raw, country);
  const av = a?.valid === true;
  const bv = b?.valid === true;
  let differs = av !== bv;
  if (av && bv) {
    validBoth++;
    if (a.type !== b.type) typeDiffers++;
    if (a.e164 !== b.e164) e164Differs++;
    differs = a.type !== b.type || a.e164 !== b.e164;
  } else if (av) {
    validOnlyJs++;
  } else if (bv) {
    validOnlyGoogle++;
  }
  if (differs) {
    if (!/[\u0080-\uffff]/.test(raw)) {
      disagreeAscii++;
      if (examples.length < 5) examples.push({ raw, country, js: a, google: b });
    } else {
      disagreeNonAscii++;
    }
  }
  // Ours: valid means ok or NOT_SMS_CAPABLE (a valid number of the wrong type).
  const ours = domain.normalisePhone(raw, country);
  const oursValid = ours.ok || ours.reason === 'NOT_SMS_CAPABLE';
  if (oursValid !== bv || (oursValid && bv && ours.e164 !== b.e164)) {
    oursVsGoogle++;
    if (/^\s*00/.test(raw)) oursVsGoogleDoubleZero++;
  }
}

// ---------- report ----------

const fmt = (n) => Math.round(n).toLocaleString('en-US');
console.log(
  `\nNode ${process.version}, corpus ${fmt(corpus.length)} inputs (${fmt(e164s.length)} valid per libphonenumber-js), median of ${RUNS} after a warm-up\n`,
);
console.log('| measurement | items | ops/s (median) | min | max |');
console.log('|---|---:|---:|---:|---:|');
for (const r of results)
  console.log(`| ${r.label} | ${fmt(r.count)} | ${fmt(r.median)} | ${fmt(r.min)} | ${fmt(r.max)} |`);
const disagreements = validOnlyJs + validOnlyGoogle + typeDiffers + e164Differs;
console.log(
  `\nAgreement on ${fmt(corpus.length)} inputs: valid in both ${fmt(validBoth)}; valid only in libphonenumber-js ${validOnlyJs};` +
    ` valid only in google-libphonenumber ${validOnlyGoogle}; both valid but type differs ${typeDiffers}, E.164 differs ${e164Differs}.`,
);
console.log(
  `Inputs the two libraries disagree on: ${disagreements} (ASCII input ${disagreeAscii}; full-width input ${disagreeNonAscii},` +
    ` which libphonenumber-js cannot read without NFKC folding)`,
);
console.log(
  `normalisePhone (NFKC + 00 retry) vs google-libphonenumber, validity or E.164: ${oursVsGoogle}` +
    ` (${oursVsGoogleDoubleZero} of them "00 <country code> ..." typed with a default country whose international prefix is not 00)`,
);
if (examples.length > 0) console.log('ASCII examples:', JSON.stringify(examples));
if (sink < 0) console.log(sink);
