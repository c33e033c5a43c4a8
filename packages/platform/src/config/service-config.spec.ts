import { loadServiceConfig } from './service-config';

describe('the test-only clock offset', () => {
  const offset = (raw: string | undefined) =>
    loadServiceConfig('scheduling', { OPTLINE_CLOCK_OFFSET_MS: raw }).clockOffsetMs;

  it('defaults to none and reads whole milliseconds, negative too', () => {
    expect(offset(undefined)).toBe(0);
    expect(offset('')).toBe(0);
    expect(offset('43200000')).toBe(43_200_000);
    expect(offset('-60000')).toBe(-60_000);
  });

  it('refuses anything else, naming the variable', () => {
    expect(() => offset('12h')).toThrow(/OPTLINE_CLOCK_OFFSET_MS/);
    expect(() => offset('1.5')).toThrow(/whole number/);
  });
});

describe('the PII key outside development', () => {
  const load = (env: NodeJS.ProcessEnv) => () => loadServiceConfig('audit', env);

  it('refuses the public default keys, naming the variable', () => {
    expect(load({ OPTLINE_ENV: 'production' })).toThrow(/OPTLINE_PII_KEY/);
    expect(
      load({ OPTLINE_ENV: 'staging', OPTLINE_PII_KEY: 'CHANGE-ME-public-optline-compose-pii-key' }),
    ).toThrow(/OPTLINE_PII_KEY/);
  });

  it('accepts them in development, the default, and a secret anywhere', () => {
    expect(loadServiceConfig('audit', {}).piiKey).toBe('optline-development-key-change-me');
    expect(
      loadServiceConfig('audit', { OPTLINE_ENV: 'production', OPTLINE_PII_KEY: 's3cret-x9' }).piiKey,
    ).toBe('s3cret-x9');
  });
});
