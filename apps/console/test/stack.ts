/**
 * What the browser tests stand on: a real audit service (its built output, its own database and topics on the
 * real broker) and Debian's Chromium driven by playwright-core. Nothing here downloads a browser.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { TOPICS } from '@optline/domain';
import {
  TestProducer,
  createTestDatabase,
  createTestTopics,
  startService,
  type ServiceProcess,
  type TestDatabase,
} from '@optline/platform/testing';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const KEYS = { demo: 'demo-auditor-key', demoProducer: 'demo-producer-key' };
export const SCREENSHOTS = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Keyed as the services key them: by message, so one message's records keep their order on one partition. */
const tenantKey = (value: unknown) => {
  const { tenantId, id, messageId, subject } = value as {
    tenantId: string;
    id?: string;
    messageId?: string;
    subject?: { messageId?: string; campaignId?: string };
  };
  return `${tenantId}:${messageId ?? subject?.messageId ?? subject?.campaignId ?? id}`;
};

/** The audit service with the repo's tenants (config/optline.yaml: demo, acme-eu). */
export class AuditStack {
  db!: TestDatabase;
  producer!: TestProducer;
  service!: ServiceProcess;

  async start(label: string): Promise<void> {
    this.db = await createTestDatabase(label);
    const names = await createTestTopics(label);
    this.producer = await TestProducer.connect(names);
    this.service = startService('audit', { databaseUrl: this.db.url, names });
    await this.service.ready();
  }

  async stop(): Promise<void> {
    await this.service?.stop();
    await this.producer?.disconnect();
    await this.db?.drop();
  }

  get base(): string {
    return `http://127.0.0.1:${this.service.port}`;
  }

  async produce(events: unknown[], outcomes: unknown[]): Promise<void> {
    await this.producer.send(TOPICS.audit.name, events, tenantKey);
    await this.producer.send(TOPICS.outcomes.name, outcomes, tenantKey);
  }

  /** A GET on the auditor API as the test's own client (not the page's). */
  async get(path: string, accept = 'application/json'): Promise<{ status: number; text: string }> {
    const response = await fetch(`${this.base}${path}`, {
      headers: { Authorization: `Bearer ${KEYS.demo}`, Accept: accept },
    });
    return { status: response.status, text: await response.text() };
  }

  async json<T>(path: string): Promise<T> {
    const answer = await this.get(path);
    if (answer.status !== 200) throw new Error(`GET ${path}: ${answer.status} ${answer.text}`);
    return JSON.parse(answer.text) as T;
  }

  /** Polls the API until `done` holds: the trail is written from Kafka, a moment after producing. */
  async until<T>(path: string, done: (body: T) => boolean, what: string, timeoutMs = 60_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const answer = await this.get(path);
      const body = answer.status === 200 ? (JSON.parse(answer.text) as T) : undefined;
      if (body !== undefined && done(body)) return body;
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${what}: ${answer.status} ${answer.text.slice(0, 500)}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Every request the page sent, method and URL. */
  requests: Array<{ method: string; url: string }>;
  /** Errors the page logged or threw, other than the API's refusals the test asks for. */
  problems: string[];
  close(): Promise<void>;
}

/** Headless Debian Chromium with a fresh profile, in the auditor's zone and language. */
export async function openBrowser(options: { timezoneId: string; locale: string }): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'optline-console-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 900 },
    timezoneId: options.timezoneId,
    locale: options.locale,
    acceptDownloads: true,
  });
  const requests: Browser['requests'] = [];
  const problems: string[] = [];
  context.on('request', (request) => requests.push({ method: request.method(), url: request.url() }));
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // Chromium logs every 4xx answer; the wrong-key sign-in asks for one on purpose.
    if (message.type() === 'error' && !/status of 401/.test(message.text())) problems.push(message.text());
  });
  return {
    context,
    page,
    requests,
    problems,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** axe-core's serious and critical findings on the page as it stands. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // evaluate runs through the DevTools protocol, which the page's Content-Security-Policy does not restrict.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (context: Document) => Promise<{ violations: unknown[] }> } }
    ).axe;
    return (await axe.run(document)).violations;
  });
  return (violations as AxeViolation[]).filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** The numbers a horizontal bar chart draws at the end of each bar, by the category label beside it. */
export async function barLabels(page: Page, chart: string): Promise<Record<string, number>> {
  return page.evaluate((name) => {
    const texts = [...document.querySelectorAll(`[data-chart="${name}"] svg text`)].map((element) => {
      const box = element.getBoundingClientRect();
      return { text: element.textContent ?? '', x: box.left, y: box.top + box.height / 2 };
    });
    const numbers = texts.filter((t) => /^\d+$/.test(t.text.trim()));
    const result: Record<string, number> = {};
    for (const category of texts.filter((t) => !/^\d+$/.test(t.text.trim()))) {
      const onRow = numbers.filter((n) => Math.abs(n.y - category.y) < 3 && n.x > category.x);
      if (onRow.length === 1) result[category.text.trim()] = Number(onRow[0]!.text);
    }
    return result;
  }, chart);
}
