/**
 * The auditor console in headless Chromium, against a real audit service fed through Kafka. Each test leaves a
 * screenshot in test/screenshots/ (git-ignored) and runs axe-core on what it looked at.
 */
import { readFile } from 'node:fs/promises';

import { RULES_VERSION, maskPhone } from '@optline/domain';
import { Client } from 'pg';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { CampaignReport, EventsPage, MessageTimeline, NumberHistory } from '../src/api';
import { csvRecords } from '../src/csv';
import { BLOCKED_MESSAGE, CAMPAIGN, DEFERRED_MESSAGE, ERASED_NUMBER, NUMBER, PROOF, seed } from './seed';
import {
  AuditStack,
  KEYS,
  barLabels,
  openBrowser,
  screenshot,
  seriousViolations,
  type Browser,
} from './stack';

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

describe('auditor console in Chromium, on the real audit service', () => {
  const stack = new AuditStack();
  let browser: Browser;
  let page: Page;
  let report: CampaignReport;

  beforeAll(async () => {
    await stack.start('console');
    const { events, outcomes } = seed();
    await stack.produce(events, outcomes);
    await stack.until<MessageTimeline>(
      `/v1/audit/messages/${BLOCKED_MESSAGE}`,
      (b) => b.events.length === 3 && b.outcomes.length === 1,
      'the blocked message',
    );
    report = await stack.until<CampaignReport>(
      `/v1/audit/reports/campaigns/${CAMPAIGN}`,
      (b) =>
        b.requested === 12 &&
        b.sent === 8 &&
        b.delivered + b.failed === 8 &&
        b.deferred === 4 &&
        b.cancelled === 1 &&
        sum(b.blocked) === 3 &&
        b.optOuts === 1 &&
        b.complaints === 1,
      'the campaign',
    );
    await stack.until<NumberHistory>(
      `/v1/audit/numbers/${encodeURIComponent(NUMBER)}`,
      (b) =>
        b.consent.filter((e) => e.action.startsWith('consent.opt_')).length === 2 && b.feedback.length === 1,
      "the number's consent",
    );
    await stack.until<NumberHistory>(
      `/v1/audit/numbers/${encodeURIComponent(ERASED_NUMBER)}`,
      (b) => b.hygiene.length === 1,
      'the erased number',
    );
    browser = await openBrowser({ timezoneId: 'America/New_York', locale: 'en-US' });
    page = browser.page;
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await stack.stop();
  });

  const open = async (view: string) => {
    await page.getByRole('navigation').getByRole('link', { name: view, exact: true }).click();
    await page.getByRole('heading', { level: 2 }).first().waitFor();
  };

  const expectAccessible = async () => expect(await seriousViolations(page)).toEqual([]);

  it("is served at /console under a strict CSP; a wrong key shows the API's 401, the right one stays out of URLs", async () => {
    await page.goto(`${stack.base}/console`);
    await page.getByLabel('Auditor API key').fill('not-an-auditor-key');
    const refused = page.waitForResponse((r) => r.url().includes('/v1/audit/events') && r.status() === 401);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await refused;
    const error = page.getByTestId('sign-in-error');
    await error.waitFor();
    expect(await error.textContent()).toBe(
      'The audit API refused this key (401): unknown API key for this service',
    );
    expect(await page.getByRole('navigation').count()).toBe(0);
    await expectAccessible();
    await screenshot(page, 'sign-in-refused');

    // A producer key is a real key of the tenant, but not an auditor's.
    await page.getByLabel('Auditor API key').fill(KEYS.demoProducer);
    const refusedAgain = page.waitForResponse(
      (r) => r.url().includes('/v1/audit/events') && r.status() === 401,
    );
    await page.getByRole('button', { name: 'Sign in' }).click();
    await refusedAgain;
    await page.getByRole('button', { name: 'Sign in', disabled: false }).waitFor();
    expect(await page.getByRole('navigation').count()).toBe(0);

    await page.getByLabel('Auditor API key').fill(KEYS.demo);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation').waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('optline.console.auditorKey'))).toBe(KEYS.demo);
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).not.toContain(KEYS.demo);
    expect(
      browser.requests.filter((r) => r.url.includes(KEYS.demo) || r.url.includes('not-an-auditor')),
    ).toEqual([]);
    expect(await page.getByTestId('zone').textContent()).toMatch(/America\/New_York \(UTC-0[45]:00\)/);

    // The files themselves: a strict Content-Security-Policy, and nothing outside the built folder.
    const index = await fetch(`${stack.base}/console/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const script = /src="(\/console\/assets\/[^"]+\.js)"/.exec(await index.text())?.[1];
    const asset = await fetch(`${stack.base}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    for (const path of [
      '/console/%2e%2e/package.json',
      '/console/..%2fpackage.json',
      '/console/assets/none.js',
    ]) {
      const answer = await fetch(`${stack.base}${path}`);
      expect(answer.status, path).toBe(404);
      expect(await answer.json()).toMatchObject({ error: 'not_found' });
    }
  });

  it('finds a blocked message and shows each decision with its reason code, service and rules version', async () => {
    await open('Message');
    await page.getByLabel('Message id').fill(BLOCKED_MESSAGE);
    await page.getByRole('button', { name: 'Search' }).click();
    const steps = page.getByTestId('timeline').locator('li');
    await steps.nth(3).waitFor();
    expect(await steps.evaluateAll((items) => items.map((li) => li.getAttribute('data-action')))).toEqual([
      'message.received',
      'consent.checked',
      'message.blocked',
      'blocked',
    ]);
    const blocked = page.locator('li[data-action="message.blocked"]');
    expect(await blocked.textContent()).toContain('OPTED_OUT');
    expect(await blocked.textContent()).toContain('consent');
    expect(await blocked.textContent()).toContain('c-stop');
    // Shown in the auditor's zone with its offset: 14:00:01 UTC is 10:00:01 in New York in July.
    expect(await blocked.locator('time').first().textContent()).toBe('2026-07-02 10:00:01 UTC-04:00');
    expect(await page.getByTestId('rules-version').allTextContents()).toEqual(Array(4).fill(RULES_VERSION));
    expect(page.url()).toContain(`#/message/${BLOCKED_MESSAGE}`);
    await expectAccessible();
    await screenshot(page, 'message-timeline');

    await page.getByLabel('Message id').fill(DEFERRED_MESSAGE);
    await page.getByRole('button', { name: 'Search' }).click();
    const deferred = page.locator('li[data-action="message.deferred"]').first();
    await deferred.waitFor();
    const text = await deferred.textContent();
    expect(text).toContain('QUIET_HOURS');
    expect(text).toContain('US, US-NY');
    expect(text).toContain('2026-11-28 08:00:00 UTC-05:00');
  });

  it("shows a number's consent at an instant just before and just after its STOP, with the proof", async () => {
    await open('Number');
    await page.getByLabel('Phone number').fill('(212) 555-0123');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByTestId('number-masked').waitFor();
    expect(await page.getByTestId('number-masked').textContent()).toBe(maskPhone(NUMBER));
    expect(await page.locator('body').textContent()).not.toContain(NUMBER);
    expect(await page.locator('section[aria-labelledby="feedback"]').textContent()).toContain(
      'reply.received',
    );
    await page.getByRole('link', { name: BLOCKED_MESSAGE }).waitFor();

    const consentAt = async (wallTime: string, status: string) => {
      await page.getByLabel(/^Instant/).fill(wallTime);
      await page.getByRole('button', { name: 'Show consent' }).click();
      const answer = page.locator(`[data-testid="consent-answer"][data-status="${status}"]`);
      await answer.waitFor();
      return (await answer.textContent()) ?? '';
    };
    // The STOP came at 09:00 UTC, 05:00 in New York: the picker is read in the auditor's zone.
    const before = await consentAt('2026-06-01T04:59', 'opted_in');
    expect(before).toContain('c-in');
    expect(before).toContain(PROOF.formUrl);
    expect(before).toContain(PROOF.ipAddress);
    expect(before).toContain('2026-01-01 04:00:00 UTC-05:00');
    const after = await consentAt('2026-06-01T05:01', 'opted_out');
    expect(after).toContain('c-stop');
    expect(after).toContain('2026-06-01 05:00:00 UTC-04:00');
    await expectAccessible();
    await screenshot(page, 'number-consent');

    await page.getByLabel('Phone number').fill(ERASED_NUMBER);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText('Erased: only the keyed fingerprint is kept.').waitFor();
    expect(await page.getByTestId('number-masked').count()).toBe(0);
    expect(await page.locator('#number-identity + dl').textContent()).toMatch(/[0-9a-f]{64}/);
  });

  it("filters events and downloads a CSV whose rows equal the API's for the same filter", async () => {
    await open('Events');
    await page.getByLabel('Campaign id').fill(CAMPAIGN);
    await page.getByLabel('Reason').selectOption('FREQUENCY_CAP');
    await page.getByLabel(/^From/).fill('2026-11-28T08:00');
    await page.getByLabel(/^To/).fill('2026-11-28T08:06');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('2 events shown').waitFor();
    const shown = await page
      .locator('tr[data-event-id]')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-event-id')));

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('audit-events.csv');
    const downloaded = csvRecords(await readFile((await download.path())!, 'utf8'));

    // The same filter written by hand, in UTC: 08:00-08:06 in New York on 28 November.
    const query = `?campaignId=${CAMPAIGN}&reason=FREQUENCY_CAP&from=2026-11-28T13:00:00Z&to=2026-11-28T13:06:00Z`;
    const api = await stack.get(`/v1/audit/events${query}`, 'text/csv');
    expect(api.status).toBe(200);
    expect(downloaded).toEqual(csvRecords(api.text));
    const page1 = await stack.json<EventsPage>(`/v1/audit/events${query}`);
    expect(downloaded.map((row) => row.id)).toEqual(page1.events.map((event) => event.id));
    expect(shown).toEqual(page1.events.map((event) => event.id));
    expect(downloaded.map((row) => row.messageId).sort()).toEqual([
      `${CAMPAIGN}:cust-10`,
      `${CAMPAIGN}:cust-9`,
    ]);
    await expectAccessible();
    await screenshot(page, 'events');
  });

  it('draws the campaign report with the counts of GET /v1/audit/reports/campaigns/{id}', async () => {
    await open('Campaign');
    await page.getByLabel('Campaign id').fill(CAMPAIGN);
    await page.getByRole('button', { name: 'Search' }).click();
    for (const chart of ['outcomes', 'blocked', 'rates', 'over-time'])
      await page.locator(`[data-chart="${chart}"][data-rendered="true"] svg text`).first().waitFor();

    expect(await barLabels(page, 'outcomes')).toEqual({
      requested: report.requested,
      sent: report.sent,
      delivered: report.delivered,
      failed: report.failed,
      blocked: sum(report.blocked),
      deferred: report.deferred,
      expired: report.expired,
      cancelled: report.cancelled,
    });
    expect(await barLabels(page, 'blocked')).toEqual(report.blocked);
    const rates = await page.locator('[data-chart="rates"] svg').textContent();
    expect(rates).toContain('2 % pause threshold');
    expect(rates).toContain(`${report.optOutRate * 100} %`);
    const overTime = await page.locator('[data-chart="over-time"] svg').textContent();
    // Deferred at 02:10 UTC (21:00 the evening before in New York), sent at 08:00 and 09:00 local.
    for (const hour of ['2026-11-27 21:00', '2026-11-28 08:00', '2026-11-28 09:00'])
      expect(overTime).toContain(hour);
    await expectAccessible();
    await screenshot(page, 'campaign-report');
  });

  it('renders the same pages in Simplified Chinese', async () => {
    await page.getByLabel('Language').selectOption('zh-CN');
    await page.getByRole('navigation').getByRole('link', { name: '营销活动' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await page.locator('[data-chart="outcomes"][data-rendered="true"] svg text').first().waitFor();
    await page.getByText('按状态统计的结果').waitFor();
    const outcomes = await barLabels(page, 'outcomes');
    expect(outcomes['已发送']).toBe(report.sent);
    expect(outcomes['已拦截']).toBe(sum(report.blocked));
    expect(await page.locator('[data-chart="rates"] svg').textContent()).toContain('2 % 暂停阈值');
    await expectAccessible();
    await screenshot(page, 'campaign-report-zh');

    await page.getByRole('navigation').getByRole('link', { name: '消息' }).click();
    await page.getByLabel('消息 ID').fill(BLOCKED_MESSAGE);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByTestId('timeline').locator('li').nth(3).waitFor();
    const timeline = await page.getByTestId('timeline').textContent();
    expect(timeline).toContain('原因');
    expect(timeline).toContain('规则版本');
    expect(timeline).toContain('OPTED_OUT');
    await expectAccessible();
    await screenshot(page, 'message-timeline-zh');
    for (const [view, heading] of [
      ['号码', '号码'],
      ['事件', '事件浏览'],
      ['完整性', '完整性检查'],
    ]) {
      await page.getByRole('navigation').getByRole('link', { name: view, exact: true }).click();
      await page.getByRole('heading', { level: 2, name: heading }).waitFor();
      await expectAccessible();
    }
    await page.getByLabel('语言').selectOption('en');
    await page.getByRole('navigation').getByRole('link', { name: 'Campaign' }).waitFor();
  });

  it('works from the keyboard alone and fits a 390 px phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${stack.base}/console/#/message`);
    await page.getByRole('navigation').waitFor();
    let focused = '';
    for (let presses = 0; presses < 20 && focused !== 'message-id'; presses++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.id ?? '');
    }
    expect(focused).toBe('message-id');
    await page.keyboard.type(BLOCKED_MESSAGE);
    await page.keyboard.press('Enter');
    await page.getByTestId('timeline').locator('li').nth(3).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible();
    await screenshot(page, 'message-timeline-phone');

    await page.goto(`${stack.base}/console/#/campaign/${encodeURIComponent(CAMPAIGN)}`);
    await page.locator('[data-chart="outcomes"][data-rendered="true"] svg text').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect((await barLabels(page, 'outcomes')).sent).toBe(report.sent);
    await screenshot(page, 'campaign-report-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('shows the chain intact, then, after a superuser rewrites a row, names the first broken id', async () => {
    await open('Integrity');
    await page.getByRole('button', { name: 'Run the check' }).click();
    await page.locator('[data-testid="integrity-result"][data-ok="true"]').waitFor();

    const target = `consent:${BLOCKED_MESSAGE}:message.blocked`;
    const admin = new Client({ connectionString: stack.db.url });
    await admin.connect();
    try {
      await admin.query('set session_replication_role = replica');
      const changed = await admin.query(
        `update audit.audit_record set reason = 'HOLIDAY', body = jsonb_set(body, '{reason}', '"HOLIDAY"')
          where tenant_id = 'demo' and record_id = $1`,
        [target],
      );
      expect(changed.rowCount).toBe(1);
    } finally {
      await admin.end();
    }

    await page.getByRole('button', { name: 'Run the check' }).click();
    const broken = page.locator('[data-testid="integrity-result"][data-ok="false"]');
    await broken.waitFor();
    expect(await broken.getAttribute('role')).toBe('alert');
    expect(await broken.textContent()).toContain(`First broken row: ${target}`);
    expect(await broken.textContent()).toContain('hash_mismatch');
    await expectAccessible();
    await screenshot(page, 'integrity-broken');
  });

  it('never writes: every request that left the page was a GET, and the page logged no error', async () => {
    await screenshot(page, 'last-page');
    const api = browser.requests.filter((r) => new URL(r.url).pathname.startsWith('/v1/audit/'));
    expect(api.length).toBeGreaterThan(15);
    expect(browser.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    expect(
      browser.requests.filter((r) => new URL(r.url).origin !== stack.base && !r.url.startsWith('blob:')),
    ).toEqual([]);
    expect(browser.problems).toEqual([]);
  });
});
