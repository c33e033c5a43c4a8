import { ZH_TRADITIONAL_TO_SIMPLIFIED } from './zh-traditional.data';

/** Format characters (Unicode Cf): zero-width spaces and joiners, the BOM, bidirectional marks, soft hyphens. */
const INVISIBLE = /\p{Cf}/gu;
const HAN = /\p{Script=Han}/u;
const HAN_ALL = /\p{Script=Han}/gu;

/**
 * Folds text for keyword and phrase matching: invisible characters removed (a STOP with a zero-width space or a
 * bidi mark in it is still a STOP), NFKC (full-width ＳＴＯＰ → STOP), lower case, diacritics removed
 * (ARRÊT → arret), typographic apostrophes made plain, traditional Chinese made simplified (退訂 → 退订).
 */
export function foldText(text: string): string {
  const folded = text
    .replace(INVISIBLE, '')
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .normalize('NFC')
    .replace(/[\u2018\u2019\u02bc`´]/g, "'");
  return HAN.test(folded)
    ? folded.replace(HAN_ALL, (char) => ZH_TRADITIONAL_TO_SIMPLIFIED.get(char) ?? char)
    : folded;
}
