import { classifyTwilioSend, classifyTwilioStatus } from './twilio.provider';

const error = (code: number, status: number) =>
  JSON.stringify({
    code,
    message: `error ${code}`,
    more_info: `https://www.twilio.com/docs/errors/${code}`,
    status,
  });

describe('classifyTwilioSend', () => {
  it.each([
    [
      201,
      JSON.stringify({ sid: 'SM1', status: 'queued' }),
      { kind: 'accepted', providerMessageId: 'SM1', providerStatus: 'queued' },
    ],
    [
      400,
      error(21211, 400),
      { kind: 'permanent', errorCode: '21211', message: 'error 21211', httpStatus: 400 },
    ],
    [
      400,
      error(21610, 400),
      { kind: 'permanent', errorCode: '21610', message: 'error 21610', httpStatus: 400, optedOut: true },
    ],
    [
      429,
      error(20429, 429),
      { kind: 'transient', errorCode: '20429', message: 'error 20429', httpStatus: 429 },
    ],
    [503, 'Service Unavailable', { kind: 'transient', message: 'Twilio answered HTTP 503', httpStatus: 503 }],
    [
      500,
      error(20500, 500),
      { kind: 'transient', errorCode: '20500', message: 'error 20500', httpStatus: 500 },
    ],
  ])('HTTP %i → %o', (status, body, expected) => {
    expect(classifyTwilioSend(status, body)).toEqual(expected);
  });

  it('treats a success without a sid as an unknown result, not as a rejection', () => {
    expect(classifyTwilioSend(201, '<html>').kind).toBe('ambiguous');
  });
});

describe('classifyTwilioStatus', () => {
  it('finds, misses, or cannot tell', () => {
    expect(classifyTwilioStatus(200, JSON.stringify({ sid: 'SM1', status: 'delivered' }))).toEqual({
      kind: 'found',
      providerMessageId: 'SM1',
      providerStatus: 'delivered',
    });
    expect(classifyTwilioStatus(404, error(20404, 404))).toEqual({ kind: 'not_found' });
    expect(classifyTwilioStatus(503, '').kind).toBe('unavailable');
  });
});
