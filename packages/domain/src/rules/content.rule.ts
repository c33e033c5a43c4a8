import { countSegments } from './segments.rule';
import { foldText } from './text-fold';

export interface ContentViolation {
  rule: 'SHORTENER' | 'BANNED_PHRASE' | 'TOO_MANY_SEGMENTS' | 'UNRESOLVED_PLACEHOLDER';
  detail: string;
}

/**
 * Public link shorteners. Carriers filter their links because anyone can hide a destination behind them
 * (CTIA Messaging Principles; carrier filtering practice); a sender should use its own domain.
 */
export const SHORTENER_DOMAINS: ReadonlySet<string> = new Set([
  'bit.ly',
  'bitly.com',
  'j.mp',
  'tinyurl.com',
  't.co',
  'goo.gl',
  'ow.ly',
  'is.gd',
  'v.gd',
  'buff.ly',
  'rebrand.ly',
  'cutt.ly',
  'shorturl.at',
  'tiny.cc',
  'rb.gy',
  'bl.ink',
  't.ly',
  's.id',
  'shorte.st',
  'adf.ly',
  'bit.do',
  'lnkd.in',
  'qrco.de',
  'tr.im',
  'x.co',
  'soo.gd',
  'clck.ru',
  'u.to',
  'gg.gg',
  'tiny.one',
  'shorturl.com',
  'short.gy',
  'urlz.fr',
  'trib.al',
  'dlvr.it',
  'ift.tt',
  'snip.ly',
  'surl.li',
  'cli.re',
  'mcaf.ee',
  'db.tt',
]);

/** Host names, with or without a scheme: `bit.ly/x`, `https://www.t.co/x`. */
const HOST = /(?:https?:\/\/)?((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,})(?=[/?#:\s]|$|[),.!;'"])/gi;
const LEFTOVER_PLACEHOLDER = /\{\{[^{}]*\}\}/g;
export const MAX_SEGMENTS = 10;

/**
 * Content rules that block a message as CONTENT_VIOLATION (CONTRACT §3 "Content"): links through a public
 * shortener, a tenant-banned phrase (case- and accent-insensitive), more than 10 segments, and a `{{...}}` left
 * unfilled. Returns every violation found, [] when the text is clean.
 */
export function checkContent(text: string, input: { bannedPhrases: string[] }): ContentViolation[] {
  const violations: ContentViolation[] = [];
  for (const match of text.matchAll(HOST)) {
    const host = (match[1] ?? '').toLowerCase().replace(/^www\./, '');
    if (isShortener(host)) violations.push({ rule: 'SHORTENER', detail: host });
  }
  const folded = foldText(text);
  for (const phrase of input.bannedPhrases) {
    const wanted = foldText(phrase).trim();
    if (wanted !== '' && folded.includes(wanted)) violations.push({ rule: 'BANNED_PHRASE', detail: phrase });
  }
  const count = countSegments(text);
  if (count.segments > MAX_SEGMENTS) {
    violations.push({
      rule: 'TOO_MANY_SEGMENTS',
      detail: `${count.segments} segments (${count.encoding}, ${count.units} units)`,
    });
  }
  for (const match of text.matchAll(LEFTOVER_PLACEHOLDER)) {
    violations.push({ rule: 'UNRESOLVED_PLACEHOLDER', detail: match[0] });
  }
  return violations;
}

/** The host or any parent domain of it is a shortener (`go.bit.ly` too). */
function isShortener(host: string): boolean {
  const labels = host.split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    if (SHORTENER_DOMAINS.has(labels.slice(i).join('.'))) return true;
  }
  return false;
}
