import type { ContentViolation } from './content.rule';

/**
 * A tenant's registrations on India's DLT (Distributed Ledger Technology) platform: the headers (sender ids)
 * and content templates its principal entity registered with an Indian operator.
 */
export interface DltRegistration {
  readonly headers: readonly string[];
  readonly templates: readonly DltTemplate[];
}

/** A registered content template; `{#var#}` marks a variable part (at most 30 characters on the DLT). */
export interface DltTemplate {
  readonly id: string;
  readonly header: string;
  readonly body: string;
}

const VARIABLE = /\{#var#\}/gi;
const VARIABLE_LENGTH = 30;

/**
 * India's DLT rule (TRAI Telecom Commercial Communications Customer Preference Regulations 2018, the codes of
 * practice for header and content-template registration; second amendment of 2025-02-12 [S]; compliance-
 * rules.md §1 India and §3.15): a commercial SMS to
 * an Indian number goes only from a registered header, with a body that matches a content template registered
 * for that header, or the operator blocks it. Promotional, transactional and service messages all need it, and
 * mixed content counts as promotional, so it applies to every purpose here.
 * Returns a DLT_UNREGISTERED violation (blocked as CONTENT_VIOLATION) naming what is missing; [] when the
 * number is not Indian or everything matches.
 */
export function checkIndiaDlt(
  message: { region: string; senderId?: string; templateId?: string; body: string },
  registration: DltRegistration | undefined,
): ContentViolation[] {
  if (message.region !== 'IN') return [];
  const violation = (detail: string): ContentViolation[] => [{ rule: 'DLT_UNREGISTERED', detail }];
  if (registration === undefined) return violation('the tenant has no DLT registration for India');
  const header = message.senderId ?? '';
  if (!registration.headers.some((each) => each.toUpperCase() === header.toUpperCase())) {
    return violation(`header "${header}" is not registered on the DLT`);
  }
  const templates = registration.templates.filter(
    (each) => each.header.toUpperCase() === header.toUpperCase(),
  );
  if (message.templateId !== undefined) {
    const template = templates.find((each) => each.id === message.templateId);
    if (template === undefined) {
      return violation(`template ${message.templateId} is not registered for header "${header}"`);
    }
    return matchesTemplate(message.body, template.body)
      ? []
      : violation(`body does not match DLT template ${template.id}`);
  }
  return templates.some((each) => matchesTemplate(message.body, each.body))
    ? []
    : violation(`no DLT template registered for header "${header}" matches the body`);
}

/** The body is the template with each `{#var#}` filled by at most 30 characters. */
export function matchesTemplate(body: string, template: string): boolean {
  const pattern = template
    .split(VARIABLE)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join(`[\\s\\S]{0,${VARIABLE_LENGTH}}`);
  return new RegExp(`^${pattern}$`).test(body);
}
