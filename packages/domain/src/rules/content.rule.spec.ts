import { checkContent, SHORTENER_DOMAINS } from './content.rule';
import { prepareMarketingBody } from './marketing-body.rule';
import { countSegments } from './segments.rule';
import { renderTemplate, type TemplateValue } from './template.rule';

describe(renderTemplate.name, () => {
  it.each<[string, Record<string, TemplateValue>, string]>([
    ['Hi {{name}}!', { name: 'Ana' }, 'Hi Ana!'],
    ['Hi {{ name }}!', { name: 'Ana' }, 'Hi Ana!'],
    ['Hi {{\tname\n}}!', { name: 'Ana' }, 'Hi Ana!'],
    ['{{a}}{{b}}', { a: 'x', b: 'y' }, 'xy'],
    ['{{n}} points', { n: 42 }, '42 points'],
    ['VIP: {{vip}}', { vip: true }, 'VIP: true'],
    ['Likes {{interests}}', { interests: ['tea', 'cake'] }, 'Likes tea, cake'],
    ['Empty: "{{x}}"', { x: '' }, 'Empty: ""'],
    ['{{name}} and {{name}}', { name: 'Bo' }, 'Bo and Bo'],
    ['Dotted {{last.purchase}}', { 'last.purchase': 'shoes' }, 'Dotted shoes'],
    ['No placeholders', {}, 'No placeholders'],
    ['Malformed {{ }} stays', {}, 'Malformed {{ }} stays'],
    ['Value with braces {{v}}', { v: '{{x}}' }, 'Value with braces {{x}}'],
  ])('%j with %j → %j', (body, values, text) => {
    expect(renderTemplate(body, values)).toEqual({ ok: true, text });
  });

  it.each<[string, Record<string, TemplateValue>, string[]]>([
    ['Hi {{name}}', {}, ['name']],
    ['Hi {{ name }}, {{city}} and {{name}}', { city: undefined }, ['name', 'city']],
    ['{{toString}}', {}, ['toString']],
  ])('%j with %j misses %j', (body, values, missing) => {
    expect(renderTemplate(body, values)).toEqual({ ok: false, missing });
  });
});

describe(countSegments.name, () => {
  it.each<[string, string, 'GSM-7' | 'UCS-2', number, number]>([
    ['empty', '', 'GSM-7', 0, 1],
    ['160 GSM-7 characters', 'a'.repeat(160), 'GSM-7', 160, 1],
    ['161 GSM-7 characters', 'a'.repeat(161), 'GSM-7', 161, 2],
    ['306 GSM-7 characters', 'a'.repeat(306), 'GSM-7', 306, 2],
    ['307 GSM-7 characters', 'a'.repeat(307), 'GSM-7', 307, 3],
    ['€ counts two', '€', 'GSM-7', 2, 1],
    ['^ counts two', '^', 'GSM-7', 2, 1],
    ['every extension character', '^{}\\[~]|€\f', 'GSM-7', 20, 1],
    ['80 € is 160 septets', '€'.repeat(80), 'GSM-7', 160, 1],
    ['159 + € is 161 septets', `${'a'.repeat(159)}€`, 'GSM-7', 161, 2],
    // 152 septets then €: the escape pair would straddle the 153 boundary, so it moves to part 2.
    ['an extension pair is not split', `${'a'.repeat(152)}€${'a'.repeat(10)}`, 'GSM-7', 164, 2],
    ['an extension pair at the very end of part 2', `${'a'.repeat(152)}€${'a'.repeat(152)}`, 'GSM-7', 306, 3],
    ['GSM accents', 'àÄéñÖüß£¥§¿¡ΔΩ', 'GSM-7', 14, 1],
    ['newlines and CR', 'a\nb\rc', 'GSM-7', 5, 1],
    ['70 UCS-2 characters', '你'.repeat(70), 'UCS-2', 70, 1],
    ['71 UCS-2 characters', '你'.repeat(71), 'UCS-2', 71, 2],
    ['134 UCS-2 characters', '你'.repeat(134), 'UCS-2', 134, 2],
    ['135 UCS-2 characters', '你'.repeat(135), 'UCS-2', 135, 3],
    ['one emoji makes the text UCS-2, counting 2', 'Hi 😀', 'UCS-2', 5, 1],
    ['35 emoji are 70 units', '😀'.repeat(35), 'UCS-2', 70, 1],
    // 66 units then an emoji: the surrogate pair moves to the next part.
    ['a surrogate pair is not split', `${'你'.repeat(66)}😀${'你'.repeat(10)}`, 'UCS-2', 78, 2],
    ['a cedilla outside GSM (ç)', 'ça', 'UCS-2', 2, 1],
    ['curly quotes are not GSM', '“hi”', 'UCS-2', 4, 1],
  ])('%s', (_, text, encoding, units, segments) => {
    expect(countSegments(text)).toEqual({ encoding, units, segments });
  });
});

describe(prepareMarketingBody.name, () => {
  it.each<[string, { text: string; senderName: string; region: string; locale?: string }, string]>([
    [
      'adds name and opt-out',
      { text: 'Sale today', senderName: 'Acme', region: 'US' },
      'Acme: Sale today. Reply STOP to opt out',
    ],
    [
      'keeps the sentence end',
      { text: 'Sale today!', senderName: 'Acme', region: 'US' },
      'Acme: Sale today! Reply STOP to opt out',
    ],
    [
      'name present, case-insensitive',
      { text: 'ACME sale today.', senderName: 'Acme', region: 'US' },
      'ACME sale today. Reply STOP to opt out',
    ],
    [
      'both present: unchanged',
      { text: 'Acme: sale. Reply STOP to opt out', senderName: 'Acme', region: 'US' },
      'Acme: sale. Reply STOP to opt out',
    ],
    [
      '"Text STOP to quit" counts',
      { text: 'Acme deals. Text STOP to quit', senderName: 'Acme', region: 'US' },
      'Acme deals. Text STOP to quit',
    ],
    [
      '"unsubscribe" counts',
      { text: 'Acme: deals. Unsubscribe: acme.test/u', senderName: 'Acme', region: 'US' },
      'Acme: deals. Unsubscribe: acme.test/u',
    ],
    [
      '"non-stop" is no instruction',
      { text: 'Acme non-stop deals', senderName: 'Acme', region: 'US' },
      'Acme non-stop deals. Reply STOP to opt out',
    ],
    [
      'Spanish by region',
      { text: 'Ofertas hoy', senderName: 'Acme', region: 'MX' },
      'Acme: Ofertas hoy. Responde BAJA para darte de baja',
    ],
    [
      'Spanish by locale',
      { text: 'Ofertas', senderName: 'Acme', region: 'US', locale: 'es-US' },
      'Acme: Ofertas. Responde BAJA para darte de baja',
    ],
    [
      'Portuguese',
      { text: 'Promoção', senderName: 'Acme', region: 'BR' },
      'Acme: Promoção. Responda SAIR para cancelar',
    ],
    [
      'French',
      { text: 'Soldes', senderName: 'Acme', region: 'FR' },
      'Acme: Soldes. Répondez STOP pour vous désabonner',
    ],
    [
      'French "STOP au 36xxx" counts',
      { text: 'Acme soldes. STOP au 36111', senderName: 'Acme', region: 'FR' },
      'Acme soldes. STOP au 36111',
    ],
    [
      'Canadian French uses ARRET',
      { text: 'Soldes', senderName: 'Acme', region: 'CA', locale: 'fr-CA' },
      'Acme: Soldes. Répondez ARRET pour vous désabonner',
    ],
    [
      'German',
      { text: 'Angebote', senderName: 'Acme', region: 'DE' },
      'Acme: Angebote. Antworten Sie STOP zum Abmelden',
    ],
    ['Chinese outside China', { text: '优惠', senderName: 'Acme', region: 'TW' }, 'Acme: 优惠，回T退订'],
    [
      'China: signature and 回T退订',
      { text: '今天大促', senderName: '优选', region: 'CN' },
      '【优选】今天大促，回T退订',
    ],
    [
      'China: after punctuation',
      { text: '今天大促！', senderName: '优选', region: 'CN' },
      '【优选】今天大促！回T退订',
    ],
    [
      'China: signature present',
      { text: '【优选】今天大促', senderName: '优选', region: 'CN' },
      '【优选】今天大促，回T退订',
    ],
    [
      'China: both present',
      { text: '【优选】今天大促，回TD退订', senderName: '优选', region: 'CN' },
      '【优选】今天大促，回TD退订',
    ],
    [
      'China: 拒收请回复R counts',
      { text: '【优选】大促 拒收请回复R', senderName: '优选', region: 'CN' },
      '【优选】大促 拒收请回复R',
    ],
    [
      'unknown language falls back to English',
      { text: 'Sale', senderName: 'Acme', region: 'JP', locale: 'ja' },
      'Acme: Sale. Reply STOP to opt out',
    ],
  ])('%s', (_, input, text) => {
    expect(prepareMarketingBody(input)).toBe(text);
  });
});

describe(checkContent.name, () => {
  it.each<[string, string[]]>([
    ['Acme: sale at https://acme.example/sale. Reply STOP to opt out', []],
    ['Visit microsoft.com or at.co today', []],
    ['e.g. this is fine', []],
    ['Nothing here', ['']],
  ])('%j is clean', (text, bannedPhrases) => {
    expect(checkContent(text, { bannedPhrases })).toEqual([]);
  });

  it.each<[string, string]>([
    ['Deal: bit.ly/abc', 'bit.ly'],
    ['Deal: https://bit.ly/abc', 'bit.ly'],
    ['Deal: HTTP://BIT.LY/abc', 'bit.ly'],
    ['Go to https://tinyurl.com/y4x now', 'tinyurl.com'],
    ['see t.co/x', 't.co'],
    ['goo.gl/maps/x', 'goo.gl'],
    ['ow.ly/x', 'ow.ly'],
    ['is.gd/x', 'is.gd'],
    ['buff.ly/x', 'buff.ly'],
    ['rebrand.ly/x', 'rebrand.ly'],
    ['cutt.ly/x', 'cutt.ly'],
    ['shorturl.at/x', 'shorturl.at'],
    ['tiny.cc/x', 'tiny.cc'],
    ['rb.gy/x', 'rb.gy'],
    ['bl.ink/x', 'bl.ink'],
    ['https://www.bit.ly/x', 'bit.ly'],
    ['custom.bit.ly/x', 'custom.bit.ly'],
    ['Link: tinyurl.com.', 'tinyurl.com'],
  ])('%j uses the shortener %s', (text, detail) => {
    expect(checkContent(text, { bannedPhrases: [] })).toEqual([{ rule: 'SHORTENER', detail }]);
  });

  // CTIA Messaging Principles and carrier filtering: public shorteners the old fixed list of 41 did not know,
  // from the maintained list (public-shorteners.data.ts).
  it.each<[string, string]>([
    ['Sale: https://2u.pw/Ab3', '2u.pw'],
    ['Sale: shorturl.asia/x', 'shorturl.asia'],
    ['限时优惠 t.cn/A6x 回T退订', 't.cn'],
    ['reurl.cc/x', 'reurl.cc'],
    ['tiny.pl/x', 'tiny.pl'],
    ['y2u.be/x', 'y2u.be'],
    ['han.gl/x', 'han.gl'],
    ['amzn.to/x', 'amzn.to'],
    ['bit.do/x', 'bit.do'],
  ])('%j uses the shortener %s, outside the old list', (text, detail) => {
    expect(checkContent(text, { bannedPhrases: [] })).toEqual([{ rule: 'SHORTENER', detail }]);
  });

  it.each<[string, string[], string[]]>([
    ['amzn.to/x', ['amzn.to'], []],
    ['https://go.amzn.to/x', ['amzn.to'], []],
    ['custom.bit.ly/x', ['custom.bit.ly'], []],
    ['other.bit.ly/x', ['custom.bit.ly'], ['other.bit.ly']],
    ['bit.ly/x and acme.link/y', ['acme.link'], ['bit.ly']],
    ['amzn.to/x', ['WWW.AMZN.TO'], []],
  ])('%j with the tenant domains %j → shorteners %j', (text, brandedDomains, found) => {
    expect(checkContent(text, { bannedPhrases: [], brandedDomains })).toEqual(
      found.map((detail) => ({ rule: 'SHORTENER', detail })),
    );
  });

  it('knows the maintained list and the old one', () => {
    expect(SHORTENER_DOMAINS.size).toBeGreaterThan(1400);
    for (const domain of ['bit.ly', 'tinyurl.com', 'mcaf.ee', 'gg.gg', 'db.tt'])
      expect(SHORTENER_DOMAINS).toContain(domain);
  });

  it.each<[string, string[], string[]]>([
    ['Guaranteed WINNER!', ['winner'], ['winner']],
    ['Free money', ['FREE MONEY', 'cash'], ['FREE MONEY']],
    ['Crème brûlée deal', ['creme brulee'], ['creme brulee']],
    ['Fine text', ['winner'], []],
  ])('%j with banned %j', (text, bannedPhrases, found) => {
    expect(checkContent(text, { bannedPhrases })).toEqual(
      found.map((detail) => ({ rule: 'BANNED_PHRASE', detail })),
    );
  });

  it.each<[string, string[]]>([
    ['Hi {{name}}', ['{{name}}']],
    ['Hi {{ }} and {{x y}}', ['{{ }}', '{{x y}}']],
    ['Hi {{}}', ['{{}}']],
  ])('%j has unresolved %j', (text, placeholders) => {
    expect(checkContent(text, { bannedPhrases: [] })).toEqual(
      placeholders.map((detail) => ({ rule: 'UNRESOLVED_PLACEHOLDER', detail })),
    );
  });

  it.each<[string, string, boolean]>([
    ['1530 GSM-7 characters: 10 segments', 'a'.repeat(1530), false],
    ['1531 GSM-7 characters: 11 segments', 'a'.repeat(1531), true],
    ['670 UCS-2 characters: 10 segments', '你'.repeat(670), false],
    ['671 UCS-2 characters: 11 segments', '你'.repeat(671), true],
  ])('%s', (_, text, tooMany) => {
    expect(
      checkContent(text, { bannedPhrases: [] }).some((violation) => violation.rule === 'TOO_MANY_SEGMENTS'),
    ).toBe(tooMany);
  });

  it('reports every violation at once', () => {
    const text = `${'a'.repeat(1600)} bit.ly/x {{name}} WINNER`;
    expect(checkContent(text, { bannedPhrases: ['winner'] }).map((violation) => violation.rule)).toEqual([
      'SHORTENER',
      'BANNED_PHRASE',
      'TOO_MANY_SEGMENTS',
      'UNRESOLVED_PLACEHOLDER',
    ]);
  });
});
