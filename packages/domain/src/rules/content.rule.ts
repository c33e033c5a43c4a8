import { EXTRA_SHORTENERS, PUBLIC_SHORTENER_LIST } from './public-shorteners.data';
import { countSegments } from './segments.rule';
import { foldText } from './text-fold';

export interface ContentViolation {
  rule:
    | 'SHORTENER'
    | 'BANNED_PHRASE'
    | 'TOO_MANY_SEGMENTS'
    | 'UNRESOLVED_PLACEHOLDER'
    | 'DLT_UNREGISTERED'
    | 'SENDER_IDENTITY';
  detail: string;
}

/**
 * Public link shorteners. Carriers filter their links because anyone can hide a destination behind them
 * (CTIA Messaging Principles; carrier filtering practice); a sender should use its own domain. From a maintained
 * public list (public-shorteners.data.ts says where it comes from and how to refresh it).
 */
export const SHORTENER_DOMAINS: ReadonlySet<string> = new Set(
  `${PUBLIC_SHORTENER_LIST} ${EXTRA_SHORTENERS}`.split(/\s+/).filter((domain) => domain !== ''),
);

/** Host names, with or without a scheme: `bit.ly/x`, `https://www.t.co/x`. */
const HOST = /(?:https?:\/\/)?((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,})(?=[/?#:\s]|$|[),.!;'"])/gi;
const LEFTOVER_PLACEHOLDER = /\{\{[^{}]*\}\}/g;
export const MAX_SEGMENTS = 10;

/**
 * Content rules that block a message as CONTENT_VIOLATION (CONTRACT §3 "Content"): links through a public
 * shortener (unless the host is one of the tenant's own branded domains, or under one), a tenant-banned phrase
 * (case- and accent-insensitive), more than 10 segments, and a `{{...}}` left unfilled. Returns every violation
 * found, [] when the text is clean.
 */
export function checkContent(
  text: string,
  input: { bannedPhrases: string[]; brandedDomains?: readonly string[] },
): ContentViolation[] {
  const violations: ContentViolation[] = [];
  const branded = (input.brandedDomains ?? []).map((domain) => domain.toLowerCase().replace(/^www\./, ''));
  for (const match of text.matchAll(HOST)) {
    const host = (match[1] ?? '').toLowerCase().replace(/^www\./, '');
    if (isShortener(host) && !isUnder(host, branded)) violations.push({ rule: 'SHORTENER', detail: host });
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

function isUnder(host: string, domains: readonly string[]): boolean {
  return domains.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

/** The host or any parent domain of it is a shortener (`go.bit.ly` too). */
function isShortener(host: string): boolean {
  const labels = host.split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    if (SHORTENER_DOMAINS.has(labels.slice(i).join('.'))) return true;
  }
  return false;
}
