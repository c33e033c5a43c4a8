import { REASON_CODES as DOMAIN_REASON_CODES } from '@optline/domain';
import { describe, expect, it } from 'vitest';

import { REASON_CODES } from './reasons';

describe('reason filter', () => {
  it('offers exactly the reason codes the audit API accepts', () => {
    expect([...REASON_CODES]).toEqual([...DOMAIN_REASON_CODES]);
  });
});
