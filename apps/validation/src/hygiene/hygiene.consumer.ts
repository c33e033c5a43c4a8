import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';

import { Consumes, type Batch, type Emit, type StreamContext } from '@optline/platform';

import { RegistryService } from '../registry/registry.service';
import { HygieneService, type NumberFact } from './hygiene.service';

/**
 * What happened to numbers later in the pipeline: deliveries (undeliverable suppresses; marketing sends feed
 * the sunset rule) and recipient events (an opt-in lifts the undeliverable suppression, a reply resets the
 * sunset count, an erasure deletes the number's contacts).
 */
@Controller()
export class HygieneConsumer {
  constructor(
    private readonly hygiene: HygieneService,
    private readonly registry: RegistryService,
  ) {}

  @Consumes('deliveryEvents')
  deliveries(@Payload() batch: Batch<'deliveryEvents'>, @Ctx() ctx: StreamContext): Promise<Emit[]> {
    const facts: NumberFact[] = [];
    for (const { value: event } of batch) {
      const at = new Date(event.at);
      const number = { tenantId: event.tenantId, e164: event.e164, causeId: event.messageId };
      if (event.status === 'undeliverable') facts.push({ ...number, fact: { kind: 'undeliverable', at } });
      if (event.status === 'sent' && event.purpose === 'marketing')
        facts.push({ ...number, fact: { kind: 'marketing_sent', at } });
    }
    return this.hygiene.apply(ctx.db, facts, ctx.now);
  }

  @Consumes('recipientEvents')
  async recipientEvents(
    @Payload() batch: Batch<'recipientEvents'>,
    @Ctx() ctx: StreamContext,
  ): Promise<Emit[]> {
    const outputs: Emit[] = [];
    let facts: NumberFact[] = [];
    const flush = async () => {
      outputs.push(...(await this.hygiene.apply(ctx.db, facts, ctx.now)));
      facts = [];
    };
    // In order: an erasure and an opt-in of one number in one batch apply as they happened.
    for (const { value: event } of batch) {
      const at = new Date(event.at);
      const number = { tenantId: event.tenantId, e164: event.e164 };
      if (event.kind === 'consent_changed' && event.status === 'opted_in') {
        facts.push({ ...number, causeId: event.ledgerEventId, fact: { kind: 'opted_in', at } });
      } else if (event.kind === 'replied') {
        facts.push({ ...number, causeId: `reply:${event.at}`, fact: { kind: 'replied', at } });
      } else if (event.kind === 'erased') {
        await flush();
        await this.registry.erase(ctx.db, [{ ...number, at, causeId: `erased:${event.at}` }], ctx.now);
      }
    }
    await flush();
    return outputs;
  }
}
