import { z } from 'zod';

import { CountryCode, TenantId } from './primitives';

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
