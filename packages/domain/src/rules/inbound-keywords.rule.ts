import { FILLER_WORDS, REPLY_KEYWORDS } from './inbound-keywords.data';
import type { MessageLanguage } from './message-language';
import {
  COMPLAINT_PHRASES,
  OPT_OUT_NEGATIONS,
  STOP_PHRASES,
  type ReplyPhrase,
} from './revocation-phrases.data';
import { foldText } from './text-fold';

export type ReplyKind = 'STOP' | 'START' | 'HELP' | 'COMPLAINT' | 'FEEDBACK';
export interface ReplyClassification {
  kind: ReplyKind;
  language?: string;
  keyword?: string;
}

interface KeywordEntry {
  kind: 'STOP' | 'START' | 'HELP';
  language: MessageLanguage;
  keyword: string;
}

/** Folded keyword → meaning; the first language listed wins a word several share (STOP → en). */
const KEYWORDS = indexKeywords();

function indexKeywords(): ReadonlyMap<string, KeywordEntry> {
  const index = new Map<string, KeywordEntry>();
  for (const set of REPLY_KEYWORDS) {
    const kinds = [
      ['STOP', set.stop],
      ['START', set.start],
      ['HELP', set.help],
    ] as const;
    for (const [kind, words] of kinds) {
      for (const keyword of words) {
        const folded = foldText(keyword);
        if (!index.has(folded)) index.set(folded, { kind, language: set.language, keyword });
      }
    }
  }
  return index;
}

const SURROUNDING = /^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu;
const WORD_BREAKS = /[\s\p{P}\p{S}]+/u;
/** A word spelled out letter by letter: "s t o p", "S.T.O.P". */
const SPELLED_OUT = /^(?:\p{L}[\s.\-_*]+)+\p{L}$/u;

/**
 * Classifies a reply from a handset (CONTRACT §3; FCC 24-24, 47 CFR 64.1200(a)(10): revocation "by any
 * reasonable means"; compliance-rules.md §2). The text is folded first (text-fold.ts: invisible characters,
 * full width, case, accents, traditional Chinese), then:
 * 1. the whole message is a STOP, START or HELP keyword of one of the six languages (surrounding punctuation
 *    ignored), also once filler such as "please" or "thank you" is dropped, or a STOP keyword spelled out
 *    ("s t o p") (START only as the whole message: a stray "yes please" must not re-subscribe anyone);
 * 2. a spam or abuse report → COMPLAINT;
 * 3. revocation wording inside a longer reply → STOP, once negated opt-out wording ("don't unsubscribe me",
 *    "不要退订") is taken out, so asking to stay subscribed never opts anyone out;
 * 4. anything else → FEEDBACK.
 */
export function classifyReply(text: string): ReplyClassification {
  const folded = foldText(text).trim().replace(/\s+/g, ' ');
  const whole = folded.replace(SURROUNDING, '');
  const exact = KEYWORDS.get(whole);
  if (exact !== undefined) return { kind: exact.kind, language: exact.language, keyword: exact.keyword };

  const words = whole.split(WORD_BREAKS).filter((word) => word !== '' && !FILLER_WORDS.has(word));
  const distinct = [...new Set(words)];
  const trimmed = distinct.length === 1 ? KEYWORDS.get(distinct[0] ?? '') : undefined;
  if (trimmed !== undefined && trimmed.kind !== 'START') {
    return { kind: trimmed.kind, language: trimmed.language, keyword: trimmed.keyword };
  }
  const spelled = SPELLED_OUT.test(whole) ? KEYWORDS.get(whole.replace(/[\s.\-_*]/g, '')) : undefined;
  if (spelled !== undefined && spelled.kind === 'STOP') {
    return { kind: 'STOP', language: spelled.language, keyword: spelled.keyword };
  }
  const misspelt = distinct.length === 1 ? misspeltStopKeyword(distinct[0] ?? '') : undefined;
  if (misspelt !== undefined) return { kind: 'STOP', language: misspelt.language, keyword: misspelt.keyword };

  const complaint = firstMatch(COMPLAINT_PHRASES, folded);
  if (complaint !== undefined) return { kind: 'COMPLAINT', ...complaint };
  const unnegated = OPT_OUT_NEGATIONS.reduce((rest, negation) => rest.replace(negation, ' '), folded);
  const revocation = firstMatch(STOP_PHRASES, unnegated.trim());
  if (revocation !== undefined) return { kind: 'STOP', ...revocation };
  return { kind: 'FEEDBACK' };
}

/** STOP keywords a slip cannot turn into another common word ("alto" → "alot", "remove" → "remote" are left out). */
const UNSAFE_TO_MISSPELL = new Set(['alto', 'remove']);
const STOP_KEYWORDS = [...KEYWORDS].filter(
  ([word, entry]) => entry.kind === 'STOP' && /^[a-z]{4,}$/.test(word) && !UNSAFE_TO_MISSPELL.has(word),
);

/**
 * A one-word reply one slip away from a STOP keyword: two neighbouring letters swapped ("stpo"), or, for
 * keywords of six letters or more, one letter missing or added ("unsubscibe"). A changed letter is not a slip
 * here: it turns "stop" into "shop" and "cancel" into "cancer".
 */
function misspeltStopKeyword(word: string): KeywordEntry | undefined {
  if (!/^[a-z]{4,}$/.test(word)) return undefined;
  const found = STOP_KEYWORDS.find(
    ([keyword]) => isSwap(word, keyword) || (keyword.length >= 6 && isOneLetterMoreOrLess(word, keyword)),
  );
  return found?.[1];
}

function isSwap(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  const differ = [...a].flatMap((char, i) => (char === b[i] ? [] : [i]));
  const [i, j] = differ;
  return differ.length === 2 && i !== undefined && j === i + 1 && a[i] === b[j] && a[j] === b[i];
}

/** One letter inserted or deleted. */
function isOneLetterMoreOrLess(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) !== 1) return false;
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < shorter.length && longer[i] === shorter[i]) i++;
  return longer.slice(i + 1) === shorter.slice(i);
}

function firstMatch(
  phrases: readonly ReplyPhrase[],
  folded: string,
): { language: string; keyword: string } | undefined {
  for (const phrase of phrases) {
    const match = phrase.pattern.exec(folded);
    if (match !== null) return { language: phrase.language, keyword: match[0] };
  }
  return undefined;
}
