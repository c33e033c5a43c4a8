import { EventPattern } from '@nestjs/microservices';

import { TOPICS, type TopicKey, type ValueOf } from '@optline/domain';

import type { Emit } from './emit';
import type { StreamContext, StreamRecord } from './records';

/** One consumed batch of a topic: every record's value already parsed against the topic's schema. */
export type Batch<K extends TopicKey> = Array<StreamRecord<ValueOf<K>>>;

/** A batch handler: the whole batch in (so it can read and write set-based), the records to produce out. */
export type BatchHandler<K extends TopicKey> = (batch: Batch<K>, ctx: StreamContext) => Promise<Emit[]>;

/**
 * The one way a service declares a consumer: `@Consumes('cleared')` on a controller method taking
 * `(@Payload() batch: Batch<'cleared'>, @Ctx() ctx: StreamContext)` and returning `Promise<Emit[]>`. The
 * method's type is checked against the topic, so a handler cannot read or emit the wrong shapes.
 */
export function Consumes<K extends TopicKey>(topic: K) {
  const pattern = EventPattern(TOPICS[topic].name);
  return (target: object, method: string | symbol, descriptor: TypedPropertyDescriptor<BatchHandler<K>>) =>
    pattern(target, method, descriptor);
}
