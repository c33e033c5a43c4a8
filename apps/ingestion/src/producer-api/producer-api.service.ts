import { randomUUID } from 'node:crypto';

import { HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { z } from 'zod';

import { ErasureBody, HTTP_BODIES, type ErrorBody } from '@optline/domain';
import { Clock, Publisher, ValidationFailed, emit, type Emit } from '@optline/platform';

import { forwardErasure, forwardResume, type InputTopic, type InputValue } from '../intake/forwarding';
import { publishInChunks } from './chunked-publish';
import { parseBodies } from './http-bodies';

export interface Accepted {
  accepted: string[];
}

const CampaignIdParam = z.string().min(1).max(128);

/**
 * The producer HTTP API. Inputs are checked against the contract, given the key's tenant, and published to
 * their input topic exactly as a Kafka producer would; the intake consumer then applies idempotency and
 * forwards them. So HTTP and Kafka inputs share one idempotency store and one forwarding path, and an
 * HTTP re-submission of a seen id is answered 202 like any other but forwards nothing.
 */
@Injectable()
export class ProducerApiService {
  constructor(
    private readonly publisher: Publisher,
    private readonly clock: Clock,
  ) {}

  async submit(topic: InputTopic, body: unknown, tenantId: string): Promise<Accepted> {
    const parsed = parseBodies<object>(HTTP_BODIES[topic] as z.ZodType<object>, body);
    if (!parsed.ok) throw new ValidationFailed(parsed.errors);
    const values = parsed.items.map((item) => ({ ...item, tenantId }) as InputValue<InputTopic>);
    await this.publish(values.map((value) => emit(topic, value)));
    return { accepted: values.map((value) => value.id) };
  }

  /** The right to erasure: a request id is assigned here; validation, consent and audit carry it out. */
  async erase(body: unknown, tenantId: string): Promise<Accepted> {
    const parsed = parseBodies(ErasureBody, body);
    if (!parsed.ok) throw new ValidationFailed(parsed.errors);
    if (parsed.items.length !== 1)
      throw new ValidationFailed([{ path: '(root)', message: 'send one erasure object' }]);
    const now = this.clock.now();
    const request = {
      ...parsed.items[0]!,
      id: `erasure-${randomUUID()}`,
      tenantId,
      occurredAt: now.toISOString(),
    };
    await this.publish([forwardErasure(request, now)]);
    return { accepted: [request.id] };
  }

  async resume(campaignId: string, tenantId: string): Promise<Accepted> {
    if (!CampaignIdParam.safeParse(campaignId).success) {
      throw new ValidationFailed([{ path: 'campaignId', message: 'must be 1-128 characters' }]);
    }
    const now = this.clock.now();
    const resume = { id: `resume-${randomUUID()}`, tenantId, occurredAt: now.toISOString(), campaignId };
    await this.publish([forwardResume(resume, now)]);
    return { accepted: [resume.id] };
  }

  private async publish(records: Emit[]): Promise<void> {
    try {
      await publishInChunks(this.publisher, records);
    } catch (error) {
      const body: ErrorBody = {
        error: 'unavailable',
        message: `Kafka did not acknowledge the request (${(error as Error).message}); retry it whole: ids already received are recognised and dropped`,
      };
      throw new HttpException(body, HttpStatus.SERVICE_UNAVAILABLE);
    }
  }
}
