import { z } from 'zod';

import {
  CampaignRequest,
  ConsentEventFields,
  ContactUpsert,
  DeliveryReceipt,
  ErasureRequest,
  InboundSms,
  SendRequest,
  requireOptInProof,
} from './inputs';
import { CountryCode, RawPhone } from './primitives';

/** The most items one HTTP call may carry. */
export const MAX_BATCH = 1000;

/** HTTP bodies are the topic values without `tenantId`: the key's tenant is used. */
export const HTTP_BODIES = {
  messages: SendRequest.omit({ tenantId: true }),
  contacts: ContactUpsert.omit({ tenantId: true }),
  consents: ConsentEventFields.omit({ tenantId: true }).superRefine(requireOptInProof),
  campaigns: CampaignRequest.omit({ tenantId: true }),
  inbound: InboundSms.omit({ tenantId: true }),
  receipts: DeliveryReceipt.omit({ tenantId: true }),
} as const;
export type HttpResource = keyof typeof HTTP_BODIES;

/** `POST /v1/erasures`: only the number; the id and time are assigned on receipt. */
export const ErasureBody = z.strictObject({ phone: RawPhone, defaultCountry: CountryCode.optional() });
export type ErasureBody = z.infer<typeof ErasureBody>;
export { ErasureRequest };

/** The cleaning report of `POST /v1/contacts/import` (CONTRACT §4). */
export interface ImportReport {
  total: number;
  imported: number;
  updated: number;
  duplicates: number;
  invalid: number;
  notSmsCapable: number;
  suppressed: number;
  rejected: Array<{ row: number; input: string; reason: string }>;
}

/** Error body of every HTTP error. */
export interface ErrorBody {
  error: string;
  message: string;
  details?: Array<{ path: string; message: string }>;
}
