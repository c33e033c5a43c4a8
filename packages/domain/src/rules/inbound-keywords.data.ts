import type { MessageLanguage } from './message-language';

/**
 * Whole-message reply keywords per language, from compliance-rules.md §2. Authority as tagged there:
 * R = a regulator or statute names the word, C = carrier or platform convention, U = common usage.
 * English STOP words: FCC 24-24, 47 CFR 64.1200(a)(10) (R, in force 2025-04-11); the rest CTIA / carriers (C).
 * Matched after folding (case, accents, full width) and without surrounding punctuation.
 */
export interface ReplyKeywords {
  readonly language: MessageLanguage;
  readonly stop: readonly string[];
  readonly start: readonly string[];
  readonly help: readonly string[];
  readonly source: string;
}

export const REPLY_KEYWORDS: readonly ReplyKeywords[] = [
  {
    language: 'en',
    stop: [
      'STOP',
      'QUIT',
      'END',
      'REVOKE',
      'OPT OUT',
      'CANCEL',
      'UNSUBSCRIBE',
      'STOPALL',
      'REMOVE',
      'OPTOUT',
      'OPT-OUT',
    ],
    start: ['START', 'UNSTOP', 'YES'],
    help: ['HELP', 'INFO'],
    source:
      'STOP..UNSUBSCRIBE: 47 CFR 64.1200(a)(10) (R); STOPALL, REMOVE, OPTOUT, START, UNSTOP, YES, HELP, INFO: CTIA (C)',
  },
  {
    language: 'zh',
    stop: ['退订', 'TD', 'T', 'R', '拒收', '取消'],
    start: [],
    help: ['帮助'],
    source:
      '退订/TD/T: carrier convention "回TD退订" (C); R/拒收: Huawei Cloud "拒收请回复R" (C); 取消, 帮助 (U)',
  },
  {
    language: 'es',
    stop: ['BAJA', 'PARAR', 'CANCELAR', 'ALTO', 'NO', 'SALIR'],
    start: ['ALTA', 'COMENZAR', 'INICIO', 'SI'],
    help: ['AYUDA'],
    source:
      'BAJA, PARAR, CANCELAR, ALTA, COMENZAR (C); SALIR: Ecuador regulator materials (S); ALTO, NO, INICIO, SI, AYUDA (U)',
  },
  {
    language: 'pt',
    stop: ['SAIR', 'PARE', 'CANCELAR'],
    start: ['VOLTAR', 'INICIAR', 'SIM'],
    help: ['AJUDA'],
    source: 'SAIR: Anatel 2018 carrier campaign (R-ish); PARE, CANCELAR (C); VOLTAR, INICIAR, SIM, AJUDA (U)',
  },
  {
    language: 'fr',
    stop: ['STOP', 'ARRET', 'ARRÊT'],
    start: ['START', 'DEBUT', 'DÉBUT'],
    help: ['AIDE', 'INFO'],
    source: 'STOP: CNIL / "STOP SMS" charter (R-ish); ARRET, AIDE: Canadian carriers (C); START, DEBUT (U)',
  },
  {
    language: 'de',
    stop: ['STOP', 'STOPP', 'ABMELDEN'],
    start: ['START', 'ANMELDEN'],
    help: ['HILFE'],
    source: 'UWG §7 requires only a free stop address; STOP, STOPP, ABMELDEN, START, ANMELDEN, HILFE (U)',
  },
];

/** Words that do not change what a short reply means ("Stop please", "STOP. Thank you"). */
export const FILLER_WORDS: ReadonlySet<string> = new Set([
  'please',
  'pls',
  'plz',
  'thanks',
  'thank',
  'you',
  'thx',
  'ty',
  'now',
  'it',
  'all',
  'immediately',
  'asap',
  'ok',
  'okay',
  'already',
  'right',
  'por',
  'favor',
  'gracias',
  'obrigado',
  'obrigada',
  'merci',
  'svp',
  'bitte',
  'danke',
]);

export interface ReplyPhrase {
  readonly language: MessageLanguage;
  readonly pattern: RegExp;
}

/**
 * Revocation inside a longer reply. The FCC's 2024 order (47 CFR 64.1200(a)(10)) lets a consumer revoke "by any
 * reasonable means": wording a reasonable person would read as "stop messaging me" opts out. Matched on folded
 * text; "stop by the store" matches none of these.
 */
export const STOP_PHRASES: readonly ReplyPhrase[] = [
  {
    language: 'en',
    pattern:
      /\b(stop|quit|cease|end)\s+(texting|txting|messaging|msging|sending|contacting|calling|emailing|spamming|bothering|harassing)\b/,
  },
  {
    language: 'en',
    pattern:
      /\b(no more|stop|stop all|stop these|stop the|stop your)\s+(texts?|txts?|messages?|msgs?|sms|notifications?|alerts?|promos?|marketing)\b/,
  },
  { language: 'en', pattern: /\bunsubscribe\b/ },
  {
    language: 'en',
    pattern: /\b(do not|don't|dont|never)\s+(text|txt|message|msg|contact|sms|send|email)\b/,
  },
  { language: 'en', pattern: /\b(do not|don't|dont)\s+want\s+(these|this|your|any|more|anymore)\b/ },
  { language: 'en', pattern: /\b(remove|delete|take)\s+(me|my number|this number)\b/ },
  { language: 'en', pattern: /\bopt(ing)?[\s-]*(me\s+)?out\b/ },
  { language: 'en', pattern: /\b(leave me alone|not interested|wrong number|wrong person)\b/ },
  { language: 'zh', pattern: /退订|取消订阅|拒收|(不要|别|勿|不用)再?(给我)?(发|打扰)|不想再?收到/ },
  { language: 'es', pattern: /\bno\s+(me\s+)?(envie[ns]?|mande[ns]?|escriba[ns]?|contacte[ns]?)\b/ },
  { language: 'es', pattern: /\b(dar|darme|darse|den)\s+de\s+baja\b/ },
  { language: 'es', pattern: /\b(deje[ns]?|dejar)\s+de\s+(enviar|mandar|escribir)/ },
  { language: 'es', pattern: /\b(ya\s+)?no\s+(quiero|deseo)\s+(recibir|mas|mensajes|sms)\b/ },
  { language: 'pt', pattern: /\bpar(e|em|ar)\s+de\s+(me\s+)?(enviar|mandar)\b/ },
  { language: 'pt', pattern: /\bnao\s+(me\s+)?(envie|enviem|mande|mandem)\b/ },
  { language: 'pt', pattern: /\bdescadastr/ },
  { language: 'pt', pattern: /\bnao\s+quero\s+(mais\s+)?(receber|mensagens|sms)\b/ },
  { language: 'fr', pattern: /\bne\s+(plus|pas)\s+(recevoir|m'envoyer)\b/ },
  { language: 'fr', pattern: /\bne\s+m'(envoyez|ecrivez|contactez)\s+plus\b/ },
  { language: 'fr', pattern: /\barret(ez|er)\s+(de\s+)?m'(envoyer|ecrire|contacter)/ },
  { language: 'fr', pattern: /\b(desabonn|desinscri)|\bje ne veux plus\b/ },
  { language: 'de', pattern: /\bkeine\s+(sms|nachrichten|werbung|mitteilungen)\s+mehr\b/ },
  { language: 'de', pattern: /\b(hort|horen sie)\s+auf\b|\b(abmelden|abbestellen)\b/ },
  { language: 'de', pattern: /\bnicht\s+mehr\s+(schreiben|senden|kontaktieren|anschreiben)\b/ },
];

/**
 * Reports of spam or abuse: a complaint, which CONTRACT §3 also counts as an opt-out. The other languages come
 * first so that "es spam" is answered in Spanish; the English list ends with the bare word "spam".
 */
export const COMPLAINT_PHRASES: readonly ReplyPhrase[] = [
  { language: 'zh', pattern: /垃圾(短信|信息|消息)|骚扰|举报|投诉/ },
  { language: 'es', pattern: /\b(es|son)\s+spam\b|\b(estafa|acoso|denunciar|denuncia)\b/ },
  { language: 'pt', pattern: /\b(e|sao)\s+spam\b|\b(assedio|denunciar|denuncia)\b/ },
  { language: 'fr', pattern: /\bc'est (du )?spam\b|\b(pourriel|arnaque|harcelement|signaler)\b/ },
  { language: 'de', pattern: /\bist spam\b|\b(belastigung|betrug)\b/ },
  { language: 'en', pattern: /\breport(ed|ing)?\b.*\b(fcc|ftc|attorney general|authorities|police)\b/ },
  { language: 'en', pattern: /\b(tcpa|lawsuit|sue you|my lawyer|my attorney)\b/ },
  { language: 'en', pattern: /\b(spam|spamming|spammed|spammer|scam|scammer|harassment|harassing)\b/ },
];
