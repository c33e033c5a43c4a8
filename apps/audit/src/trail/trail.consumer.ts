import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';

import { TOPICS, type ValueOf } from '@optline/domain';
import type { OutRecord, StreamContext, StreamRecord } from '@optline/platform';

import { TrailService } from './trail.service';

/** optline.audit.v1 and optline.outcomes.v1 into the trail. */
@Controller()
export class TrailConsumer {
  constructor(private readonly trail: TrailService) {}

  @EventPattern(TOPICS.audit.name)
  async events(
    @Payload() records: Array<StreamRecord<ValueOf<'audit'>>>,
    @Ctx() ctx: StreamContext,
  ): Promise<OutRecord[]> {
    await this.trail.appendEvents(
      ctx.db,
      records.map((record) => record.value),
    );
    return [];
  }

  @EventPattern(TOPICS.outcomes.name)
  async outcomes(
    @Payload() records: Array<StreamRecord<ValueOf<'outcomes'>>>,
    @Ctx() ctx: StreamContext,
  ): Promise<OutRecord[]> {
    await this.trail.appendOutcomes(
      ctx.db,
      records.map((record) => record.value),
    );
    return [];
  }
}
