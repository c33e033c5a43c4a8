/**
 * The audit service's auditor API (CONTRACT §4), as the console calls it: GET only, the auditor key in the
 * Authorization header and nowhere else.
 */

export interface Subject {
  messageId?: string;
  campaignId?: string;
  phoneMasked?: string;
  phoneFingerprint?: string;
}

export interface AuditEvent {
  id: string;
  tenantId: string;
  at: string;
  service: string;
  action: string;
  subject: Subject;
  reason?: string;
  detail: Record<string, unknown>;
}

export interface MessageOutcome {
  messageId: string;
  status: string;
  reason?: string;
  at: string;
  toMasked?: string;
  campaignId?: string;
  scheduledFor?: string;
  providerMessageId?: string;
  detail?: Record<string, unknown>;
}

export interface MessageTimeline {
  messageId: string;
  events: AuditEvent[];
  outcomes: MessageOutcome[];
}

export interface NumberHistory {
  phone: string;
  phoneFingerprint: string;
  consent: AuditEvent[];
  messages: MessageTimeline[];
  hygiene: AuditEvent[];
  feedback: AuditEvent[];
}

export type Purpose = 'marketing' | 'transactional';

export interface ConsentAt {
  phone: string;
  purpose: Purpose;
  at: string;
  status: 'opted_in' | 'opted_out' | 'none' | 'expired';
  since: string | null;
  event: {
    id: string;
    occurredAt: string;
    action: string;
    method: string;
    proof: Record<string, unknown>;
    expiresAt?: string;
    auditEventId: string;
    recordedBy: string;
  } | null;
}

export interface EventFilter {
  from?: string;
  to?: string;
  action?: string;
  reason?: string;
  campaignId?: string;
}

export interface EventsPage {
  events: AuditEvent[];
  nextCursor?: string;
}

export interface CampaignReport {
  campaignId: string;
  requested: number;
  sent: number;
  delivered: number;
  failed: number;
  blocked: Record<string, number>;
  deferred: number;
  expired: number;
  cancelled: number;
  optOuts: number;
  complaints: number;
  optOutRate: number;
  complaintRate: number;
}

export interface IntegrityResult {
  ok: boolean;
  checked: number;
  firstBrokenId?: string;
  firstBrokenSeq?: number;
  problem?: string;
}

/** An answer other than 2xx, with the API's `{error, message, details?}` body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    message: string,
    readonly details: Array<{ path: string; message: string }> = [],
  ) {
    super(message);
  }
}

/** The query string of an events request: empty filters are left out. */
export function eventsQuery(filter: EventFilter, page: { limit?: number; cursor?: string } = {}): string {
  const params = new URLSearchParams();
  for (const name of ['from', 'to', 'action', 'reason', 'campaignId'] as const) {
    const value = filter[name]?.trim();
    if (value) params.set(name, value);
  }
  if (page.limit !== undefined) params.set('limit', String(page.limit));
  if (page.cursor) params.set('cursor', page.cursor);
  const text = params.toString();
  return text ? `?${text}` : '';
}

type Fetch = (input: string, init: RequestInit) => Promise<Response>;

export class AuditApi {
  constructor(
    private readonly key: string,
    private readonly fetcher: Fetch = (input, init) => fetch(input, init),
    private readonly base = '/v1/audit',
  ) {}

  message(messageId: string): Promise<MessageTimeline> {
    return this.json(`/messages/${encodeURIComponent(messageId)}`);
  }

  number(phone: string): Promise<NumberHistory> {
    return this.json(`/numbers/${encodeURIComponent(phone)}`);
  }

  consent(phone: string, purpose: Purpose, at?: string): Promise<ConsentAt> {
    const params = new URLSearchParams({ purpose, ...(at ? { at } : {}) });
    return this.json(`/consent/${encodeURIComponent(phone)}?${params}`);
  }

  events(filter: EventFilter, page: { limit?: number; cursor?: string } = {}): Promise<EventsPage> {
    return this.json(`/events${eventsQuery(filter, page)}`);
  }

  /** Every event of the filter, read page after page (for charts over a campaign's events). */
  async allEvents(filter: EventFilter, maxPages = 20): Promise<AuditEvent[]> {
    const events: AuditEvent[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < maxPages; page++) {
      const answer = await this.events(filter, { limit: 1000, ...(cursor ? { cursor } : {}) });
      events.push(...answer.events);
      cursor = answer.nextCursor;
      if (!cursor) break;
    }
    return events;
  }

  /** The CSV export of exactly this filter, as the API streams it. */
  async eventsCsv(filter: EventFilter): Promise<Blob> {
    const response = await this.get(`/events${eventsQuery(filter)}`, 'text/csv');
    return response.blob();
  }

  campaign(campaignId: string): Promise<CampaignReport> {
    return this.json(`/reports/campaigns/${encodeURIComponent(campaignId)}`);
  }

  integrity(range: { from?: string; to?: string }): Promise<IntegrityResult> {
    return this.json(`/integrity${eventsQuery(range)}`);
  }

  private async json<T>(path: string): Promise<T> {
    const response = await this.get(path, 'application/json');
    return (await response.json()) as T;
  }

  private async get(path: string, accept: string): Promise<Response> {
    const response = await this.fetcher(`${this.base}${path}`, {
      method: 'GET',
      headers: { Authorization: `Bearer ${this.key}`, Accept: accept },
      credentials: 'omit',
      cache: 'no-store',
    });
    if (!response.ok) throw await apiError(response);
    return response;
  }
}

async function apiError(response: Response): Promise<ApiError> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as { error?: unknown; message?: unknown; details?: unknown };
    return new ApiError(
      response.status,
      typeof body.error === 'string' ? body.error : 'error',
      typeof body.message === 'string' ? body.message : text,
      Array.isArray(body.details) ? (body.details as ApiError['details']) : [],
    );
  } catch {
    return new ApiError(response.status, 'error', text || response.statusText);
  }
}
