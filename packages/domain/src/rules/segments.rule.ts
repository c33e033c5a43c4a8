export interface SegmentCount {
  encoding: 'GSM-7' | 'UCS-2';
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
  segments: number;
}

/** GSM 03.38 default alphabet (3GPP TS 23.038 §6.2.1), one septet each; ESC (0x1B) is left out on purpose. */
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
/** The extension table: ESC plus the character, two septets each. */
const GSM_EXTENSION = new Set('\f^{}\\[~]|€');

const GSM_SINGLE = 160;
const GSM_PART = 153;
const UCS2_SINGLE = 70;
const UCS2_PART = 67;

/**
 * How many SMS segments a text needs (3GPP TS 23.038 / 23.040). GSM-7 when every character is in the default
 * alphabet or its extension table (those count 2); otherwise UCS-2, counted in UTF-16 code units (a character
 * outside the BMP, such as an emoji, is 2). One segment holds 160 septets or 70 units; a concatenated one 153
 * or 67, because of the 6-byte header. An extension pair or a surrogate pair is never split across two
 * segments, so a part may hold one unit fewer. An empty text still takes one segment.
 */
export function countSegments(text: string): SegmentCount {
  const characters = Array.from(text);
  const gsm = characters.every((character) => GSM_BASIC.has(character) || GSM_EXTENSION.has(character));
  const widths = gsm
    ? characters.map((character) => (GSM_EXTENSION.has(character) ? 2 : 1))
    : characters.map((character) => character.length);
  const units = widths.reduce((sum, width) => sum + width, 0);
  const single = gsm ? GSM_SINGLE : UCS2_SINGLE;
  const part = gsm ? GSM_PART : UCS2_PART;
  return {
    encoding: gsm ? 'GSM-7' : 'UCS-2',
    units,
    segments: units <= single ? 1 : countParts(widths, part),
  };
}

function countParts(widths: readonly number[], capacity: number): number {
  let parts = 1;
  let used = 0;
  for (const width of widths) {
    if (used + width > capacity) {
      parts++;
      used = 0;
    }
    used += width;
  }
  return parts;
}
