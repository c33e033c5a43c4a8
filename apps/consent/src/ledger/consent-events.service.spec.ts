import type { ScreenedItem } from '@optline/domain';
import type { ServiceConfig } from '@optline/platform';

import { ConsentEventsService } from './consent-events.service';
import { LedgerBook } from './ledger-book';
import { LedgerRepository } from './ledger.repository';
import { LedgerService } from './ledger.service';

describe('consent events into the ledger', () => {
  const config = { piiKey: 'test-key' } as ServiceConfig;
  const service = new ConsentEventsService(new LedgerService(new LedgerRepository(), config));
  /** The defence must answer before any SQL runs: a query here fails the test. */
  const untouchable = { query: () => Promise.reject(new Error('the ledger must not be touched')) };

  it('rejects an opt-in without the proof the contract requires, with the reason, and writes nothing', async () => {
    const item: Extract<ScreenedItem, { kind: 'consent' }> = {
      kind: 'consent',
      e164: '+12125550123',
      receivedAt: '2026-11-28T10:00:01Z',
      event: {
        id: 'c-1',
        tenantId: 'demo',
        occurredAt: '2026-11-28T10:00:00Z',
        phone: '+12125550123',
        purpose: 'marketing',
        action: 'opt_in',
        method: 'web_form',
        proof: { formUrl: 'https://shop.example/signup' },
      },
    };
    const records = await service.record(
      untouchable as never,
      new LedgerBook(),
      item,
      new Date('2026-11-28T10:00:02Z'),
    );
    expect(records).toHaveLength(1);
    expect(records[0]?.value).toMatchObject({
      id: 'consent:consent_event:c-1:consent.rejected',
      action: 'consent.rejected',
      reason: 'MALFORMED',
      detail: { errors: [{ path: 'proof.capturedAt', message: 'an opt_in needs proof.capturedAt' }] },
    });
  });
});
