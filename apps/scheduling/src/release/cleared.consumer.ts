import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';

import { TOPICS, type ValueOf } from '@optline/domain';
import type { OutRecord, StreamContext, StreamRecord } from '@optline/platform';

import { ReleaseService } from './release.service';

@Controller()
export class ClearedConsumer {
  constructor(private readonly release: ReleaseService) {}

  @EventPattern(TOPICS.cleared.name)
  handle(
    @Payload() records: Array<StreamRecord<ValueOf<'cleared'>>>,
    @Ctx() ctx: StreamContext,
  ): Promise<OutRecord[]> {
    return this.release.arrive(
      ctx.db,
      records.map((record) => record.value.message),
    );
  }
}
