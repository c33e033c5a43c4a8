import { AuditEvent, MessageOutcome, maskPhone } from '@optline/domain';

import { auditEntry, indexColumns, outcomeEntry, phoneForms, scrubId, scrubValue } from './scrub';

const phones = phoneForms('test-key', 'demo');
const number = '+12125550123';

describe('audit scrubbing', () => {
  it('stores a subject phone as fingerprint and masked form, and masks numbers inside the detail', () => {
    const event = AuditEvent.parse({
      id: `validation:${number}:number.suppressed`,
      tenantId: 'demo',
      at: '2026-11-28T10:00:00Z',
      service: 'validation',
      action: 'number.suppressed',
      subject: { phone: number },
      reason: 'SUPPRESSED_UNDELIVERABLE',
      detail: { note: `receipt for ${number} said undeliverable`, list: [number] },
    });
    const entry = auditEntry(event, phones);
    const text = JSON.stringify(entry);
    expect(text).not.toContain(number);
    expect(entry.body.subject).toEqual({
      phoneFingerprint: phones.fingerprint(number),
      phoneMasked: maskPhone(number),
    });
    expect(entry.recordId).toBe(`validation:#${phones.fingerprint(number).slice(0, 16)}:number.suppressed`);
    expect(entry.body.detail).toEqual({
      note: `receipt for ${maskPhone(number)} said undeliverable`,
      list: [maskPhone(number)],
    });
    expect(indexColumns('event', entry.body)).toMatchObject({
      action: 'number.suppressed',
      phoneFingerprint: phones.fingerprint(number),
      messageId: null,
    });
  });

  it('stores an outcome without its clear number, with an id from its content', () => {
    const outcome = MessageOutcome.parse({
      messageId: 'm1',
      tenantId: 'demo',
      campaignId: 'c1',
      status: 'sent',
      to: number,
      at: '2026-11-28T10:00:00Z',
      providerMessageId: 'SM1',
    });
    const entry = outcomeEntry(outcome, phones);
    expect(JSON.stringify(entry)).not.toContain(number);
    expect(entry.body).toMatchObject({
      toMasked: maskPhone(number),
      toFingerprint: phones.fingerprint(number),
    });
    expect(entry.recordId).toBe(outcomeEntry(outcome, phones).recordId);
    expect(entry.recordId).not.toBe(
      outcomeEntry({ ...outcome, at: '2026-11-28T10:00:01Z' }, phones).recordId,
    );
    expect(indexColumns('outcome', entry.body)).toMatchObject({
      action: 'outcome.sent',
      campaignId: 'c1',
      messageId: 'm1',
    });
  });

  it('keeps what PostgreSQL jsonb refuses out of the trail', () => {
    expect(scrubValue({ a: 'x\u0000y', b: 'lone \ud800 surrogate', c: '😀' })).toEqual({
      a: 'xy',
      b: 'lone \ufffd surrogate',
      c: '😀',
    });
    expect(scrubId('m-1', phones)).toBe('m-1');
  });
});
