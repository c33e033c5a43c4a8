import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';

import { Consumes, type Batch, type Emit, type StreamContext } from '@optline/platform';

import { IntakeService } from './intake.service';

/** The six producer topics (CONTRACT §1), also fed by the HTTP API. */
@Controller()
export class IntakeConsumer {
  constructor(private readonly intake: IntakeService) {}

  @Consumes('contacts')
  contacts(@Payload() batch: Batch<'contacts'>, @Ctx() ctx: StreamContext): Promise<Emit[]> {
    return this.intake.accept('contacts', batch, ctx);
  }

  @Consumes('consents')
  consents(@Payload() batch: Batch<'consents'>, @Ctx() ctx: StreamContext): Promise<Emit[]> {
    return this.intake.accept('consents', batch, ctx);
  }

  @Consumes('messages')
  messages(@Payload() batch: Batch<'messages'>, @Ctx() ctx: StreamContext): Promise<Emit[]> {
    return this.intake.accept('messages', batch, ctx);
  }

  @Consumes('campaigns')
  campaigns(@Payload() batch: Batch<'campaigns'>, @Ctx() ctx: StreamContext): Promise<Emit[]> {
    return this.intake.accept('campaigns', batch, ctx);
  }

  @Consumes('inbound')
  inbound(@Payload() batch: Batch<'inbound'>, @Ctx() ctx: StreamContext): Promise<Emit[]> {
    return this.intake.accept('inbound', batch, ctx);
  }

  @Consumes('receipts')
  receipts(@Payload() batch: Batch<'receipts'>, @Ctx() ctx: StreamContext): Promise<Emit[]> {
    return this.intake.accept('receipts', batch, ctx);
  }
}
