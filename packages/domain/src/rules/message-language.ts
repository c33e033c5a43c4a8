/** The languages the keyword tables and the system's own texts know (compliance-rules.md §2). */
export type MessageLanguage = 'en' | 'zh' | 'es' | 'pt' | 'fr' | 'de';

const LANGUAGES: ReadonlySet<string> = new Set<MessageLanguage>(['en', 'zh', 'es', 'pt', 'fr', 'de']);

/** Countries whose default language for our texts is not English. */
const REGION_LANGUAGE: Readonly<Record<string, MessageLanguage>> = {
  CN: 'zh',
  TW: 'zh',
  HK: 'zh',
  MO: 'zh',
  ES: 'es',
  MX: 'es',
  AR: 'es',
  CO: 'es',
  CL: 'es',
  PE: 'es',
  VE: 'es',
  EC: 'es',
  GT: 'es',
  CU: 'es',
  BO: 'es',
  DO: 'es',
  HN: 'es',
  PY: 'es',
  SV: 'es',
  NI: 'es',
  CR: 'es',
  PA: 'es',
  UY: 'es',
  BR: 'pt',
  PT: 'pt',
  AO: 'pt',
  MZ: 'pt',
  FR: 'fr',
  MC: 'fr',
  DE: 'de',
  AT: 'de',
  LI: 'de',
};

/** The language of texts to a recipient: the locale's when we know it, else the country's, else English. */
export function messageLanguage(locale?: string, region?: string): MessageLanguage {
  const language = locale?.split(/[-_]/)[0]?.toLowerCase();
  if (language !== undefined && LANGUAGES.has(language)) return language as MessageLanguage;
  if (region !== undefined && Object.hasOwn(REGION_LANGUAGE, region)) return REGION_LANGUAGE[region] ?? 'en';
  return 'en';
}
