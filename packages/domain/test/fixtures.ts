import { effectivePolicy, type EffectivePolicy } from '../src/contract/tenants';

/** The default policy, as a tenant without its own settings gets it. */
export const DEMO_POLICY: EffectivePolicy = effectivePolicy({
  id: 'demo',
  defaultCountry: 'US',
  senderId: 'Acme',
  helpText: 'Acme support: help@acme.example',
  apiKeys: [],
});
