import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';

import { TOPICS, type ValueOf } from '@optline/domain';
import type { OutRecord, StreamContext, StreamRecord } from '@optline/platform';

import { ReleaseService } from './release.service';

@Controller()
export class DueConsumer {
  constructor(private readonly release: ReleaseService) {}

  @EventPattern(TOPICS.due.name)
  handle(
    @Payload() records: Array<StreamRecord<ValueOf<'due'>>>,
    @Ctx() ctx: StreamContext,
  ): Promise<OutRecord[]> {
    return this.release.releaseDue(
      ctx.db,
      records.map((record) => record.value),
    );
  }
}
