import type { RequestHandler } from 'express';
import { json } from 'express';

import type { ErrorBody } from '@optline/domain';

/**
 * Parses `application/json` bodies up to `limit` bytes and answers parser failures in the contract's error
 * shape: malformed JSON is a 400 `validation_failed` at `(root)`, too large a 413, a bad charset a 415. Other
 * content types are left unread (the CSV import streams its body).
 */
export function jsonBodies(limit: number): RequestHandler {
  const parse = json({ limit });
  return (request, response, next) => {
    parse(request, response, (error?: unknown) => {
      if (error === undefined || error === null) return next();
      const { status, body } = parserError(error as Error & { type?: string; status?: number });
      response.status(status).json(body);
    });
  };
}

function parserError(error: Error & { type?: string; status?: number }): { status: number; body: ErrorBody } {
  if (error.type === 'entity.parse.failed') {
    return {
      status: 400,
      body: {
        error: 'validation_failed',
        message: 'the body is not valid JSON',
        details: [{ path: '(root)', message: error.message }],
      },
    };
  }
  if (error.type === 'entity.too.large')
    return { status: 413, body: { error: 'payload_too_large', message: error.message } };
  if (error.type === 'charset.unsupported' || error.type === 'encoding.unsupported') {
    return { status: 415, body: { error: 'unsupported_media_type', message: error.message } };
  }
  return { status: error.status ?? 400, body: { error: 'bad_request', message: error.message } };
}
