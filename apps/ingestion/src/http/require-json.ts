import { HttpException, HttpStatus } from '@nestjs/common';
import type { Request } from 'express';

import type { ErrorBody } from '@optline/domain';

const JSON_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i;

/** JSON endpoints take `Content-Type: application/json` (415 otherwise; no body at all is a 400 later). */
export function requireJson(request: Request): void {
  const type = request.headers['content-type'];
  if (type === undefined || JSON_TYPE.test(type.trim())) return;
  const body: ErrorBody = { error: 'unsupported_media_type', message: 'send Content-Type: application/json' };
  throw new HttpException(body, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
}
