import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';

import { parse as parseYaml } from 'yaml';

import {
  OptlineConfigFile,
  effectivePolicy,
  tenantCompliance,
  toFieldErrors,
  type ApiKeyRole,
  type EffectivePolicy,
  type TenantConfig,
} from '@optline/domain';

import { ConfigError } from './service-config';

export interface Caller {
  tenant: TenantConfig;
  role: ApiKeyRole;
}

/** The configured tenants, their policies and API keys. */
export class TenantDirectory {
  private readonly byId: Map<string, TenantConfig>;
  private readonly keys: Array<{ digest: Buffer; caller: Caller }>;

  constructor(tenants: TenantConfig[]) {
    this.byId = new Map(tenants.map((tenant) => [tenant.id, tenant]));
    this.keys = tenants.flatMap((tenant) =>
      tenant.apiKeys.map((key) => ({
        digest: Buffer.from(key.sha256, 'hex'),
        caller: { tenant, role: key.role },
      })),
    );
  }

  /** Loads and checks the YAML file; a bad file stops start-up with a message naming the field. */
  static fromFile(path: string): TenantDirectory {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      throw new ConfigError(`cannot read OPTLINE_CONFIG file ${path}: ${(error as Error).message}`);
    }
    return TenantDirectory.fromYaml(text, path);
  }

  static fromYaml(text: string, source = 'OPTLINE_CONFIG'): TenantDirectory {
    let raw: unknown;
    try {
      raw = parseYaml(text);
    } catch (error) {
      throw new ConfigError(`${source} is not valid YAML: ${(error as Error).message}`);
    }
    const parsed = OptlineConfigFile.safeParse(raw);
    if (!parsed.success) {
      const problems = toFieldErrors(parsed.error).map((e) => `${e.path}: ${e.message}`);
      throw new ConfigError(`invalid configuration in ${source}: ${problems.join('; ')}`);
    }
    return new TenantDirectory(parsed.data.tenants);
  }

  has(tenantId: string): boolean {
    return this.byId.has(tenantId);
  }

  get(tenantId: string): TenantConfig {
    const tenant = this.byId.get(tenantId);
    if (!tenant) throw new Error(`unknown tenant ${tenantId}`);
    return tenant;
  }

  policy(tenantId: string): EffectivePolicy {
    return effectivePolicy(this.get(tenantId));
  }

  /** Branded domains, DLT registration, sender contact, revocation scope and blackouts, in the rules' terms. */
  compliance(tenantId: string): ReturnType<typeof tenantCompliance> {
    return tenantCompliance(this.get(tenantId));
  }

  all(): TenantConfig[] {
    return [...this.byId.values()];
  }

  /** Finds the caller of an API key; every stored digest is compared in constant time. */
  authenticate(apiKey: string): Caller | undefined {
    const digest = createHash('sha256').update(apiKey, 'utf8').digest();
    let found: Caller | undefined;
    for (const key of this.keys) {
      if (timingSafeEqual(key.digest, digest)) found = key.caller;
    }
    return found;
  }
}
