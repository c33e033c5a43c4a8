import {
  normalisePhone,
  resolveRecipientZones,
  subdivisionsForNumber,
  type NormalisedPhone,
  type Recipient,
  type TenantConfig,
} from '@optline/domain';

/** What the contact registry knows about the person behind a number. */
export interface ContactProfile {
  locale?: string;
  timeZone?: string;
}

const COUNTRY = /^[A-Z]{2}$/;

/** A raw number as a person typed it, read with the input's default country, else the tenant's. */
export function readNumber(
  raw: string,
  defaultCountry: string | undefined,
  tenant: TenantConfig,
): NormalisedPhone {
  return normalisePhone(raw, defaultCountry ?? tenant.defaultCountry);
}

/**
 * A number that belongs to a country (not a non-geographic +800/+88x range): only those have sending rules,
 * so only those can be addressed.
 */
export function hasCountry(region: string | undefined): region is string {
  return region !== undefined && COUNTRY.test(region);
}

/** The recipient as every later service sees it: zones from the contact's own zone, else the number. */
export function recipientOf(
  number: { e164: string; region: string; numberType?: string },
  profile: ContactProfile | undefined,
): Recipient {
  return {
    e164: number.e164,
    region: number.region,
    numberType: number.numberType ?? 'UNKNOWN',
    zones: resolveRecipientZones({
      e164: number.e164,
      region: number.region,
      contactTimeZone: profile?.timeZone,
    }),
    subdivisions: subdivisionsForNumber(number.e164),
    ...(profile?.locale ? { locale: profile.locale } : {}),
  };
}
