import { randomUUID } from 'node:crypto';

import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { from, switchMap, type Observable } from 'rxjs';

import { normalisePhone } from '@optline/domain';
import { Clock, Publisher, auditRecord, type Caller } from '@optline/platform';

import { scrubValue } from '../trail/scrub';

/**
 * Every auditor query is itself audited (features.md, gap 11): an `auditor.query` event goes to optline.audit.v1
 * before the answer, naming the route and its parameters. A number asked about becomes the event's subject, so
 * the number's history shows when it was looked up (stored, like every number, as a fingerprint and a masked form).
 * Every query is an event of its own (`audit:query:auditor.query:<uuid>`), keyed by tenant.
 */
@Injectable()
export class AuditorQueryInterceptor implements NestInterceptor {
  constructor(
    private readonly publisher: Publisher,
    private readonly clock: Clock,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request & { caller: Caller }>();
    const { tenant } = request.caller;
    const raw = typeof request.params.e164 === 'string' ? request.params.e164 : undefined;
    const phone = raw ? normalisePhone(raw, tenant.defaultCountry) : undefined;
    const event = auditRecord('audit', {
      subjectId: 'query',
      sequence: randomUUID(),
      tenantId: tenant.id,
      at: this.clock.now(),
      action: 'auditor.query',
      // Only a number becomes the subject: a message's or campaign's timeline stays its own decisions.
      subject: phone?.ok ? { phone: phone.e164 } : {},
      detail: scrubValue({
        route: `${request.method} ${request.route?.path ?? request.path}`,
        params: { ...request.params, ...(phone?.ok ? { e164: phone.e164 } : {}) },
        query: request.query,
        format: String(request.headers.accept ?? '').includes('text/csv') ? 'csv' : 'json',
      }) as Record<string, unknown>,
    });
    return from(this.publisher.emit([event])).pipe(switchMap(() => next.handle()));
  }
}
