import { Server, type CustomTransportStrategy } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';

import { topicByName } from '@optline/domain';

import { checkEmit, toOutRecord, type Emit } from './emit';
import type { StreamContext, StreamHandler, StreamRecord } from './records';
import type { StreamProcessor } from './stream-processor';

/**
 * A Nest microservice transport over the stream processor. A service declares its consumers with
 * `@Consumes(<topic>)` (consumes.ts), one method per topic, taking `(@Payload() batch, @Ctx() ctx)` and
 * returning the `Emit`s to produce. With `checkOutputs` (tests and development), every emitted value is
 * parsed against its topic's schema.
 */
export class KafkaStreamServer extends Server implements CustomTransportStrategy {
  private processor?: StreamProcessor;

  constructor(
    private readonly createProcessor: (handlers: StreamHandler[]) => StreamProcessor,
    private readonly checkOutputs = false,
  ) {
    super();
  }

  get ready(): boolean {
    return this.processor?.ready ?? false;
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      const handlers: StreamHandler[] = [...this.getHandlers()].map(([pattern, handler]) => {
        const topic = topicByName(pattern);
        if (!topic) throw new Error(`@Consumes('${pattern}') names no topic in the contract`);
        return {
          topic,
          handle: async (records: Array<StreamRecord<unknown>>, ctx: StreamContext) => {
            const result = await handler(records, ctx);
            const emitted = (await lastValueFrom(this.transformToObservable(result), {
              defaultValue: [],
            })) as Emit[];
            if (this.checkOutputs) emitted.forEach(checkEmit);
            return emitted.map(toOutRecord);
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
