import * as domain from '../src/index';

/** The names other services code against: removing or renaming one breaks them. */
describe('public API of @optline/domain', () => {
  it.each([
    'RULES_VERSION',
    'normalisePhone',
    'zonesForNumber',
    'regionZones',
    'subdivisionsForNumber',
    'resolveRecipientZones',
    'effectiveRules',
    'JURISDICTIONS',
    'checkSendingWindow',
    'spreadRelease',
    'checkFrequency',
    'bodyHash',
    'classifyReply',
    'optOutConfirmation',
    'helpReply',
    'renderTemplate',
    'countSegments',
    'prepareMarketingBody',
    'checkContent',
    'consentStateAt',
    'checkConsent',
    'campaignGuard',
    'isInactive',
    'chooseSendTime',
    'phoneFingerprint',
    'maskPhone',
    'numberZones',
    'areaCodeZones',
    'ZONE_SPANNING_AREA_CODES',
    'NON_GEOGRAPHIC_MOBILE_RANGES',
    'rulesInForce',
    'JURISDICTION_VERSIONS',
    'isBusinessDay',
    'HOLIDAY_SOURCES',
    'CN_ARRANGEMENTS',
    'checkIndiaDlt',
    'checkSenderIdentity',
    'SENDER_IDENTITY_RULES',
    'BLACKOUTS',
    'revocationScope',
    'REVOCATION_SCOPE_RULES',
    'RULE_CATALOG',
    'catalogVersions',
  ])('exports %s', (name) => {
    expect(domain).toHaveProperty(name);
  });

  it('works end to end for one message', () => {
    const number = domain.normalisePhone('(305) 555-0123', 'US');
    if (!number.ok) throw new Error('expected a valid number');
    const policy = domain.effectivePolicy({
      id: 'demo',
      defaultCountry: 'US',
      senderId: 'Acme',
      helpText: 'Help',
      apiKeys: [],
    });
    const rules = domain.effectiveRules(
      { region: number.region, subdivisions: domain.subdivisionsForNumber(number.e164) },
      policy,
    );
    const zones = domain.resolveRecipientZones({ e164: number.e164, region: number.region });
    expect(domain.checkSendingWindow(new Date('2026-06-10T20:00:00-04:00'), zones, rules)).toMatchObject({
      allowed: false,
      reason: 'QUIET_HOURS',
    });
  });
});
