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
      'UNSUB',
      'STOP ALL',
    ],
    start: ['START', 'UNSTOP', 'YES'],
    help: ['HELP', 'INFO'],
    source:
      'STOP..UNSUBSCRIBE: 47 CFR 64.1200(a)(10) (R); STOPALL, REMOVE, OPTOUT, START, UNSTOP, YES, HELP, INFO: CTIA (C)',
  },
  {
    language: 'zh',
    stop: ['退订', 'TD', 'T', 'R', '拒收', '取消', '退出', '不需要', '勿扰'],
    start: [],
    help: ['帮助'],
    source:
      '退订/TD/T: carrier convention "回TD退订" (C); R/拒收: Huawei Cloud "拒收请回复R" (C); 取消, 退出, 不需要, 勿扰, 帮助 (U)',
  },
  {
    language: 'es',
    stop: ['BAJA', 'PARAR', 'CANCELAR', 'ALTO', 'NO', 'SALIR', 'DESUSCRIBIR', 'DESUSCRIBIRME'],
    start: ['ALTA', 'COMENZAR', 'INICIO', 'SI'],
    help: ['AYUDA'],
    source:
      'BAJA, PARAR, CANCELAR, ALTA, COMENZAR (C); SALIR: Ecuador regulator materials (S); ALTO, NO, DESUSCRIBIR(ME), INICIO, SI, AYUDA (U)',
  },
  {
    language: 'pt',
    stop: ['SAIR', 'PARE', 'CANCELAR', 'PARAR', 'DESCADASTRAR'],
    start: ['VOLTAR', 'INICIAR', 'SIM'],
    help: ['AJUDA'],
    source:
      'SAIR: Anatel 2018 carrier campaign (R-ish); PARE, CANCELAR (C); PARAR, DESCADASTRAR, VOLTAR, INICIAR, SIM, AJUDA (U)',
  },
  {
    language: 'fr',
    stop: ['STOP', 'ARRET', 'ARRÊT', 'ARRETEZ', 'DESABONNER', 'DESINSCRIPTION', 'DESABONNEMENT', 'RESILIER'],
    start: ['START', 'DEBUT', 'DÉBUT'],
    help: ['AIDE', 'INFO'],
    source:
      'STOP: CNIL / "STOP SMS" charter (R-ish); ARRET, AIDE: Canadian carriers (C); ARRETEZ, DESABONNER, DESINSCRIPTION, DESABONNEMENT, RESILIER, START, DEBUT (U)',
  },
  {
    language: 'de',
    stop: ['STOP', 'STOPP', 'ABMELDEN', 'ABBESTELLEN', 'AUSTRAGEN'],
    start: ['START', 'ANMELDEN'],
    help: ['HILFE'],
    source:
      'UWG §7 requires only a free stop address; STOP, STOPP, ABMELDEN, ABBESTELLEN, AUSTRAGEN, START, ANMELDEN, HILFE (U)',
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
  'kindly',
  'por',
  'favor',
  'gracias',
  'obrigado',
  'obrigada',
  'merci',
  'svp',
  'bitte',
  'danke',
  '谢谢',
  '谢了',
  '请',
]);
