import { normalisePhone, regionZones, zonesForNumber, type NumberType } from './numbers.rule';
import { readBsonStrings } from './phone-time-zones.data';

describe(normalisePhone.name, () => {
  it.each<[string, string | undefined, string, string, NumberType]>([
    ['(212) 555-0123', 'US', '+12125550123', 'US', 'FIXED_LINE_OR_MOBILE'],
    ['212.555.0123', 'US', '+12125550123', 'US', 'FIXED_LINE_OR_MOBILE'],
    ['212-555-0123', 'US', '+12125550123', 'US', 'FIXED_LINE_OR_MOBILE'],
    ['+1 (212) 555-0123 ', undefined, '+12125550123', 'US', 'FIXED_LINE_OR_MOBILE'],
    ['tel:+12125550123', undefined, '+12125550123', 'US', 'FIXED_LINE_OR_MOBILE'],
    ['+1 212 555 0123 ext. 5', undefined, '+12125550123', 'US', 'FIXED_LINE_OR_MOBILE'],
    ['1-212-555-0123', 'US', '+12125550123', 'US', 'FIXED_LINE_OR_MOBILE'],
    ['011 44 7400 123456', 'US', '+447400123456', 'GB', 'MOBILE'],
    ['+44 7400 123456', undefined, '+447400123456', 'GB', 'MOBILE'],
    ['07400 123456', 'GB', '+447400123456', 'GB', 'MOBILE'],
    ['00 49 151 23456789', undefined, '+4915123456789', 'DE', 'MOBILE'],
    ['00 49 151 23456789', 'US', '+4915123456789', 'DE', 'MOBILE'],
    ['0151 23456789', 'DE', '+4915123456789', 'DE', 'MOBILE'],
    ['＋４４ ７４００ １２３４５６', undefined, '+447400123456', 'GB', 'MOBILE'],
    ['（２１２）５５５－０１２３', 'US', '+12125550123', 'US', 'FIXED_LINE_OR_MOBILE'],
    ['+33 6 12 34 56 78', undefined, '+33612345678', 'FR', 'MOBILE'],
    ['06 12 34 56 78', 'FR', '+33612345678', 'FR', 'MOBILE'],
    ['+86 138 1234 5678', undefined, '+8613812345678', 'CN', 'MOBILE'],
    ['13812345678', 'CN', '+8613812345678', 'CN', 'MOBILE'],
    ['+91 98123 45678', undefined, '+919812345678', 'IN', 'MOBILE'],
    ['+1 416 555 0123', undefined, '+14165550123', 'CA', 'FIXED_LINE_OR_MOBILE'],
    ['+595 981 123456', undefined, '+595981123456', 'PY', 'MOBILE'],
    ['+61 412 345 678', undefined, '+61412345678', 'AU', 'MOBILE'],
    ['+55 11 91234 5678', undefined, '+5511912345678', 'BR', 'MOBILE'],
    ['+44 56 1234 5678', undefined, '+445612345678', 'GB', 'VOIP'],
    ['+44 7624 123456', undefined, '+447624123456', 'IM', 'MOBILE'],
    ['+881 6 1234 5678', undefined, '+881612345678', '001', 'MOBILE'],
  ])('%j (default %s) → %s, %s, %s, SMS-capable', (raw, country, e164, region, numberType) => {
    expect(normalisePhone(raw, country)).toEqual({ ok: true, e164, region, numberType, smsCapable: true });
  });

  it.each<[string, string, NumberType]>([
    ['+1 800 555 0123', '+18005550123', 'TOLL_FREE'],
    ['+1 900 555 0123', '+19005550123', 'PREMIUM_RATE'],
    ['+44 20 7946 0958', '+442079460958', 'FIXED_LINE'],
    ['+33 1 23 45 67 89', '+33123456789', 'FIXED_LINE'],
    ['+86 10 1234 5678', '+861012345678', 'FIXED_LINE'],
    ['+49 30 123456', '+4930123456', 'FIXED_LINE'],
    ['+44 870 123 4567', '+448701234567', 'PREMIUM_RATE'],
    ['+44 7640 123456', '+447640123456', 'PAGER'],
    ['+800 1234 5678', '+80012345678', 'TOLL_FREE'],
  ])('%j is a %s number: NOT_SMS_CAPABLE', (raw, e164, numberType) => {
    expect(normalisePhone(raw)).toMatchObject({ ok: false, reason: 'NOT_SMS_CAPABLE', e164, numberType });
  });

  it.each<[string, string | undefined]>([
    ['', undefined],
    ['abc', undefined],
    ['(212) 555-0123', undefined],
    ['12', 'US'],
    ['+1 212 555 01', undefined],
    ['+1 099 555 0123', undefined],
    ['+44 7700 900123', undefined],
    ['+999 1234 5678', undefined],
    ['555-0123', 'XX'],
  ])('%j (default %s) is INVALID_NUMBER', (raw, country) => {
    expect(normalisePhone(raw, country)).toMatchObject({ ok: false, reason: 'INVALID_NUMBER' });
  });

  it('keeps the E.164 form of a number that parses but is not valid', () => {
    expect(normalisePhone('+1 099 555 0123')).toStrictEqual({
      ok: false,
      reason: 'INVALID_NUMBER',
      e164: '+10995550123',
    });
    expect(normalisePhone('+33 1 23')).toStrictEqual({
      ok: false,
      reason: 'INVALID_NUMBER',
      e164: '+33123',
      region: 'FR',
    });
  });
});

describe(zonesForNumber.name, () => {
  it.each<[string, string[]]>([
    ['+12125550123', ['America/New_York']],
    ['+13105550123', ['America/Los_Angeles']],
    ['+18085550123', ['Pacific/Honolulu']],
    ['+13055550123', ['America/New_York']],
    ['+12145550123', ['America/Chicago']],
    ['+18015550123', ['America/Denver']],
    ['+12085550123', ['America/Boise', 'America/Los_Angeles']],
    ['+12083230123', ['America/Denver']],
    ['+18502000123', ['America/Chicago']],
    ['+19075550123', ['America/Adak', 'America/Anchorage']],
    ['+8613812345678', ['Asia/Shanghai']],
    ['+33612345678', ['Europe/Paris']],
    ['+447400123456', ['Europe/Guernsey', 'Europe/Isle_of_Man', 'Europe/London']],
    ['+595981123456', ['America/Asuncion']],
    ['+80012345678', []],
    ['+0000', []],
  ])('%s → %j', (e164, zones) => {
    expect(zonesForNumber(e164)).toEqual(zones);
  });

  it('lists every zone of the bare country code when nothing finer matches', () => {
    const zones = zonesForNumber('+12995550123');
    expect(zones).toHaveLength(42);
    expect(zones).toEqual(expect.arrayContaining(['America/New_York', 'Pacific/Honolulu', 'Pacific/Guam']));
  });

  it('returns a copy the caller may change', () => {
    zonesForNumber('+12125550123').push('Europe/Paris');
    expect(zonesForNumber('+12125550123')).toEqual(['America/New_York']);
  });
});

describe(regionZones.name, () => {
  it.each<[string, string[]]>([
    ['FR', ['Europe/Paris']],
    ['GB', ['Europe/London']],
    ['IN', ['Asia/Kolkata']],
    ['PY', ['America/Asuncion']],
    ['CN', ['Asia/Shanghai', 'Asia/Urumqi']],
    ['JO', ['Asia/Amman']],
    ['ZZ', []],
    ['001', []],
  ])('%s → %j', (region, zones) => {
    expect(regionZones(region)).toEqual(zones);
  });

  it.each<[string, number, string]>([
    ['US', 29, 'Pacific/Honolulu'],
    ['CA', 28, 'America/St_Johns'],
    ['BR', 16, 'America/Noronha'],
    ['AU', 13, 'Australia/Perth'],
  ])('%s has %i zones, among them %s', (region, count, zone) => {
    const zones = regionZones(region);
    expect(zones).toHaveLength(count);
    expect(zones).toContain(zone);
    expect(regionZones(region)).toEqual(zones);
  });
});

describe(readBsonStrings.name, () => {
  it('reads a flat document of strings', () => {
    // {"1": "a&b", "44": "c"}
    const body = Buffer.concat([
      Buffer.from([0x02]),
      Buffer.from('1\0'),
      int32(4),
      Buffer.from('a&b\0'),
      Buffer.from([0x02]),
      Buffer.from('44\0'),
      int32(2),
      Buffer.from('c\0'),
      Buffer.from([0x00]),
    ]);
    expect(readBsonStrings(Buffer.concat([int32(body.length + 4), body]))).toEqual([
      ['1', 'a&b'],
      ['44', 'c'],
    ]);
  });

  it('rejects any other element type', () => {
    const body = Buffer.concat([Buffer.from([0x10]), Buffer.from('1\0'), int32(7), Buffer.from([0x00])]);
    expect(() => readBsonStrings(Buffer.concat([int32(body.length + 4), body]))).toThrow(/element type 16/);
  });
});

function int32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeInt32LE(value);
  return buffer;
}
