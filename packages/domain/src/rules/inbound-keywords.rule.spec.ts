import { REPLY_KEYWORDS } from './inbound-keywords.data';
import { classifyReply, type ReplyKind } from './inbound-keywords.rule';
import { helpReply, optOutConfirmation } from './reply-texts.rule';

describe(classifyReply.name, () => {
  it.each<[string, ReplyKind, string, string]>([
    ['stop', 'STOP', 'en', 'STOP'],
    [' STOP ', 'STOP', 'en', 'STOP'],
    ['Stop.', 'STOP', 'en', 'STOP'],
    ['STOP!!!', 'STOP', 'en', 'STOP'],
    ['"stop"', 'STOP', 'en', 'STOP'],
    ['ＳＴＯＰ', 'STOP', 'en', 'STOP'],
    ['quit', 'STOP', 'en', 'QUIT'],
    ['End', 'STOP', 'en', 'END'],
    ['revoke', 'STOP', 'en', 'REVOKE'],
    ['opt out', 'STOP', 'en', 'OPT OUT'],
    ['Opt-Out', 'STOP', 'en', 'OPT-OUT'],
    ['OPTOUT', 'STOP', 'en', 'OPTOUT'],
    ['cancel', 'STOP', 'en', 'CANCEL'],
    ['unsubscribe', 'STOP', 'en', 'UNSUBSCRIBE'],
    ['stopall', 'STOP', 'en', 'STOPALL'],
    ['remove', 'STOP', 'en', 'REMOVE'],
    ['退订', 'STOP', 'zh', '退订'],
    ['TD', 'STOP', 'zh', 'TD'],
    ['ＴＤ', 'STOP', 'zh', 'TD'],
    ['td。', 'STOP', 'zh', 'TD'],
    ['T', 'STOP', 'zh', 'T'],
    ['R', 'STOP', 'zh', 'R'],
    ['拒收', 'STOP', 'zh', '拒收'],
    ['取消', 'STOP', 'zh', '取消'],
    ['baja', 'STOP', 'es', 'BAJA'],
    ['PARAR', 'STOP', 'es', 'PARAR'],
    ['cancelar', 'STOP', 'es', 'CANCELAR'],
    ['Salir', 'STOP', 'es', 'SALIR'],
    ['¡Alto!', 'STOP', 'es', 'ALTO'],
    ['sair', 'STOP', 'pt', 'SAIR'],
    ['Pare', 'STOP', 'pt', 'PARE'],
    ['arrêt', 'STOP', 'fr', 'ARRET'],
    ['ARRET', 'STOP', 'fr', 'ARRET'],
    ['Stopp', 'STOP', 'de', 'STOPP'],
    ['abmelden', 'STOP', 'de', 'ABMELDEN'],
    ['start', 'START', 'en', 'START'],
    ['UNSTOP', 'START', 'en', 'UNSTOP'],
    ['Yes', 'START', 'en', 'YES'],
    ['alta', 'START', 'es', 'ALTA'],
    ['sí', 'START', 'es', 'SI'],
    ['voltar', 'START', 'pt', 'VOLTAR'],
    ['début', 'START', 'fr', 'DEBUT'],
    ['anmelden', 'START', 'de', 'ANMELDEN'],
    ['help', 'HELP', 'en', 'HELP'],
    ['Info?', 'HELP', 'en', 'INFO'],
    ['帮助', 'HELP', 'zh', '帮助'],
    ['ayuda', 'HELP', 'es', 'AYUDA'],
    ['ajuda', 'HELP', 'pt', 'AJUDA'],
    ['aide', 'HELP', 'fr', 'AIDE'],
    ['Hilfe!', 'HELP', 'de', 'HILFE'],
    ['Stop please', 'STOP', 'en', 'STOP'],
    ['STOP. Thank you', 'STOP', 'en', 'STOP'],
    ['stop stop stop', 'STOP', 'en', 'STOP'],
    ['stop it now', 'STOP', 'en', 'STOP'],
    ['Baja por favor', 'STOP', 'es', 'BAJA'],
    ['help please', 'HELP', 'en', 'HELP'],
  ])('%j → %s (%s, %s)', (text, kind, language, keyword) => {
    expect(classifyReply(text)).toEqual({ kind, language, keyword });
  });

  it.each<[string, ReplyKind, string]>([
    ['please stop texting me', 'STOP', 'en'],
    ['Stop sending me these', 'STOP', 'en'],
    ['no more texts please', 'STOP', 'en'],
    ['unsubscribe me', 'STOP', 'en'],
    ['Please unsubscribe me from this list', 'STOP', 'en'],
    ["don't text me again", 'STOP', 'en'],
    ['Don’t message me', 'STOP', 'en'],
    ['I do not want these anymore', 'STOP', 'en'],
    ['remove me from your list', 'STOP', 'en'],
    ['take me off this', 'STOP', 'en'],
    ['opt me out', 'STOP', 'en'],
    ['I want to opt-out', 'STOP', 'en'],
    ['leave me alone', 'STOP', 'en'],
    ['wrong number', 'STOP', 'en'],
    ['不要再发了', 'STOP', 'zh'],
    ['别再发短信给我', 'STOP', 'zh'],
    ['我要退订，谢谢', 'STOP', 'zh'],
    ['no me envíen más', 'STOP', 'es'],
    ['No me manden mensajes', 'STOP', 'es'],
    ['quiero darme de baja', 'STOP', 'es'],
    ['dejen de enviarme mensajes', 'STOP', 'es'],
    ['ya no quiero recibir esto', 'STOP', 'es'],
    ['parem de enviar', 'STOP', 'pt'],
    ['Não me enviem mais nada', 'STOP', 'pt'],
    ['quero me descadastrar', 'STOP', 'pt'],
    ['je veux ne plus recevoir ces messages', 'STOP', 'fr'],
    ['Ne m’envoyez plus rien', 'STOP', 'fr'],
    ['arrêtez de m’envoyer des SMS', 'STOP', 'fr'],
    ['me désabonner svp', 'STOP', 'fr'],
    ['keine SMS mehr bitte', 'STOP', 'de'],
    ['Hört auf damit', 'STOP', 'de'],
    ['bitte nicht mehr schreiben', 'STOP', 'de'],
    ['this is spam', 'COMPLAINT', 'en'],
    ['spam', 'COMPLAINT', 'en'],
    ['SPAM!!', 'COMPLAINT', 'en'],
    ['reported as spam', 'COMPLAINT', 'en'],
    ['Stop spamming me', 'COMPLAINT', 'en'],
    ['I am reporting you to the FCC', 'COMPLAINT', 'en'],
    ['this is a scam', 'COMPLAINT', 'en'],
    ['垃圾短信', 'COMPLAINT', 'zh'],
    ['再发我就投诉', 'COMPLAINT', 'zh'],
    ['es spam', 'COMPLAINT', 'es'],
    ['isso é spam', 'COMPLAINT', 'pt'],
    ["c'est du spam", 'COMPLAINT', 'fr'],
    ['das ist Spam', 'COMPLAINT', 'de'],
  ])('%j → %s (%s)', (text, kind, language) => {
    expect(classifyReply(text)).toMatchObject({ kind, language });
  });

  it.each([
    'stop by the store tomorrow?',
    'Can you stop by at 5?',
    'Thanks! See you soon',
    'What time do you open?',
    'Is the sale still on',
    'ok',
    '',
    '   ',
    'Starting next week I will be away',
    'Helpful, thank you',
    'I will unstop the sink',
  ])('%j → FEEDBACK', (text) => {
    expect(classifyReply(text)).toEqual({ kind: 'FEEDBACK' });
  });

  it('never lets filler re-subscribe anyone', () => {
    expect(classifyReply('yes please')).toEqual({ kind: 'FEEDBACK' });
  });

  it('knows every keyword of its tables', () => {
    for (const set of REPLY_KEYWORDS) {
      for (const word of [...set.stop, ...set.start, ...set.help])
        expect(classifyReply(word).kind).not.toBe('FEEDBACK');
    }
  });
});

describe(optOutConfirmation.name, () => {
  it.each<[string | undefined, string | undefined, string]>([
    [
      undefined,
      undefined,
      'Acme: You are unsubscribed and will receive no more messages. Reply START to resubscribe.',
    ],
    [
      'en-US',
      'US',
      'Acme: You are unsubscribed and will receive no more messages. Reply START to resubscribe.',
    ],
    [undefined, 'CN', '【Acme】您已成功退订，将不再收到我们的短信。'],
    ['zh-Hans-CN', undefined, '【Acme】您已成功退订，将不再收到我们的短信。'],
    [
      undefined,
      'MX',
      'Acme: Te has dado de baja y no recibirás más mensajes. Responde ALTA para volver a suscribirte.',
    ],
    [
      undefined,
      'BR',
      'Acme: Você foi descadastrado e não receberá mais mensagens. Responda VOLTAR para se inscrever novamente.',
    ],
    [
      'fr-CA',
      'CA',
      'Acme : Vous êtes désabonné et ne recevrez plus de messages. Répondez START pour vous réabonner.',
    ],
    [
      undefined,
      'DE',
      'Acme: Sie wurden abgemeldet und erhalten keine weiteren Nachrichten. Antworten Sie START zum erneuten Anmelden.',
    ],
    [
      'ja-JP',
      'JP',
      'Acme: You are unsubscribed and will receive no more messages. Reply START to resubscribe.',
    ],
    [
      'es',
      'US',
      'Acme: Te has dado de baja y no recibirás más mensajes. Responde ALTA para volver a suscribirte.',
    ],
  ])('locale %s, region %s', (locale, region, text) => {
    expect(optOutConfirmation('Acme', locale, region)).toBe(text);
  });
});

describe(helpReply.name, () => {
  it.each<[string, string | undefined, string | undefined, string]>([
    ['Call 555-0100 for help.', undefined, 'US', 'Acme: Call 555-0100 for help. Reply STOP to opt out'],
    [
      'Acme help: call 555-0100. Reply STOP to opt out.',
      undefined,
      'US',
      'Acme help: call 555-0100. Reply STOP to opt out.',
    ],
    [
      'Ayuda: llama al 555-0100',
      'es-MX',
      'MX',
      'Acme: Ayuda: llama al 555-0100. Responde BAJA para darte de baja',
    ],
    ['客服电话 95555', undefined, 'CN', '【Acme】客服电话 95555，回T退订'],
    ['Help: help@acme.test', undefined, undefined, 'Help: help@acme.test. Reply STOP to opt out'],
    ['Help: help@example.test', undefined, undefined, 'Acme: Help: help@example.test. Reply STOP to opt out'],
  ])('%j (%s, %s)', (helpText, locale, region, text) => {
    expect(helpReply('Acme', helpText, locale, region)).toBe(text);
  });
});
