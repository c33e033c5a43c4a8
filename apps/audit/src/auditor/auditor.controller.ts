import {
  Controller,
  Get,
  Headers,
  Param,
  Query,
  StreamableFile,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';

import { REASON_CODES } from '@optline/domain';
import { ApiKeyGuard, Clock, CurrentCaller, RequireRole, type Caller } from '@optline/platform';

import { AuditorQueryInterceptor } from './auditor-query.interceptor';
import { ConsentQuery, EventsQuery, IntegrityQuery, parseQuery } from './auditor.queries';
import { AuditorService } from './auditor.service';

const NUMBER = {
  name: 'e164',
  description: 'The phone number, E.164 (URL-encoded `+` as %2B) or as a person would type it',
  example: '%2B12125550123',
};

/** The auditor API (CONTRACT §4): read-only, auditor keys only, every answer within the key's tenant. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit')
@UseGuards(ApiKeyGuard)
@RequireRole('auditor')
@UseInterceptors(AuditorQueryInterceptor)
export class AuditorController {
  constructor(
    private readonly auditor: AuditorService,
    private readonly clock: Clock,
  ) {}

  @Get('messages/:messageId')
  @ApiOperation({
    summary:
      "A message's whole timeline, oldest first: audit events (each with its rules version) and outcomes",
  })
  @ApiOkResponse({
    description: '`{messageId, events: [AuditEvent], outcomes: [MessageOutcome]}`; numbers masked',
  })
  message(@CurrentCaller() caller: Caller, @Param('messageId') messageId: string) {
    return this.auditor.message(caller.tenant.id, messageId);
  }

  @Get('numbers/:e164')
  @ApiOperation({
    summary: 'Everything recorded about a number: consent changes, messages, hygiene, feedback',
  })
  @ApiParam(NUMBER)
  number(@CurrentCaller() caller: Caller, @Param('e164') e164: string) {
    return this.auditor.number(caller.tenant.id, caller.tenant.defaultCountry, e164);
  }

  @Get('consent/:e164')
  @ApiOperation({
    summary: "A number's consent for a purpose at an instant, and the consent event (with proof) that set it",
  })
  @ApiParam(NUMBER)
  @ApiQuery({ name: 'purpose', enum: ['marketing', 'transactional'] })
  @ApiQuery({ name: 'at', required: false, description: 'ISO-8601 with an offset; default now' })
  @ApiOkResponse({ description: '`{status: opted_in|opted_out|none|expired, since, event}`' })
  consent(@CurrentCaller() caller: Caller, @Param('e164') e164: string, @Query() query: unknown) {
    return this.auditor.consent(
      caller.tenant.id,
      caller.tenant.defaultCountry,
      e164,
      parseQuery(ConsentQuery, query),
      this.clock.now(),
    );
  }

  @Get('events')
  @ApiOperation({
    summary: 'Audit events, oldest first, filtered and paged; `Accept: text/csv` streams all matches as CSV',
  })
  @ApiQuery({ name: 'from', required: false, description: 'event time ≥ from (ISO-8601 with an offset)' })
  @ApiQuery({ name: 'to', required: false, description: 'event time < to' })
  @ApiQuery({ name: 'action', required: false, example: 'message.blocked' })
  @ApiQuery({ name: 'reason', required: false, enum: REASON_CODES })
  @ApiQuery({ name: 'campaignId', required: false })
  @ApiQuery({ name: 'limit', required: false, description: '1-1000, default 100 (JSON only)' })
  @ApiQuery({ name: 'cursor', required: false, description: '`nextCursor` of the previous page' })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ description: '`{events: [AuditEvent], nextCursor?}`, or CSV' })
  events(
    @CurrentCaller() caller: Caller,
    @Query() query: unknown,
    @Headers('accept') accept: string | undefined,
  ) {
    const parsed = parseQuery(EventsQuery, query);
    if (accept?.includes('text/csv')) {
      return new StreamableFile(this.auditor.eventsCsv(caller.tenant.id, parsed), {
        type: 'text/csv; charset=utf-8',
        disposition: 'attachment; filename="audit-events.csv"',
      });
    }
    return this.auditor.eventsPage(caller.tenant.id, parsed);
  }

  @Get('reports/campaigns/:campaignId')
  @ApiOperation({
    summary:
      'Campaign report: requested, sent, delivered, failed, blocked by reason, deferred, opt-outs, complaints, rates',
  })
  campaign(@CurrentCaller() caller: Caller, @Param('campaignId') campaignId: string) {
    return this.auditor.campaign(caller.tenant.id, campaignId);
  }

  @Get('integrity')
  @ApiOperation({
    summary: 'Recomputes the tenant hash chain (rows recorded from ≤ t < to) and names the first broken row',
  })
  @ApiQuery({ name: 'from', required: false })
  @ApiQuery({ name: 'to', required: false })
  @ApiOkResponse({ description: '`{ok, checked, firstBrokenId?, firstBrokenSeq?, problem?}`' })
  integrity(@CurrentCaller() caller: Caller, @Query() query: unknown) {
    return this.auditor.integrity(caller.tenant.id, parseQuery(IntegrityQuery, query));
  }
}
