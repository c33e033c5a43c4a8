import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';

import { TOPICS, type ValueOf } from '@optline/domain';
import type { OutRecord, StreamContext, StreamRecord } from '@optline/platform';

import { ScreenedService } from './screened.service';

@Controller()
export class ScreenedConsumer {
  constructor(private readonly screened: ScreenedService) {}

  @EventPattern(TOPICS.screened.name)
  handle(
    @Payload() records: Array<StreamRecord<ValueOf<'screened'>>>,
    @Ctx() ctx: StreamContext,
  ): Promise<OutRecord[]> {
    return this.screened.process(
      ctx.db,
      records.map((record) => record.value),
    );
  }
}
