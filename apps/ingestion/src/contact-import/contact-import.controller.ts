import { HttpCode, HttpException, HttpStatus, Controller, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';

import type { ErrorBody, ImportReport } from '@optline/domain';
import { ApiKeyGuard, CurrentCaller, RequireRole, type Caller } from '@optline/platform';

import { ERROR_RESPONSES, ref } from '../http/openapi';
import { RateLimitGuard } from '../http/rate-limit.guard';
import { ContactImportService } from './contact-import.service';

@ApiTags('producer')
@ApiBearerAuth()
@Controller('v1/contacts/import')
@UseGuards(ApiKeyGuard, RateLimitGuard)
@RequireRole('producer')
export class ContactImportController {
  constructor(private readonly imports: ContactImportService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Import contacts from CSV (streamed, any size)',
    description:
      'A header row with `externalId,phone` and optionally `defaultCountry` (ISO 3166 alpha-2; else the ' +
      "tenant's), `tags` (separated by `;` or `|`), `locale`, `timeZone`; every other column is an attribute " +
      '(names: letters, digits, `_ . -`; a cell that is a plain decimal number without leading zeros becomes a ' +
      'number, `true`/`false` a boolean, anything else text; empty cells are left out). Quoting per RFC 4180; ' +
      'UTF-8, with or without BOM. Rows are cleaned like validation cleans numbers, de-duplicated within the file ' +
      "and against the tenant's known contacts and suppressed numbers, and the kept rows are published as " +
      'contact upserts before the report is returned. The body is not size-limited.',
  })
  @ApiConsumes('text/csv')
  @ApiBody({
    schema: { type: 'string', example: 'externalId,phone,tags,firstName\nc-1,+33612345678,vip;golf,Ana\n' },
  })
  @ApiResponse({ status: 200, description: 'The cleaning report', schema: ref('ImportReport') })
  @ApiResponse(ERROR_RESPONSES[400])
  @ApiResponse(ERROR_RESPONSES[415])
  importCsv(@Req() request: Request, @CurrentCaller() caller: Caller): Promise<ImportReport> {
    if (!request.is('text/csv')) {
      const body: ErrorBody = { error: 'unsupported_media_type', message: 'send Content-Type: text/csv' };
      throw new HttpException(body, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }
    return this.imports.importCsv(request, caller.tenant);
  }
}
