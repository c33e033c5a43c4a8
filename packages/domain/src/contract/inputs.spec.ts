import type { z } from 'zod';

import { toFieldErrors } from './field-errors';
import {
  CampaignRequest,
  CampaignResume,
  ConsentEvent,
  ContactUpsert,
  DeliveryReceipt,
  ErasureRequest,
  InboundSms,
  SendRequest,
} from './inputs';

const base = { id: 'in-1', tenantId: 'demo', occurredAt: '2026-11-28T10:00:00Z' };

/** The dotted paths of a failed parse. */
function failedPaths(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  return result.success ? [] : toFieldErrors(result.error).map((error) => error.path);
}

const GOOD = {
  contact: {
    ...base,
    externalId: 'c-1',
    phone: '(212) 555-0123',
    tags: ['vip'],
    attributes: { interests: ['tea'], ltv: 12.5 },
    timeZone: 'America/New_York',
    locale: 'en-US',
  },
  consent: {
    ...base,
    phone: '+12125550123',
    purpose: 'marketing',
    action: 'opt_in',
    method: 'web_form',
    proof: { capturedAt: '2026-11-28T09:59:00Z', formUrl: 'https://acme.example/join' },
  },
  message: {
    ...base,
    to: '+12125550123',
    purpose: 'marketing',
    body: 'Hi {{name}}',
    variables: { name: 'Ana' },
    timing: 'optimal',
  },
  campaign: {
    ...base,
    campaignId: 'spring',
    purpose: 'marketing',
    body: 'Sale',
    segment: { tagsAny: ['vip'], where: [{ attribute: 'ltv', op: 'gt', value: 10 }] },
  },
  inbound: { ...base, from: '+12125550123', to: '12345', text: 'STOP' },
  receipt: { ...base, providerMessageId: 'p-1', status: 'delivered' },
  erasure: { ...base, phone: '+12125550123' },
  resume: { ...base, campaignId: 'spring' },
};

describe('input schemas', () => {
  it.each<[string, z.ZodType, unknown]>([
    ['ContactUpsert', ContactUpsert, GOOD.contact],
    ['ConsentEvent', ConsentEvent, GOOD.consent],
    [
      'ConsentEvent opt_out without proof fields',
      ConsentEvent,
      { ...GOOD.consent, action: 'opt_out', proof: {} },
    ],
    ['SendRequest', SendRequest, GOOD.message],
    ['CampaignRequest', CampaignRequest, GOOD.campaign],
    ['InboundSms', InboundSms, GOOD.inbound],
    ['DeliveryReceipt', DeliveryReceipt, GOOD.receipt],
    ['ErasureRequest', ErasureRequest, GOOD.erasure],
    ['CampaignResume', CampaignResume, GOOD.resume],
  ])('%s accepts a good value', (_, schema, value) => {
    expect(failedPaths(schema, value)).toEqual([]);
  });

  it.each<[string, z.ZodType, unknown, string[]]>([
    ['ContactUpsert without phone', ContactUpsert, { ...GOOD.contact, phone: undefined }, ['phone']],
    [
      'ContactUpsert with a bad attribute name',
      ContactUpsert,
      { ...GOOD.contact, attributes: { 'bad name': 1 } },
      ['attributes.bad name'],
    ],
    [
      'ContactUpsert with a bad zone',
      ContactUpsert,
      { ...GOOD.contact, timeZone: 'Mars/Base' },
      ['timeZone'],
    ],
    ['ContactUpsert with an unknown field', ContactUpsert, { ...GOOD.contact, extra: 1 }, ['extra']],
    [
      'ConsentEvent opt_in without capturedAt',
      ConsentEvent,
      { ...GOOD.consent, proof: { formUrl: 'https://acme.example' } },
      ['proof.capturedAt'],
    ],
    [
      'ConsentEvent opt_in without any artefact',
      ConsentEvent,
      { ...GOOD.consent, proof: { capturedAt: '2026-11-28T09:59:00Z' } },
      ['proof'],
    ],
    ['ConsentEvent with a bad method', ConsentEvent, { ...GOOD.consent, method: 'guess' }, ['method']],
    ['SendRequest with an empty body', SendRequest, { ...GOOD.message, body: '' }, ['body']],
    ['SendRequest with a body over 1600', SendRequest, { ...GOOD.message, body: 'a'.repeat(1601) }, ['body']],
    ['SendRequest with a bad timing', SendRequest, { ...GOOD.message, timing: 'later' }, ['timing']],
    ['SendRequest with a bad tenant', SendRequest, { ...GOOD.message, tenantId: 'Demo!' }, ['tenantId']],
    [
      'CampaignRequest for transactional',
      CampaignRequest,
      { ...GOOD.campaign, purpose: 'transactional' },
      ['purpose'],
    ],
    [
      'CampaignRequest with a bad operator',
      CampaignRequest,
      { ...GOOD.campaign, segment: { where: [{ attribute: 'ltv', op: 'like' }] } },
      ['segment.where.0.op'],
    ],
    ['InboundSms without text', InboundSms, { ...GOOD.inbound, text: undefined }, ['text']],
    ['DeliveryReceipt with a bad status', DeliveryReceipt, { ...GOOD.receipt, status: 'lost' }, ['status']],
    [
      'ErasureRequest without occurredAt',
      ErasureRequest,
      { ...GOOD.erasure, occurredAt: undefined },
      ['occurredAt'],
    ],
    ['CampaignResume with an empty id', CampaignResume, { ...GOOD.resume, campaignId: '' }, ['campaignId']],
  ])('%s fails at %j', (_, schema, value, paths) => {
    expect(failedPaths(schema, value)).toEqual(paths);
  });
});
