import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';

import { ErrorBodyFilter } from '@optline/platform';

/**
 * Nest's default RPC filter turns any error thrown by an @EventPattern handler into a plain
 * `{status:'error'}` object, which the stream processor cannot recognise as transient (PostgreSQL down) and
 * would dead-letter. This filter hands the original error back, so transient faults are retried.
 */
@Catch()
export class RethrowRpcErrors implements ExceptionFilter {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}

/** Global filter: HTTP errors leave as `{error, message, details?}`; stream errors go back to the processor. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly http = new ErrorBodyFilter();

  catch(exception: unknown, host: ArgumentsHost): void | Observable<never> {
    if (host.getType() !== 'http') return throwError(() => exception);
    this.http.catch(exception, host);
  }
}
