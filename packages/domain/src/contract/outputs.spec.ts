import type { z } from 'zod';

import { AuditEvent, DeadLetter, MessageOutcome, TERMINAL_STATUSES } from './outputs';

const at = '2026-11-28T10:00:00Z';

describe('output schemas', () => {
  it.each<[string, z.ZodType, unknown, string | null]>([
    [
      'MessageOutcome',
      MessageOutcome,
      {
        messageId: 'm-1',
        tenantId: 'demo',
        status: 'blocked',
        reason: 'QUIET_HOURS',
        to: '+12125550123',
        at,
      },
      null,
    ],
    [
      'MessageOutcome with an unknown reason',
      MessageOutcome,
      { messageId: 'm-1', tenantId: 'demo', status: 'blocked', reason: 'NOPE', at },
      'reason',
    ],
    [
      'MessageOutcome with a raw number',
      MessageOutcome,
      { messageId: 'm-1', tenantId: 'demo', status: 'sent', to: '212 555 0123', at },
      'to',
    ],
    [
      'AuditEvent',
      AuditEvent,
      {
        id: 'a-1',
        tenantId: 'demo',
        at,
        service: 'consent',
        action: 'consent.opt_out',
        subject: {},
        detail: {},
      },
      null,
    ],
    [
      'AuditEvent with an undotted action',
      AuditEvent,
      { id: 'a-1', tenantId: 'demo', at, service: 'consent', action: 'optout', subject: {}, detail: {} },
      'action',
    ],
    [
      'AuditEvent from an unknown service',
      AuditEvent,
      { id: 'a-1', tenantId: 'demo', at, service: 'billing', action: 'a.b', subject: {}, detail: {} },
      'service',
    ],
    [
      'DeadLetter',
      DeadLetter,
      { topic: 't', partition: 0, offset: '1', key: null, value: '{', reason: 'MALFORMED', errors: [], at },
      null,
    ],
    [
      'DeadLetter with a blocking reason',
      DeadLetter,
      { topic: 't', partition: 0, offset: '1', key: null, value: '{', reason: 'OPTED_OUT', errors: [], at },
      'reason',
    ],
  ])('%s', (_, schema, value, failingPath) => {
    const result = schema.safeParse(value);
    expect(result.success ? null : result.error.issues[0]?.path.join('.')).toBe(failingPath);
  });

  it('lists the terminal statuses of CONTRACT §1', () => {
    expect(TERMINAL_STATUSES).toEqual(['sent', 'blocked', 'expired', 'cancelled']);
  });
});
