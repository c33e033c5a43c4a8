import { Body, Controller, HttpCode, Param, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';

import { ApiKeyGuard, CurrentCaller, RequireRole, type Caller } from '@optline/platform';

import { RateLimitGuard } from '../http/rate-limit.guard';
import { requireJson } from '../http/require-json';
import { ERROR_RESPONSES, batchBody, ref } from '../http/openapi';
import type { InputTopic } from '../intake/forwarding';
import { ProducerApiService, type Accepted } from './producer-api.service';

const IDEMPOTENCY_NOTE =
  'Each item is published to its input topic and accepted there exactly like a Kafka record. An `id` already ' +
  'seen for this tenant and resource (within the idempotency window, 7 days by default) is still answered 202 ' +
  'and listed in `accepted`, but nothing is forwarded again and no second outcome is emitted; an ' +
  '`input.duplicate` audit event records the drop. An array is accepted whole or not at all: one bad item ' +
  "rejects the request with every item's errors, paths starting with the item index (`3.to`). The 202 is sent " +
  'only after Kafka acknowledged every item; on 503 retry the whole request.';

const ACCEPTED = { status: 202, description: 'Acknowledged by Kafka', schema: ref('Accepted') };

@ApiTags('producer')
@ApiBearerAuth()
@ApiResponse(ERROR_RESPONSES[401])
@ApiResponse(ERROR_RESPONSES[429])
@Controller('v1')
@UseGuards(ApiKeyGuard, RateLimitGuard)
@RequireRole('producer')
export class ProducerApiController {
  constructor(private readonly api: ProducerApiService) {}

  @Post('messages')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send requests (SendRequest without tenantId)', description: IDEMPOTENCY_NOTE })
  @ApiBody({ schema: batchBody('MessageBody') })
  @ApiResponse(ACCEPTED)
  @ApiResponse(ERROR_RESPONSES[400])
  @ApiResponse(ERROR_RESPONSES[413])
  messages(
    @Req() request: Request,
    @Body() body: unknown,
    @CurrentCaller() caller: Caller,
  ): Promise<Accepted> {
    return this.submit('messages', request, body, caller);
  }

  @Post('contacts')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Contact upserts (ContactUpsert without tenantId)',
    description: IDEMPOTENCY_NOTE,
  })
  @ApiBody({ schema: batchBody('ContactBody') })
  @ApiResponse(ACCEPTED)
  @ApiResponse(ERROR_RESPONSES[400])
  @ApiResponse(ERROR_RESPONSES[413])
  contacts(
    @Req() request: Request,
    @Body() body: unknown,
    @CurrentCaller() caller: Caller,
  ): Promise<Accepted> {
    return this.submit('contacts', request, body, caller);
  }

  @Post('consents')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Consent events (ConsentEvent without tenantId)',
    description: `${IDEMPOTENCY_NOTE} An opt_in needs proof.capturedAt and one of formUrl, ipAddress, messageText, documentRef.`,
  })
  @ApiBody({ schema: batchBody('ConsentBody') })
  @ApiResponse(ACCEPTED)
  @ApiResponse(ERROR_RESPONSES[400])
  @ApiResponse(ERROR_RESPONSES[413])
  consents(
    @Req() request: Request,
    @Body() body: unknown,
    @CurrentCaller() caller: Caller,
  ): Promise<Accepted> {
    return this.submit('consents', request, body, caller);
  }

  @Post('campaigns')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Campaign requests (CampaignRequest without tenantId)',
    description: IDEMPOTENCY_NOTE,
  })
  @ApiBody({ schema: batchBody('CampaignBody') })
  @ApiResponse(ACCEPTED)
  @ApiResponse(ERROR_RESPONSES[400])
  @ApiResponse(ERROR_RESPONSES[413])
  campaigns(
    @Req() request: Request,
    @Body() body: unknown,
    @CurrentCaller() caller: Caller,
  ): Promise<Accepted> {
    return this.submit('campaigns', request, body, caller);
  }

  @Post('inbound')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Replies from handsets (InboundSms without tenantId)',
    description: IDEMPOTENCY_NOTE,
  })
  @ApiBody({ schema: batchBody('InboundBody') })
  @ApiResponse(ACCEPTED)
  @ApiResponse(ERROR_RESPONSES[400])
  @ApiResponse(ERROR_RESPONSES[413])
  inbound(
    @Req() request: Request,
    @Body() body: unknown,
    @CurrentCaller() caller: Caller,
  ): Promise<Accepted> {
    return this.submit('inbound', request, body, caller);
  }

  @Post('receipts')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Delivery receipts (DeliveryReceipt without tenantId)',
    description: IDEMPOTENCY_NOTE,
  })
  @ApiBody({ schema: batchBody('ReceiptBody') })
  @ApiResponse(ACCEPTED)
  @ApiResponse(ERROR_RESPONSES[400])
  @ApiResponse(ERROR_RESPONSES[413])
  receipts(
    @Req() request: Request,
    @Body() body: unknown,
    @CurrentCaller() caller: Caller,
  ): Promise<Accepted> {
    return this.submit('receipts', request, body, caller);
  }

  @Post('erasures')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Right to erasure',
    description:
      "Erases the number's personal data everywhere (contact, attributes, message bodies); the ledger and " +
      'audit keep a keyed hash, and the number stays suppressed until a new opt-in. `accepted` holds the ' +
      'erasure request id assigned here.',
  })
  @ApiBody({ schema: ref('ErasureBody') })
  @ApiResponse(ACCEPTED)
  @ApiResponse(ERROR_RESPONSES[400])
  erasures(
    @Req() request: Request,
    @Body() body: unknown,
    @CurrentCaller() caller: Caller,
  ): Promise<Accepted> {
    requireJson(request);
    return this.api.erase(body, caller.tenant.id);
  }

  @Post('campaigns/:campaignId/resume')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Lift a campaign pause',
    description: 'No body. `accepted` holds the command id.',
  })
  @ApiParam({ name: 'campaignId', description: 'The campaignId of the paused campaign' })
  @ApiResponse(ACCEPTED)
  @ApiResponse(ERROR_RESPONSES[400])
  resume(@Param('campaignId') campaignId: string, @CurrentCaller() caller: Caller): Promise<Accepted> {
    return this.api.resume(campaignId, caller.tenant.id);
  }

  private submit(topic: InputTopic, request: Request, body: unknown, caller: Caller): Promise<Accepted> {
    requireJson(request);
    return this.api.submit(topic, body, caller.tenant.id);
  }
}
