import { describe, expect, it } from 'vitest';

import { ApiError, AuditApi, eventsQuery } from './api';

function recorder(answer: () => Response) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fetcher = async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return answer();
  };
  return { calls, fetcher };
}

describe('eventsQuery', () => {
  it('keeps only the filters that are set, trimmed, and adds the page', () => {
    expect(
      eventsQuery({ action: ' message.blocked ', reason: '', campaignId: 'spring' }, { limit: 50 }),
    ).toBe('?action=message.blocked&campaignId=spring&limit=50');
    expect(eventsQuery({ from: '2026-11-28T10:00:00+01:00' })).toBe(
      '?from=2026-11-28T10%3A00%3A00%2B01%3A00',
    );
    expect(eventsQuery({})).toBe('');
  });
});

describe('AuditApi', () => {
  it('sends GET with the key as a bearer token and never in the URL', async () => {
    const { calls, fetcher } = recorder(() => Response.json({ messageId: 'm/1', events: [], outcomes: [] }));
    await new AuditApi('secret-key', fetcher).message('m/1');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe('/v1/audit/messages/m%2F1');
    expect(calls[0]!.url).not.toContain('secret-key');
    expect(calls[0]!.init.method).toBe('GET');
    expect(calls[0]!.init.headers).toMatchObject({
      Authorization: 'Bearer secret-key',
      Accept: 'application/json',
    });
  });

  it('asks for CSV with the same filter as the page it exports', async () => {
    const { calls, fetcher } = recorder(
      () => new Response('seq,id\n1,a\n', { headers: { 'content-type': 'text/csv' } }),
    );
    const blob = await new AuditApi('k', fetcher).eventsCsv({ reason: 'QUIET_HOURS', campaignId: 'c' });
    expect(await blob.text()).toBe('seq,id\n1,a\n');
    expect(calls[0]!.url).toBe('/v1/audit/events?reason=QUIET_HOURS&campaignId=c');
    expect(calls[0]!.init.headers).toMatchObject({ Accept: 'text/csv' });
  });

  it("turns the API's error body into an ApiError with its status and message", async () => {
    const { fetcher } = recorder(() =>
      Response.json({ error: 'unauthorized', message: 'unknown API key for this service' }, { status: 401 }),
    );
    const failure = await new AuditApi('wrong', fetcher)
      .events({}, { limit: 1 })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({
      status: 401,
      error: 'unauthorized',
      message: 'unknown API key for this service',
    });
  });

  it('keeps the field errors of a 400, and copes with a body that is not JSON', async () => {
    const bad = recorder(() =>
      Response.json(
        {
          error: 'validation_failed',
          message: 'bad query parameters',
          details: [{ path: 'at', message: 'invalid' }],
        },
        { status: 400 },
      ),
    );
    await expect(new AuditApi('k', bad.fetcher).consent('+1', 'marketing', 'x')).rejects.toMatchObject({
      status: 400,
      details: [{ path: 'at', message: 'invalid' }],
    });
    const proxy = recorder(() => new Response('Bad Gateway', { status: 502 }));
    await expect(new AuditApi('k', proxy.fetcher).campaign('c')).rejects.toMatchObject({
      status: 502,
      message: 'Bad Gateway',
    });
  });

  it('reads every page of a filter by following nextCursor', async () => {
    let page = 0;
    const { calls, fetcher } = recorder(() =>
      Response.json(
        ++page < 3 ? { events: [{ id: `e${page}` }], nextCursor: `c${page}` } : { events: [{ id: 'e3' }] },
      ),
    );
    const events = await new AuditApi('k', fetcher).allEvents({ campaignId: 'c' });
    expect(events.map((e) => e.id)).toEqual(['e1', 'e2', 'e3']);
    expect(calls.map((c) => c.url)).toEqual([
      '/v1/audit/events?campaignId=c&limit=1000',
      '/v1/audit/events?campaignId=c&limit=1000&cursor=c1',
      '/v1/audit/events?campaignId=c&limit=1000&cursor=c2',
    ]);
  });
});
