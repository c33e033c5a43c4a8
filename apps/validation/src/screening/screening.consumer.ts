import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';

import { TOPICS, type AcceptedInput } from '@optline/domain';
import type { OutRecord, StreamContext, StreamRecord } from '@optline/platform';

import { ScreeningService } from './screening.service';

/** internal.accepted.v1: every input ingestion accepted. */
@Controller()
export class ScreeningConsumer {
  constructor(private readonly screening: ScreeningService) {}

  @EventPattern(TOPICS.accepted.name)
  accepted(
    @Payload() records: Array<StreamRecord<AcceptedInput>>,
    @Ctx() ctx: StreamContext,
  ): Promise<OutRecord[]> {
    return this.screening.handle(
      ctx.db,
      records.map((record) => record.value),
      ctx.now,
    );
  }
}
