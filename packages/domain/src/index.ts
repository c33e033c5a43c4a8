export * from './contract/primitives';
export * from './contract/reason-codes';
export * from './contract/inputs';
export * from './contract/outputs';
export * from './contract/internal';
export * from './contract/topics';
export * from './contract/tenants';
export * from './contract/http';
export * from './contract/field-errors';

export { RULES_VERSION } from './rules/rules-version';
export { normalisePhone, zonesForNumber, regionZones } from './rules/numbers.rule';
export type { NumberType, NormalisedPhone } from './rules/numbers.rule';
export { resolveRecipientZones, numberZones, areaCodeZones } from './rules/recipient-zones.rule';
export { ZONE_SPANNING_AREA_CODES, NON_GEOGRAPHIC_MOBILE_RANGES } from './rules/zone-candidates.data';
export {
  subdivisionsForNumber,
  effectiveRules,
  rulesInForce,
  JURISDICTIONS,
  WEEKDAYS,
} from './rules/jurisdiction.rule';
export { JURISDICTION_VERSIONS } from './rules/jurisdictions.data';
export type {
  JurisdictionRules,
  EffectiveRules,
  RuleVersion,
  HolidayCalendar,
  LocalWindow,
  WeekWindows,
  Weekday,
} from './rules/jurisdiction.rule';
export { isHoliday, isBusinessDay } from './rules/holiday-calendar.rule';
export { HOLIDAY_SOURCES } from './rules/holiday-sources.data';
export { CN_ARRANGEMENTS } from './rules/cn-holidays.data';
export { checkSendingWindow, spreadRelease, SEARCH_HORIZON_DAYS } from './rules/sending-window.rule';
export type { WindowCheck } from './rules/sending-window.rule';
export { checkFrequency, bodyHash } from './rules/frequency.rule';
export type { FrequencyCheck } from './rules/frequency.rule';
export { classifyReply } from './rules/inbound-keywords.rule';
export type { ReplyKind, ReplyClassification } from './rules/inbound-keywords.rule';
export { REPLY_KEYWORDS } from './rules/inbound-keywords.data';
export { optOutConfirmation, helpReply } from './rules/reply-texts.rule';
export { renderTemplate } from './rules/template.rule';
export type { TemplateValue, RenderResult } from './rules/template.rule';
export { countSegments } from './rules/segments.rule';
export type { SegmentCount } from './rules/segments.rule';
export { prepareMarketingBody } from './rules/marketing-body.rule';
export { checkContent, SHORTENER_DOMAINS, MAX_SEGMENTS } from './rules/content.rule';
export type { ContentViolation } from './rules/content.rule';
export { consentStateAt, checkConsent } from './rules/consent-state.rule';
export type {
  ConsentLedgerEntry,
  ConsentState,
  ConsentStatus,
  ConsentCheck,
} from './rules/consent-state.rule';
export { campaignGuard } from './rules/campaign-guard.rule';
export { isInactive } from './rules/hygiene.rule';
export { chooseSendTime } from './rules/send-time.rule';
export { phoneFingerprint, maskPhone } from './rules/privacy.rule';
export { checkIndiaDlt } from './rules/india-dlt.rule';
export type { DltRegistration, DltTemplate } from './rules/india-dlt.rule';
export { checkSenderIdentity, SENDER_IDENTITY_RULES } from './rules/sender-identity.rule';
export type { SenderContact } from './rules/sender-identity.rule';
export { BLACKOUTS } from './rules/blackouts.data';
export type { Blackout } from './rules/blackouts.data';
export { revocationScope, REVOCATION_SCOPE_RULES } from './rules/revocation-scope.rule';
export type { RevocationScope } from './rules/revocation-scope.rule';
export { RULE_CATALOG, catalogVersions } from './rules/rule-catalog';
