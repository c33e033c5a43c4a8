import { messageLanguage, type MessageLanguage } from './message-language';
import { foldText } from './text-fold';

/** The opt-out instruction added to a marketing body that has none, per recipient language. */
export const OPT_OUT_WORDING: Readonly<Record<MessageLanguage, string>> = {
  en: 'Reply STOP to opt out',
  zh: '回T退订',
  es: 'Responde BAJA para darte de baja',
  pt: 'Responda SAIR para cancelar',
  fr: 'Répondez STOP pour vous désabonner',
  de: 'Antworten Sie STOP zum Abmelden',
};
/** Canadian carriers expect the French ARRET keyword (compliance-rules.md, Canada row [S]). */
const OPT_OUT_WORDING_CA_FR = 'Répondez ARRET pour vous désabonner';

/**
 * Opt-out instructions already present, in any of the languages (matched on folded text): an instruction to
 * reply or send a stop word, or the words opt out / unsubscribe in their languages.
 */
const HAS_OPT_OUT: readonly RegExp[] = [
  /\b(reply|text|txt|send|respond)\s+["'“]?(stop|end|quit|cancel|unsubscribe)\b/,
  /\bopt[\s-]?out\b|\bunsubscribe\b/,
  /退订|拒收/,
  /\b(responde|responda|envia|envie)\s+["'“]?(baja|stop|parar|salir|sair|pare)\b|\bde baja\b/,
  /\b(repondez|envoyez|tapez)\s+["'“]?(stop|arret)\b|\bstop\s+(sms|au)\b|\bdesabonner\b|\bdesinscri/,
  /\b(antworten sie|antworte|sende|senden sie)\s+["'“]?(stop|stopp)\b|\babmelden\b/,
];

const CN_SIGNATURE = /^\s*【[^】]+】/;

/**
 * Makes a marketing body identify its sender and say how to opt out, adding only what is missing (CONTRACT §3
 * "Content"; CTIA: every message names the brand and gives the STOP instruction; CASL s. 6, UK PECR reg. 23,
 * UWG §7(2) no. 3 and the French charter require sender identity and a working opt-out [S/P]).
 * - China (region CN): the body starts with the 【signature】 carriers register and ends with 回T退订 (MIIT
 *   Order No. 31 and carrier practice [S]).
 * - Elsewhere: `SenderName: ` in front when the name does not appear (case-insensitive), and the opt-out
 *   wording in the recipient's language (locale, else country, else English) at the end.
 */
export function prepareMarketingBody(input: {
  text: string;
  senderName: string;
  region: string;
  locale?: string;
}): string {
  const folded = foldText(input.text);
  const hasOptOut = HAS_OPT_OUT.some((pattern) => pattern.test(folded));
  if (input.region === 'CN') {
    const signed = CN_SIGNATURE.test(input.text) ? input.text : `【${input.senderName}】${input.text}`;
    return hasOptOut ? signed : appendSentence(signed, OPT_OUT_WORDING.zh, 'zh');
  }
  const hasName = folded.includes(foldText(input.senderName));
  const named = hasName ? input.text : `${input.senderName}: ${input.text}`;
  if (hasOptOut) return named;
  const language = messageLanguage(input.locale, input.region);
  const wording =
    input.region === 'CA' && language === 'fr' ? OPT_OUT_WORDING_CA_FR : OPT_OUT_WORDING[language];
  return appendSentence(named, wording, language);
}

/** Chinese runs on after a full-width comma; other languages start a new sentence. */
function appendSentence(body: string, sentence: string, language: MessageLanguage): string {
  const trimmed = body.trimEnd();
  const ended = /[.!?。！？，,]$/.test(trimmed);
  if (language === 'zh') return `${trimmed}${ended ? '' : '，'}${sentence}`;
  return `${trimmed}${ended ? ' ' : '. '}${sentence}`;
}
