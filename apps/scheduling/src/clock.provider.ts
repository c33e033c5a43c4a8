import type { Provider } from '@nestjs/common';

import { Clock, SERVICE_CONFIG, type ServiceConfig } from '@optline/platform';

/**
 * The platform clock, moved by OPTLINE_CLOCK_OFFSET_MS (TEST ONLY, default 0): integration tests start
 * scheduling "hours later" so a night-time deferral comes due without waiting for the morning. Never set it in
 * production: every sending-window decision would be made for the wrong time.
 */
export const clockProvider: Provider = {
  provide: Clock,
  inject: [SERVICE_CONFIG],
  useFactory: (config: ServiceConfig) => {
    const offset = clockOffset(config.env.OPTLINE_CLOCK_OFFSET_MS);
    return offset === 0 ? new Clock() : new Clock(() => new Date(Date.now() + offset));
  },
};

export function clockOffset(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 0;
  const offset = Number(raw);
  if (!Number.isSafeInteger(offset))
    throw new Error(`OPTLINE_CLOCK_OFFSET_MS must be a whole number of milliseconds, got "${raw}"`);
  return offset;
}
