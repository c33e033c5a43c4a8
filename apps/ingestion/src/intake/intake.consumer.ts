import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';

import { TOPICS, type ValueOf } from '@optline/domain';
import type { OutRecord, StreamContext, StreamRecord } from '@optline/platform';

import { IntakeService } from './intake.service';

type Records<K extends 'contacts' | 'consents' | 'messages' | 'campaigns' | 'inbound' | 'receipts'> = Array<
  StreamRecord<ValueOf<K>>
>;

/** The six producer topics (CONTRACT §1), also fed by the HTTP API. */
@Controller()
export class IntakeConsumer {
  constructor(private readonly intake: IntakeService) {}

  @EventPattern(TOPICS.contacts.name)
  contacts(@Payload() records: Records<'contacts'>, @Ctx() ctx: StreamContext): Promise<OutRecord[]> {
    return this.intake.accept('contacts', records, ctx);
  }

  @EventPattern(TOPICS.consents.name)
  consents(@Payload() records: Records<'consents'>, @Ctx() ctx: StreamContext): Promise<OutRecord[]> {
    return this.intake.accept('consents', records, ctx);
  }

  @EventPattern(TOPICS.messages.name)
  messages(@Payload() records: Records<'messages'>, @Ctx() ctx: StreamContext): Promise<OutRecord[]> {
    return this.intake.accept('messages', records, ctx);
  }

  @EventPattern(TOPICS.campaigns.name)
  campaigns(@Payload() records: Records<'campaigns'>, @Ctx() ctx: StreamContext): Promise<OutRecord[]> {
    return this.intake.accept('campaigns', records, ctx);
  }

  @EventPattern(TOPICS.inbound.name)
  inbound(@Payload() records: Records<'inbound'>, @Ctx() ctx: StreamContext): Promise<OutRecord[]> {
    return this.intake.accept('inbound', records, ctx);
  }

  @EventPattern(TOPICS.receipts.name)
  receipts(@Payload() records: Records<'receipts'>, @Ctx() ctx: StreamContext): Promise<OutRecord[]> {
    return this.intake.accept('receipts', records, ctx);
  }
}
