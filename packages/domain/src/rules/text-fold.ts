/**
 * Folds text for keyword and phrase matching: NFKC (full-width ＳＴＯＰ → STOP), lower case, diacritics
 * removed (ARRÊT → arret), typographic apostrophes made plain.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .normalize('NFC')
    .replace(/[\u2018\u2019\u02bc`´]/g, "'");
}
