import type { ContentViolation } from './content.rule';
import { foldText } from './text-fold';

/** How a sender can be reached, as the tenant declares it. */
export interface SenderContact {
  readonly name: string;
  readonly mailingAddress?: string;
  readonly phone?: string;
  readonly email?: string;
  readonly url?: string;
  /** Until when the details are known to work; absent: not known to lapse. */
  readonly validUntil?: Date;
}

interface IdentityRule {
  readonly region: string;
  /** Days after sending that the contact details must still work. */
  readonly validDays: number;
  readonly needsMailingAddress: boolean;
  readonly citation: string;
}

/** Jurisdictions that require the sender's identity and working contact details in a commercial message. */
export const SENDER_IDENTITY_RULES: readonly IdentityRule[] = [
  {
    region: 'CA',
    validDays: 60,
    needsMailingAddress: true,
    citation:
      'CASL s. 6(2)(b), 6(3); Electronic Commerce Protection Regulations (CRTC) s. 2-3: name, mailing address and a phone, e-mail or web address, valid 60 days; a link to them is allowed when an SMS has no room',
  },
  {
    region: 'AU',
    validDays: 30,
    needsMailingAddress: false,
    citation:
      'Spam Act 2003 s. 17: the authorising entity and accurate contact details, valid at least 30 days [P]',
  },
  {
    region: 'SG',
    validDays: 30,
    needsMailingAddress: false,
    citation:
      'PDPA s. 44 (compliance-rules.md §1 Singapore): sender and how to contact it, valid at least 30 days [P]',
  },
];

const DAY = 86_400_000;
const LINK = /(https?:\/\/|www\.)\S+|\b[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}\/\S*/i;

/**
 * Sender identity (compliance-rules.md §3.16) for a marketing message to a region that requires it: the body
 * names the sender, the tenant has declared contact details of the kinds the region asks for, they stay valid
 * for the region's period after `at`, and the body carries a way to reach them (a link, phone number or e-mail:
 * CASL allows a link to the full details when an SMS has no room). Returns SENDER_IDENTITY violations (blocked as
 * CONTENT_VIOLATION); [] where no such rule applies or all is there.
 */
export function checkSenderIdentity(
  message: { region: string; body: string },
  contact: SenderContact | undefined,
  at: Date,
): ContentViolation[] {
  const rule = SENDER_IDENTITY_RULES.find((each) => each.region === message.region);
  if (rule === undefined) return [];
  const violation = (detail: string): ContentViolation => ({ rule: 'SENDER_IDENTITY', detail });
  if (contact === undefined)
    return [violation(`${rule.region}: the tenant has declared no sender contact details`)];
  const violations: ContentViolation[] = [];
  if (!foldText(message.body).includes(foldText(contact.name))) {
    violations.push(violation(`${rule.region}: the body does not name the sender "${contact.name}"`));
  }
  if (rule.needsMailingAddress && (contact.mailingAddress ?? '') === '') {
    violations.push(violation(`${rule.region}: no mailing address declared`));
  }
  if ([contact.phone, contact.email, contact.url].every((each) => (each ?? '') === '')) {
    violations.push(violation(`${rule.region}: no phone, e-mail or web address declared`));
  }
  const needed = at.getTime() + rule.validDays * DAY;
  if (contact.validUntil !== undefined && contact.validUntil.getTime() < needed) {
    violations.push(
      violation(`${rule.region}: contact details must stay valid ${rule.validDays} days after sending`),
    );
  }
  const reachable =
    LINK.test(message.body) ||
    [contact.phone, contact.email, contact.url].some(
      (each) => each !== undefined && each !== '' && message.body.includes(each),
    );
  if (!reachable) violations.push(violation(`${rule.region}: the body gives no way to reach the sender`));
  return violations;
}
