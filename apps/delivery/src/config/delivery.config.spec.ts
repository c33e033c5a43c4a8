import { ConfigError } from '@optline/platform';

import { loadDeliveryConfig, requireTwilioAccount } from './delivery.config';

describe('loadDeliveryConfig', () => {
  it('has defaults for a local run with the simulator', () => {
    const config = loadDeliveryConfig({});
    expect(config.simulator).toMatchObject({ latencyMs: 0, failureRate: 0, undeliverableRate: 0 });
    expect(config.retry).toMatchObject({ maxAttempts: 9, callsPerRound: 3 });
    expect(config.twilio.baseUrl).toBe('https://api.twilio.com');
    expect(config.faultKillBeforeProvider).toBeUndefined();
  });

  it('reads the simulator mix, Twilio and the test-only fault from the environment', () => {
    const config = loadDeliveryConfig({
      OPTLINE_SIMULATOR_LATENCY_MS: '25',
      OPTLINE_SIMULATOR_FAILURE_RATE: '0.1',
      OPTLINE_SIMULATOR_UNDELIVERABLE_RATE: '0.05',
      TWILIO_BASE_URL: 'http://127.0.0.1:9999/',
      TWILIO_ACCOUNT_SID: 'AC1',
      OPTLINE_FAULT_KILL_BEFORE_PROVIDER: 'm-1',
    });
    expect(config.simulator).toMatchObject({ latencyMs: 25, failureRate: 0.1, undeliverableRate: 0.05 });
    expect(config.twilio).toMatchObject({ baseUrl: 'http://127.0.0.1:9999', accountSid: 'AC1' });
    expect(config.faultKillBeforeProvider).toBe('m-1');
  });

  it.each([
    [{ OPTLINE_SIMULATOR_FAILURE_RATE: '1.5' }, /OPTLINE_SIMULATOR_FAILURE_RATE/],
    [
      { OPTLINE_SIMULATOR_FAILURE_RATE: '0.7', OPTLINE_SIMULATOR_UNDELIVERABLE_RATE: '0.7' },
      /must not exceed 1/,
    ],
    [{ OPTLINE_DELIVERY_MAX_ATTEMPTS: '0' }, /OPTLINE_DELIVERY_MAX_ATTEMPTS/],
    [{ OPTLINE_DELIVERY_CONCURRENCY: '2.5' }, /OPTLINE_DELIVERY_CONCURRENCY/],
    [{ TWILIO_BASE_URL: 'not a url' }, /TWILIO_BASE_URL/],
  ])('stops start-up naming the variable: %o', (env, message) => {
    expect(() => loadDeliveryConfig(env)).toThrow(ConfigError);
    expect(() => loadDeliveryConfig(env)).toThrow(message);
  });

  it('requires the Twilio account once a tenant sends through Twilio', () => {
    expect(() => requireTwilioAccount(loadDeliveryConfig({}).twilio)).toThrow(/TWILIO_ACCOUNT_SID/);
    const twilio = loadDeliveryConfig({ TWILIO_ACCOUNT_SID: 'AC1', TWILIO_AUTH_TOKEN: 't' }).twilio;
    expect(() => requireTwilioAccount(twilio)).toThrow(/TWILIO_FROM/);
    expect(() => requireTwilioAccount({ ...twilio, from: '+15005550006' })).not.toThrow();
  });
});
