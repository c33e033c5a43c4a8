import { ArgumentsHost, Catch, HttpException, HttpStatus, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { throwError, type Observable } from 'rxjs';

import type { ErrorBody, FieldError } from '@optline/domain';

/** A 400 whose details name each offending field (`3.to`). */
export class ValidationFailed extends HttpException {
  constructor(details: FieldError[], message = 'the request body does not match the contract') {
    super({ error: 'validation_failed', message, details } satisfies ErrorBody, HttpStatus.BAD_REQUEST);
  }
}

const ERROR_NAMES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  404: 'not_found',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
  503: 'unavailable',
};

/**
 * Every HTTP error leaves as JSON `{error, message, details?}` (CONTRACT §4). An error thrown by a Kafka
 * consumer goes back to the stream processor unchanged: Nest's own filter would turn it into a plain object,
 * and a transient fault (PostgreSQL down) must stay recognisable so it is retried, not dead-lettered.
 */
@Catch()
export class ErrorBodyFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void | Observable<never> {
    if (host.getType() !== 'http') return throwError(() => exception);
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;
    const status = statusOf(exception);
    response.status(status).json(bodyOf(exception, status));
  }
}

function statusOf(exception: unknown): number {
  if (exception instanceof HttpException) return exception.getStatus();
  const status =
    (exception as { status?: unknown; statusCode?: unknown }).status ??
    (exception as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500;
}

function bodyOf(exception: unknown, status: number): ErrorBody {
  if (exception instanceof HttpException) {
    const body = exception.getResponse();
    if (
      typeof body === 'object' &&
      body !== null &&
      'error' in body &&
      'message' in body &&
      typeof (body as ErrorBody).error === 'string' &&
      /^[a-z_]+$/.test((body as ErrorBody).error)
    ) {
      return body as ErrorBody;
    }
    const message =
      typeof body === 'string' ? body : String((body as { message?: unknown }).message ?? exception.message);
    return { error: ERROR_NAMES[status] ?? 'error', message };
  }
  // body-parser errors: malformed JSON (400), too large (413), bad charset (415).
  const type = (exception as { type?: unknown }).type;
  if (type === 'entity.parse.failed') {
    return {
      error: 'validation_failed',
      message: 'body is not valid JSON',
      details: [{ path: '(root)', message: (exception as Error).message }],
    };
  }
  if (status < 500) return { error: ERROR_NAMES[status] ?? 'error', message: (exception as Error).message };
  return { error: 'internal', message: 'internal error' };
}
