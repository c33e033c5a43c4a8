import { Body, Controller, HttpCode, NotFoundException, Post, UseGuards } from '@nestjs/common';

import {
  ConsentProof,
  CountryCode,
  RawPhone,
  maskPhone,
  normalisePhone,
  parseWith,
  type FieldError,
} from '@optline/domain';
import { ApiKeyGuard, CurrentCaller, RequireRole, ValidationFailed, type Caller } from '@optline/platform';

import { ProofCheckService, type ProofCheck } from './proof-check.service';

/**
 * POST /v1/consent/proof-check (auditor keys): an auditor supplies a number, and optionally the proof they hold,
 * and learns which ledger events exist for it and whether that proof is the one recorded, also after the
 * number's personal data was erased. Not in CONTRACT §4: an internal endpoint of the consent service.
 */
@Controller('v1/consent')
@UseGuards(ApiKeyGuard)
@RequireRole('auditor')
export class ProofCheckController {
  constructor(private readonly proofs: ProofCheckService) {}

  @Post('proof-check')
  @HttpCode(200)
  async check(@CurrentCaller() caller: Caller, @Body() body: unknown): Promise<ProofCheck> {
    const input = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const errors: FieldError[] = [];
    const phone = parseWith(RawPhone, input.phone);
    if (!phone.ok) errors.push(...phone.errors.map((error) => ({ ...error, path: 'phone' })));
    const country = parseWith(CountryCode.optional(), input.defaultCountry);
    if (!country.ok) errors.push(...country.errors.map((error) => ({ ...error, path: 'defaultCountry' })));
    const proof = input.proof === undefined ? undefined : parseWith(ConsentProof, input.proof);
    if (proof !== undefined && !proof.ok)
      errors.push(...proof.errors.map((error) => ({ ...error, path: `proof.${error.path}` })));
    if (!phone.ok || !country.ok || (proof !== undefined && !proof.ok)) throw new ValidationFailed(errors);

    const number = normalisePhone(phone.value, country.value ?? caller.tenant.defaultCountry);
    if (!number.ok)
      throw new ValidationFailed([{ path: 'phone', message: `not a valid number (${number.reason})` }]);
    const found = await this.proofs.check(caller.tenant.id, number.e164, proof?.value);
    if (found.events.length === 0)
      throw new NotFoundException(`no consent ledger events for ${maskPhone(number.e164)}`);
    return found;
  }
}
