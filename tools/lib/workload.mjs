// A realistic stream of contract records for the demo and the benchmark: valid mobiles in several
// countries (some where it is night right now), invalid numbers, landlines, consents with proof, opt-outs,
// repeated recipients that hit the frequency caps, replies. Deterministic for a given seed and clock.

const COUNTRIES = [
  // region, E.164 prefix, a builder for valid mobile digits, an IANA zone of those numbers
  { region: 'US', zone: 'America/New_York', mobile: (n) => `+1212${pad(2000000 + (n % 7999999), 7)}` },
  { region: 'US', zone: 'America/Los_Angeles', mobile: (n) => `+1310${pad(2000000 + (n % 7999999), 7)}` },
  { region: 'US', zone: 'Pacific/Honolulu', mobile: (n) => `+1808${pad(2000000 + (n % 7999999), 7)}` },
  { region: 'FR', zone: 'Europe/Paris', mobile: (n) => `+336${pad(10000000 + (n % 89999999), 8)}` },
  { region: 'GB', zone: 'Europe/London', mobile: (n) => `+447${pad(400000000 + (n % 99999999), 9)}` },
  { region: 'DE', zone: 'Europe/Berlin', mobile: (n) => `+49151${pad(10000000 + (n % 89999999), 8)}` },
  { region: 'CN', zone: 'Asia/Shanghai', mobile: (n) => `+86138${pad(10000000 + (n % 89999999), 8)}` },
  { region: 'ES', zone: 'Europe/Madrid', mobile: (n) => `+346${pad(10000000 + (n % 89999999), 8)}` },
];
const INVALID = ['12345', '+1 000 000 0000', 'call me maybe', '+33 12', '555'];
const LANDLINES = [
  { phone: '+33 1 42 68 53 00', region: 'FR' },
  { phone: '+44 20 7946 0018', region: 'GB' },
  { phone: '+49 30 901820', region: 'DE' },
];

function pad(n, width) {
  return String(n).padStart(width, '0');
}

/** Local hour of `zone` at `at`. */
export function localHour(zone, at = new Date()) {
  return Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' }).format(at),
  );
}

/** Countries whose local time is inside (or outside) a comfortable 10:00-19:00 band right now. */
export function countriesByTime(at = new Date()) {
  const open = COUNTRIES.filter((c) => localHour(c.zone, at) >= 10 && localHour(c.zone, at) < 19);
  const closed = COUNTRIES.filter((c) => localHour(c.zone, at) < 7 || localHour(c.zone, at) >= 22);
  return { open, closed };
}

/** A small deterministic PRNG (mulberry32) so a run can be repeated. */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The recipients of a run. `kind` says what should happen to marketing sent to them:
 * ok (consented, window open), night (consented, window closed now: deferred), optedOut, invalid,
 * landline, noConsent.
 */
export function recipients({ tenantId, count, seed = 1, at = new Date(), allowed }) {
  const rnd = random(seed);
  const { open, closed } = countriesByTime(at);
  const usable = (list) => list.filter((c) => !allowed || allowed.includes(c.region));
  const openList = usable(open).length ? usable(open) : usable(COUNTRIES);
  const closedList = usable(closed);
  const people = [];
  for (let i = 0; i < count; i++) {
    const roll = rnd();
    const n = seed * 1000003 + i * 7919;
    let person;
    if (roll < 0.06) person = { kind: 'invalid', phone: INVALID[i % INVALID.length], region: 'US' };
    else if (roll < 0.1) person = { kind: 'landline', ...LANDLINES[i % LANDLINES.length] };
    else if (roll < 0.18) person = { kind: 'optedOut', ...pick(openList, i, n) };
    else if (roll < 0.24) person = { kind: 'noConsent', ...pick(openList, i, n) };
    else if (roll < 0.36 && closedList.length) person = { kind: 'night', ...pick(closedList, i, n) };
    else person = { kind: 'ok', ...pick(openList, i, n) };
    people.push({ ...person, tenantId, externalId: `${tenantId}-c${seed}-${i}` });
  }
  return people;
}

function pick(list, i, n) {
  const country = list[i % list.length];
  return { phone: country.mobile(n), region: country.region, zone: country.zone };
}

const iso = (at) => at.toISOString();

/** The contact upsert and consent events that set a recipient up. */
export function setupRecords(person, at = new Date()) {
  const base = { tenantId: person.tenantId, occurredAt: iso(new Date(at.getTime() - 60000)) };
  const contact = {
    ...base,
    id: `${person.externalId}:contact`,
    externalId: person.externalId,
    phone: person.phone,
    defaultCountry: person.region,
    tags: ['newsletter', person.region.toLowerCase()],
    attributes: { name: `Customer ${person.externalId.split('-').pop()}`, lifetimeValue: 120 },
  };
  const consents = [];
  if (person.kind === 'ok' || person.kind === 'night' || person.kind === 'optedOut') {
    consents.push({
      ...base,
      id: `${person.externalId}:opt-in`,
      phone: person.phone,
      defaultCountry: person.region,
      purpose: 'marketing',
      action: 'opt_in',
      method: 'web_form',
      proof: {
        capturedAt: base.occurredAt,
        formUrl: 'https://shop.example.com/sms-signup',
        ipAddress: '203.0.113.7',
      },
    });
  }
  if (person.kind === 'optedOut') {
    consents.push({
      ...base,
      occurredAt: iso(new Date(at.getTime() - 30000)),
      id: `${person.externalId}:opt-out`,
      phone: person.phone,
      defaultCountry: person.region,
      purpose: 'marketing',
      action: 'opt_out',
      method: 'api',
      proof: {},
    });
  }
  return { contact, consents };
}

/** One send request to a recipient; `n` makes the id and body unique. */
export function sendRequest(person, n, { purpose = 'marketing', at = new Date(), prefix = 'msg' } = {}) {
  return {
    id: `${prefix}-${person.externalId}-${n}`,
    tenantId: person.tenantId,
    occurredAt: iso(at),
    to: person.phone,
    defaultCountry: person.region,
    purpose,
    body:
      purpose === 'marketing'
        ? `Hi {{name}}, our winter sale starts today: 20% off everything (offer ${n}).`
        : `Your verification code is ${100000 + (n % 899999)}.`,
    contactExternalId: person.externalId,
  };
}
