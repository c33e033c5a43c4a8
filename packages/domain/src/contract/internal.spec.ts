import type { z } from 'zod';

import { AcceptedInput, DueTick, RecipientEvent, ScreenedItem, WorkMessage } from './internal';

const at = '2026-11-28T10:00:00Z';
const recipient = {
  e164: '+12125550123',
  region: 'US',
  numberType: 'MOBILE',
  zones: ['America/New_York'],
  subdivisions: ['NY'],
};
const work = {
  kind: 'request',
  messageId: 'm-1',
  tenantId: 'demo',
  purpose: 'marketing',
  recipient,
  body: 'Hi',
  segments: 1,
  senderId: 'Acme',
  timing: 'immediate',
  requestedAt: at,
  acceptedAt: at,
};

describe('internal schemas', () => {
  it.each<[string, z.ZodType, unknown, string | null]>([
    ['WorkMessage', WorkMessage, work, null],
    ['WorkMessage with a bad kind', WorkMessage, { ...work, kind: 'spam' }, 'kind'],
    [
      'WorkMessage with a raw number',
      WorkMessage,
      { ...work, recipient: { ...recipient, e164: '2125550123' } },
      'recipient.e164',
    ],
    ['ScreenedItem message', ScreenedItem, { kind: 'message', message: work }, null],
    [
      'ScreenedItem erasure without e164',
      ScreenedItem,
      { kind: 'erasure', tenantId: 'demo', requestId: 'e-1', at },
      'e164',
    ],
    [
      'RecipientEvent replied',
      RecipientEvent,
      { kind: 'replied', tenantId: 'demo', e164: '+12125550123', classification: 'STOP', at },
      null,
    ],
    [
      'RecipientEvent with a bad classification',
      RecipientEvent,
      { kind: 'replied', tenantId: 'demo', e164: '+12125550123', classification: 'MAYBE', at },
      'classification',
    ],
    [
      'AcceptedInput',
      AcceptedInput,
      {
        kind: 'inbound',
        receivedAt: at,
        value: { id: 'i', tenantId: 'demo', occurredAt: at, from: '+1', to: '1', text: 'x' },
      },
      null,
    ],
    ['AcceptedInput with an unknown kind', AcceptedInput, { kind: 'fax', receivedAt: at, value: {} }, 'kind'],
    ['DueTick', DueTick, { tenantId: 'demo', e164: '+12125550123', messageId: 'm-1' }, null],
    ['DueTick without a message id', DueTick, { tenantId: 'demo', e164: '+12125550123' }, 'messageId'],
  ])('%s', (_, schema, value, failingPath) => {
    const result = schema.safeParse(value);
    expect(result.success ? null : result.error.issues[0]?.path.join('.')).toBe(failingPath);
  });
});
