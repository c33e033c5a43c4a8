import type { ImportReport } from '@optline/domain';

/**
 * A contacts CSV with known faults, counted as it is written: 80 % valid unique mobiles in mixed formats and
 * countries, 10 % invalid rows (bad numbers, and a few malformed rows), 5 % landlines, 5 % duplicates (a number
 * written again in another format under a new externalId, or an externalId again with a new number). The
 * categories are fixed by construction (number ranges known to be mobile, fixed line or invalid), never by
 * asking the code under test.
 */
export interface GeneratedCsv {
  text: string;
  expected: Omit<ImportReport, 'rejected'>;
  /** The expected `rejected` entries, in file order (reason prefix for malformed rows). */
  rejected: Array<{ row: number; reason: string }>;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Small deterministic PRNG (mulberry32), so a failing run can be reproduced. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Kind = 'valid' | 'invalid' | 'landline' | 'duplicate';

export function generateContactsCsv(rows: number, seed = 42): GeneratedCsv {
  const rand = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const counts = {
    valid: Math.round(rows * 0.8),
    invalid: Math.round(rows * 0.1),
    landline: Math.round(rows * 0.05),
  };
  const kinds: Kind[] = [
    ...Array<Kind>(counts.valid).fill('valid'),
    ...Array<Kind>(counts.invalid).fill('invalid'),
    ...Array<Kind>(counts.landline).fill('landline'),
    ...Array<Kind>(rows - counts.valid - counts.invalid - counts.landline).fill('duplicate'),
  ];
  for (let i = kinds.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [kinds[i], kinds[j]] = [kinds[j]!, kinds[i]!];
  }
  // A duplicate needs an earlier valid row: start the file with valid rows.
  const firstValid = kinds.indexOf('valid');
  [kinds[0], kinds[firstValid]] = [kinds[firstValid]!, kinds[0]!];

  let serial = 0;
  /** A mobile number never used before, in one of several formats; returns the cell and its E.164. */
  const freshMobile = (): { phone: string; country: string; e164: string } => {
    const n = serial++;
    const d8 = pad((n * 7919) % 100_000_000, 8);
    const d7 = pad((n * 7919) % 10_000_000, 7); // French mobiles 06 1x xx xx xx: a range wholly allocated
    switch (n % 6) {
      case 0:
        return {
          phone: `+33 6 1${d7.slice(0, 1)} ${d7.slice(1, 3)} ${d7.slice(3, 5)} ${d7.slice(5)}`,
          country: '',
          e164: `+3361${d7}`,
        };
      case 1:
        return { phone: `061${d7}`, country: 'FR', e164: `+3361${d7}` };
      case 2:
        return { phone: `+49 151 ${d8}`, country: '', e164: `+49151${d8}` };
      case 3:
        return { phone: `0151 ${d8}`, country: 'DE', e164: `+49151${d8}` };
      case 4:
        return { phone: `+34 6${d8}`, country: '', e164: `+346${d8}` };
      default: {
        const local = String(2_000_000 + (n % 8_000_000));
        const area = n % 12 === 5 ? '212' : '646';
        return {
          phone: `(${area}) ${local.slice(0, 3)}-${local.slice(3)}`,
          country: '',
          e164: `+1${area}${local}`,
        };
      }
    }
  };

  const lines = ['externalId,phone,defaultCountry,tags,firstName,ltv'];
  const valid: Array<{ externalId: string; e164: string }> = [];
  const rejected: GeneratedCsv['rejected'] = [];
  const expected = {
    total: rows,
    imported: 0,
    updated: 0,
    duplicates: 0,
    invalid: 0,
    notSmsCapable: 0,
    suppressed: 0,
  };
  const tags = () => pick(['', 'vip', 'vip;golf', 'golf|wine', 'news', 'wine;news|vip']);
  const name = () => pick(['Ana', 'Bo', '"Smith, Ann"', 'Zoë', 'Li']);

  kinds.forEach((kind, index) => {
    const row = index + 2; // the header is line 1
    const externalId = `ext-${pad(index, 7)}`;
    const ltv = String(Math.floor(rand() * 1000));
    switch (kind) {
      case 'valid': {
        const mobile = freshMobile();
        lines.push([externalId, mobile.phone, mobile.country, tags(), name(), ltv].join(','));
        valid.push({ externalId, e164: mobile.e164 });
        expected.imported++;
        return;
      }
      case 'landline': {
        const n = index;
        const phone = pick([`+33 1 ${pad(n, 8)}`, `+49 30 ${pad(n, 8)}`, `+34 91 ${pad(n % 10_000_000, 7)}`]);
        lines.push([externalId, phone, '', tags(), name(), ltv].join(','));
        expected.notSmsCapable++;
        rejected.push({ row, reason: 'NOT_SMS_CAPABLE' });
        return;
      }
      case 'invalid': {
        expected.invalid++;
        const variant = index % 10;
        if (variant === 0) {
          lines.push(['', '+33612345678', '', '', name(), ltv].join(','));
          rejected.push({ row, reason: 'MALFORMED' });
        } else if (variant === 1) {
          lines.push([externalId, '+33612345678', '', '', name(), ltv, 'extra'].join(','));
          rejected.push({ row, reason: 'MALFORMED' });
        } else {
          const phone = pick([
            `+33 6 ${pad(index % 1000, 3)}`,
            pad(index % 100_000, 5),
            `+1 999 ${pad(index % 1000, 3)} 4567`,
            `call me ${index}`,
            '',
          ]);
          lines.push([externalId, phone, '', tags(), name(), ltv].join(','));
          rejected.push({ row, reason: 'INVALID_NUMBER' });
        }
        return;
      }
      case 'duplicate': {
        expected.duplicates++;
        const original = pick(valid);
        if (index % 2 === 0) {
          // The same number in another format, under a new externalId.
          const phone = pick([original.e164, `00${original.e164.slice(1)}`, ` ${original.e164} `]);
          lines.push([externalId, phone, '', tags(), name(), ltv].join(','));
          rejected.push({ row, reason: 'DUPLICATE_NUMBER' });
        } else {
          // The same externalId again, with a number no one has.
          const mobile = freshMobile();
          lines.push([original.externalId, mobile.phone, mobile.country, tags(), name(), ltv].join(','));
          rejected.push({ row, reason: 'DUPLICATE_EXTERNAL_ID' });
        }
        return;
      }
    }
  });
  return { text: `${lines.join('\n')}\n`, expected, rejected };
}
