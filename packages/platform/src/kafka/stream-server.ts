import { Server, type CustomTransportStrategy } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';

import { topicByName } from '@optline/domain';

import type { OutRecord, StreamContext, StreamHandler, StreamRecord } from './records';
import type { StreamProcessor } from './stream-processor';

/**
 * A Nest microservice transport over the stream processor. A service declares its consumers the Nest way,
 * one `@EventPattern(<contract topic name>)` method per topic, taking `(@Payload() records, @Ctx() ctx)`
 * and returning the records to produce.
 */
export class KafkaStreamServer extends Server implements CustomTransportStrategy {
  private processor?: StreamProcessor;

  constructor(private readonly createProcessor: (handlers: StreamHandler[]) => StreamProcessor) {
    super();
  }

  get ready(): boolean {
    return this.processor?.ready ?? false;
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      const handlers: StreamHandler[] = [...this.getHandlers()].map(([pattern, handler]) => {
        const topic = topicByName(pattern);
        if (!topic) throw new Error(`@EventPattern('${pattern}') names no topic in the contract`);
        return {
          topic,
          handle: async (records: Array<StreamRecord<unknown>>, ctx: StreamContext) => {
            const result = await handler(records, ctx);
            return lastValueFrom(this.transformToObservable(result), { defaultValue: [] }) as Promise<
              OutRecord[]
            >;
          },
        };
      });
      this.processor = this.createProcessor(handlers);
      await this.processor.start();
      callback();
    } catch (error) {
      callback(error);
    }
  }

  async close(): Promise<void> {
    await this.processor?.stop();
  }

  on(): void {
    // The stream processor reports its state through `ready` and metrics.
  }

  unwrap<T>(): T {
    return this.processor as T;
  }
}
