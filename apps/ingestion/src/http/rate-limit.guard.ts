import { createHash } from 'node:crypto';

import {
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import type { Request, Response } from 'express';

import type { ErrorBody } from '@optline/domain';
import { Clock } from '@optline/platform';

import { INGESTION_CONFIG, type IngestionConfig } from '../config/ingestion.config';
import { TokenBuckets } from './token-bucket';

/**
 * Per-API-key rate limit (429 with Retry-After in seconds). Runs after ApiKeyGuard, so only valid keys
 * consume or create buckets.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly buckets: TokenBuckets;

  constructor(
    @Inject(INGESTION_CONFIG) private readonly config: IngestionConfig,
    private readonly clock: Clock,
  ) {
    this.buckets = new TokenBuckets(config.rateLimitPerSecond, config.rateLimitBurst);
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    // ApiKeyGuard has already checked the header; the bucket is the key's, however "Bearer" is spelled.
    const key = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '';
    const caller = createHash('sha256').update(key).digest('hex');
    const waitMs = this.buckets.take(caller, this.clock.now().getTime());
    if (waitMs === 0) return true;
    context
      .switchToHttp()
      .getResponse<Response>()
      .setHeader('Retry-After', String(Math.max(1, Math.ceil(waitMs / 1000))));
    const { rateLimitPerSecond: rate, rateLimitBurst: burst } = this.config;
    throw new HttpException(
      {
        error: 'too_many_requests',
        message: `more than ${rate} requests/s (burst ${burst}) for this API key`,
      } satisfies ErrorBody,
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}
