import { z } from 'zod';

import type { Blackout } from '../rules/blackouts.data';
import type { DltRegistration } from '../rules/india-dlt.rule';
import type { SenderContact } from '../rules/sender-identity.rule';
import { CountryCode, TenantId, Timestamp } from './primitives';

const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM');

/** The default marketing policy (CONTRACT §3). A tenant policy may only make it stricter. */
export const DEFAULT_POLICY = {
  maxPer24h: 2,
  maxPer7d: 6,
  window: { start: '08:00', end: '21:00' },
  bannedPhrases: [] as string[],
  provider: 'simulator' as 'simulator' | 'twilio',
  campaignPauseRate: 0.02,
  campaignPauseMinSent: 200,
};

export const TenantPolicy = z
  .strictObject({
    maxPer24h: z
      .number()
      .int()
      .min(0)
      .max(DEFAULT_POLICY.maxPer24h, 'may only be stricter than 2')
      .optional(),
    maxPer7d: z.number().int().min(0).max(DEFAULT_POLICY.maxPer7d, 'may only be stricter than 6').optional(),
    window: z.strictObject({ start: LocalTime, end: LocalTime }).optional(),
    bannedPhrases: z.array(z.string().min(1)).optional(),
    provider: z.enum(['simulator', 'twilio']).optional(),
    campaignPauseRate: z
      .number()
      .gt(0)
      .max(DEFAULT_POLICY.campaignPauseRate, 'may only be stricter than 0.02')
      .optional(),
  })
  .superRefine((policy, ctx) => {
    if (!policy.window) return;
    const { start, end } = policy.window;
    if (start < DEFAULT_POLICY.window.start) {
      ctx.addIssue({ code: 'custom', path: ['window', 'start'], message: 'may not open before 08:00' });
    }
    if (end > DEFAULT_POLICY.window.end) {
      ctx.addIssue({ code: 'custom', path: ['window', 'end'], message: 'may not close after 21:00' });
    }
    if (start >= end) ctx.addIssue({ code: 'custom', path: ['window'], message: 'start must be before end' });
  });
export type TenantPolicy = z.infer<typeof TenantPolicy>;

export const ApiKeyRole = z.enum(['producer', 'auditor']);
export type ApiKeyRole = z.infer<typeof ApiKeyRole>;

const Domain = z
  .string()
  .regex(/^(?!-)[a-z0-9-]{1,63}(\.(?!-)[a-z0-9-]{1,63})+$/i, 'must be a domain name such as go.acme.example');

/** India's DLT registration (TRAI TCCCPR 2018; compliance-rules.md §3.15): headers and content templates. */
const DltConfig = z.strictObject({
  headers: z.array(z.string().min(1).max(11)).min(1),
  templates: z
    .array(z.strictObject({ id: z.string().min(1), header: z.string().min(1), body: z.string().min(1) }))
    .min(1),
});

/** Sender contact details (compliance-rules.md §3.16: CASL s. 6, Spam Act 2003 s. 17, PDPA s. 44). */
const SenderContactConfig = z.strictObject({
  name: z.string().min(1),
  mailingAddress: z.string().min(1).optional(),
  phone: z.string().min(1).optional(),
  email: z.email().optional(),
  url: z.url().optional(),
  validUntil: Timestamp.optional(),
});

/** An operator's dated blackout (compliance-rules.md §3.8): no marketing from `from` until `to` (exclusive). */
const BlackoutConfig = z
  .strictObject({
    from: Timestamp,
    to: Timestamp,
    reason: z.string().min(1),
    kind: z.enum(['emergency', 'declared-holiday']).default('emergency'),
    /** Jurisdiction ids as in JURISDICTIONS (`US-LA`); absent: every recipient of the tenant. */
    jurisdictions: z
      .array(z.string().regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, 'must be an id such as US-LA'))
      .min(1)
      .optional(),
  })
  .refine((blackout) => Date.parse(blackout.from) < Date.parse(blackout.to), {
    path: ['to'],
    message: 'must be after from',
  });

export const TenantConfig = z.strictObject({
  id: TenantId,
  defaultCountry: CountryCode,
  allowedCountries: z.array(CountryCode).min(1).optional(),
  senderId: z.string().min(1).max(64),
  helpText: z.string().min(1).max(480),
  apiKeys: z
    .array(
      z.strictObject({
        role: ApiKeyRole,
        sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be the hex SHA-256 of the key'),
      }),
    )
    .default([]),
  policy: TenantPolicy.optional(),
  /** The tenant's own link domains, allowed through the shortener check. */
  brandedDomains: z.array(Domain).optional(),
  dlt: DltConfig.optional(),
  senderContact: SenderContactConfig.optional(),
  /** Opt in to scoping a STOP to the program it answered, while the law allows it (revocationScope). */
  perProgramRevocation: z.boolean().optional(),
  blackouts: z.array(BlackoutConfig).optional(),
});
export type TenantConfig = z.infer<typeof TenantConfig>;

/** The file named by OPTLINE_CONFIG. */
export const OptlineConfigFile = z
  .strictObject({ tenants: z.array(TenantConfig).min(1) })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.tenants.forEach((tenant, index) => {
      if (seen.has(tenant.id))
        ctx.addIssue({ code: 'custom', path: ['tenants', index, 'id'], message: 'duplicate id' });
      seen.add(tenant.id);
    });
  });
export type OptlineConfigFile = z.infer<typeof OptlineConfigFile>;

/** A tenant's effective policy: the default made stricter by its own settings. */
export function effectivePolicy(tenant: TenantConfig): typeof DEFAULT_POLICY {
  const own = tenant.policy ?? {};
  return {
    maxPer24h: own.maxPer24h ?? DEFAULT_POLICY.maxPer24h,
    maxPer7d: own.maxPer7d ?? DEFAULT_POLICY.maxPer7d,
    window: own.window ?? DEFAULT_POLICY.window,
    bannedPhrases: own.bannedPhrases ?? DEFAULT_POLICY.bannedPhrases,
    provider: own.provider ?? DEFAULT_POLICY.provider,
    campaignPauseRate: own.campaignPauseRate ?? DEFAULT_POLICY.campaignPauseRate,
    campaignPauseMinSent: DEFAULT_POLICY.campaignPauseMinSent,
  };
}
export type EffectivePolicy = ReturnType<typeof effectivePolicy>;

/** A tenant's compliance settings in the rules' own terms; a tenant without them gets none (today's behaviour). */
export function tenantCompliance(tenant: TenantConfig): {
  brandedDomains: readonly string[];
  dlt: DltRegistration | undefined;
  senderContact: SenderContact | undefined;
  perProgramRevocation: boolean;
  /** The operator's blackouts; `jurisdictions` undefined means every recipient. */
  blackouts: ReadonlyArray<Omit<Blackout, 'jurisdiction'> & { jurisdictions?: readonly string[] }>;
} {
  const contact = tenant.senderContact;
  return {
    brandedDomains: tenant.brandedDomains ?? [],
    dlt: tenant.dlt,
    senderContact:
      contact === undefined
        ? undefined
        : {
            ...contact,
            validUntil: contact.validUntil === undefined ? undefined : new Date(contact.validUntil),
          },
    perProgramRevocation: tenant.perProgramRevocation ?? false,
    blackouts: (tenant.blackouts ?? []).map((blackout) => ({
      kind: blackout.kind,
      from: blackout.from,
      until: blackout.to,
      source: `operator: ${blackout.reason}`,
      ...(blackout.jurisdictions === undefined ? {} : { jurisdictions: blackout.jurisdictions }),
    })),
  };
}
