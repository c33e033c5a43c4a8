import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { daytime, recipient, workMessage } from './builders';
import { PipelineHarness } from './harness';

jest.setTimeout(120000);

const HOUR = 3_600_000;

/** The demo tenant of config/optline.yaml with an operator's blackout over Louisiana around now. */
function configWithBlackout(): string {
  const from = new Date(Date.now() - HOUR).toISOString();
  const to = new Date(Date.now() + 48 * HOUR).toISOString();
  const base = readFileSync(join(__dirname, '../../../config/optline.yaml'), 'utf8');
  const blackout = `    blackouts:\n      - { from: '${from}', to: '${to}', reason: 'LPSC emergency notice (test)', jurisdictions: [US-LA] }\n`;
  const text = base.replace('\n  - id: acme-eu', `\n${blackout}  - id: acme-eu`);
  const path = join(mkdtempSync(join(tmpdir(), 'optline-')), 'optline.yaml');
  if (text === base) throw new Error('no acme-eu tenant after demo in config/optline.yaml');
  writeFileSync(path, text);
  return path;
}

describe('scheduling applies and names the rules in force at the decision', () => {
  let pipeline: PipelineHarness;

  beforeAll(async () => {
    pipeline = await PipelineHarness.start('rules-in-force');
    await pipeline.run('scheduling', 'scheduling-0', { OPTLINE_CONFIG: configWithBlackout() });
  });

  afterAll(async () => {
    await pipeline.stop();
  });

  it("a Connecticut number's release names US-CT version 2 (PA 23-98, in force 2023-10-01) in its audit detail", async () => {
    const message = workMessage(
      recipient('+12035550101', daytime().zone, { region: 'US', subdivisions: ['CT'] }),
    );
    await pipeline.clear(message);
    await pipeline.waitFor(() => pipeline.releasedIds().includes(message.messageId), 'the release');
    const [released] = pipeline.audits(
      (a) => a.action === 'message.released' && a.subject.messageId === message.messageId,
    );
    expect(released?.detail.rules).toEqual([
      { id: 'US', version: '1' },
      { id: 'US-CT', version: '2' },
      { id: 'RECIPIENT-ZONES', version: expect.any(String) },
    ]);
  });

  it("the tenant's Louisiana blackout holds a Louisiana number in daytime and lets a Texas one go (LPSC R-29617)", async () => {
    const louisiana = workMessage(
      recipient('+15045550101', daytime().zone, { region: 'US', subdivisions: ['LA'] }),
    );
    const texas = workMessage(
      recipient('+12145550101', daytime().zone, { region: 'US', subdivisions: ['TX'] }),
    );
    await pipeline.clear(louisiana, texas);
    await pipeline.waitFor(
      () => pipeline.decided(louisiana.messageId) && pipeline.decided(texas.messageId),
      'both decisions',
    );
    expect(pipeline.outcomes(louisiana.messageId)).toMatchObject([
      { status: 'deferred', reason: 'QUIET_HOURS' },
    ]);
    expect(pipeline.releasedIds()).toContain(texas.messageId);
    const [deferred] = pipeline.audits(
      (a) => a.action === 'message.deferred' && a.subject.messageId === louisiana.messageId,
    );
    expect(deferred?.detail.rules).toContainEqual({ id: 'US-LA', version: expect.any(String) });
  });
});
