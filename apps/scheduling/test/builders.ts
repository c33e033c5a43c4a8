import type {
  CampaignControl,
  DueTick,
  Recipient,
  RecipientEvent,
  ScreenedItem,
  WorkMessage,
} from '@optline/domain';

/*
 * Values of scheduling's input topics (internal.cleared.v1, internal.recipient-events.v1,
 * internal.campaign-control.v1) as consent and ingestion would write them, so scheduling is tested alone.
 */

export const TENANT = 'demo';
const HOUR = 3_600_000;

let sequence = 0;
/** An id unique within the test run. */
export function nextId(prefix: string): string {
  sequence += 1;
  return `${prefix}-${Date.now().toString(36)}-${sequence}`;
}

/** A distinct number per call, for a test that needs many recipients: +44 7700 9xxxxx. */
export function ukMobile(index: number): string {
  return `+4477009${String(index).padStart(5, '0')}`;
}

/**
 * A fixed-offset IANA zone (Etc/GMT±N) whose wall clock now shows an hour in [from, to). The window checks use
 * the real clock, so a test picks the zone that makes the window open (day) or closed (night) as it runs.
 */
export function zoneWithLocalHour(
  from: number,
  to: number,
  at = new Date(),
): { zone: string; offsetHours: number } {
  for (let offsetHours = -12; offsetHours <= 14; offsetHours++) {
    const hour = (at.getUTCHours() + offsetHours + 24) % 24;
    if (hour >= from && hour < to) {
      // Etc/GMT names have the POSIX sign: Etc/GMT-5 is five hours ahead of UTC.
      const zone =
        offsetHours === 0 ? 'Etc/GMT' : `Etc/GMT${offsetHours > 0 ? '-' : '+'}${Math.abs(offsetHours)}`;
      return { zone, offsetHours };
    }
  }
  throw new Error(`no whole-hour zone shows an hour in [${from}, ${to})`);
}

/** The next instant at which a fixed-offset zone's wall clock shows `hour`:00. */
export function nextLocalHour(offsetHours: number, hour: number, after = new Date()): Date {
  const localMidnight =
    Math.floor((after.getTime() + offsetHours * HOUR) / (24 * HOUR)) * 24 * HOUR - offsetHours * HOUR;
  let candidate = localMidnight + hour * HOUR;
  while (candidate <= after.getTime()) candidate += 24 * HOUR;
  return new Date(candidate);
}

export const daytime = () => zoneWithLocalHour(10, 16);
export const night = () => zoneWithLocalHour(1, 5);

export function recipient(e164: string, zone: string, overrides: Partial<Recipient> = {}): Recipient {
  return { e164, region: 'GB', numberType: 'MOBILE', zones: [zone], subdivisions: [], ...overrides };
}

export function workMessage(to: Recipient, overrides: Partial<WorkMessage> = {}): WorkMessage {
  const now = new Date().toISOString();
  return {
    kind: 'request',
    messageId: nextId('m'),
    tenantId: TENANT,
    purpose: 'marketing',
    recipient: to,
    body: `Optline Demo: offer ${nextId('body')}. Reply STOP to opt out`,
    segments: 1,
    senderId: 'Optline Demo',
    timing: 'immediate',
    requestedAt: now,
    acceptedAt: now,
    consentEventId: nextId('consent_event:opt-in'),
    ...overrides,
  };
}

export function consentChanged(
  e164: string,
  status: 'opted_in' | 'opted_out',
  overrides: Partial<Extract<RecipientEvent, { kind: 'consent_changed' }>> = {},
): RecipientEvent {
  return {
    kind: 'consent_changed',
    tenantId: TENANT,
    e164,
    purpose: 'marketing',
    status,
    cause: 'keyword',
    ledgerEventId: nextId(`ledger:${status}`),
    at: new Date().toISOString(),
    ...overrides,
  };
}

export function replied(
  e164: string,
  classification: 'STOP' | 'COMPLAINT' | 'FEEDBACK',
  at = new Date(),
): RecipientEvent {
  return { kind: 'replied', tenantId: TENANT, e164, classification, at: at.toISOString() };
}

export function resume(campaignId: string): CampaignControl {
  const now = new Date().toISOString();
  return {
    kind: 'resume',
    receivedAt: now,
    value: { id: nextId('resume'), tenantId: TENANT, occurredAt: now, campaignId },
  };
}

/** Keys as the producers of these topics use them. */
export function recipientKey(value: unknown): string {
  const item = value as { message?: WorkMessage; tenantId?: string; e164?: string } & Partial<DueTick>;
  if (item.message !== undefined) return `${item.message.tenantId}:${item.message.recipient.e164}`;
  return `${item.tenantId}:${item.e164}`;
}

export function campaignKey(value: unknown): string {
  const control = value as CampaignControl;
  return `${control.value.tenantId}:${control.value.campaignId}`;
}

/** Consent's input (internal.screened.v1), for the tests that run consent in front of scheduling. */
export const screened = {
  optIn(e164: string, occurredAt = new Date(Date.now() - 60_000)): ScreenedItem {
    const at = occurredAt.toISOString();
    const event = {
      id: nextId('consent'),
      tenantId: TENANT,
      occurredAt: at,
      phone: e164,
      purpose: 'marketing' as const,
    };
    return {
      kind: 'consent',
      e164,
      receivedAt: at,
      event: {
        ...event,
        action: 'opt_in',
        method: 'double_opt_in',
        proof: { capturedAt: at, messageText: 'YES' },
      },
    };
  },
  message(message: WorkMessage): ScreenedItem {
    return { kind: 'message', message };
  },
  reply(to: Recipient, id: string, text: string): ScreenedItem {
    const at = new Date().toISOString();
    return {
      kind: 'inbound',
      recipient: to,
      receivedAt: at,
      inbound: { id, tenantId: TENANT, occurredAt: at, from: to.e164, to: '+15550000000', text },
    };
  },
};

export function screenedKey(value: unknown): string {
  const item = value as ScreenedItem;
  if (item.kind === 'message') return `${item.message.tenantId}:${item.message.recipient.e164}`;
  if (item.kind === 'consent') return `${item.event.tenantId}:${item.e164}`;
  if (item.kind === 'inbound') return `${item.inbound.tenantId}:${item.recipient.e164}`;
  return `${item.tenantId}:${item.e164}`;
}
