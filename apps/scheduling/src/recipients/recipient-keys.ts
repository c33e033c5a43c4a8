import { Inject, Injectable } from '@nestjs/common';

import { phoneFingerprint } from '@optline/domain';
import { SERVICE_CONFIG, type ServiceConfig } from '@optline/platform';

import type { RecipientKey } from './recipients.repository';

/** Scheduling keys its recipient state by the keyed fingerprint of the number, never the number itself. */
@Injectable()
export class RecipientKeys {
  constructor(@Inject(SERVICE_CONFIG) private readonly config: ServiceConfig) {}

  of(tenantId: string, e164: string): RecipientKey {
    return { tenantId, recipient: phoneFingerprint(this.config.piiKey, tenantId, e164) };
  }
}

/** Distinct recipients, for set-based queries. */
export function distinctRecipients(keys: RecipientKey[]): RecipientKey[] {
  const seen = new Map<string, RecipientKey>();
  for (const key of keys) seen.set(recipientId(key), key);
  return [...seen.values()];
}

export function recipientId(key: RecipientKey): string {
  return `${key.tenantId}\u0000${key.recipient}`;
}

/** Groups rows by recipient. */
export function byRecipient<T extends RecipientKey>(rows: T[]): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const row of rows) {
    const id = recipientId(row);
    const list = grouped.get(id) ?? [];
    list.push(row);
    grouped.set(id, list);
  }
  return grouped;
}
