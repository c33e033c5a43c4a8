import { TOPICS, optOutConfirmation, type ClearedItem } from '@optline/domain';

import { nextId, night, recipient, screened, screenedKey, workMessage } from './builders';
import { PipelineHarness } from './harness';

jest.setTimeout(120000);

describe('a STOP while a message waits (consent and scheduling together)', () => {
  let pipeline: PipelineHarness;

  beforeAll(async () => {
    pipeline = await PipelineHarness.start('stop-deferred', [
      TOPICS.released.name,
      TOPICS.outcomes.name,
      TOPICS.cleared.name,
    ]);
    await Promise.all([pipeline.run('consent'), pipeline.run('scheduling')]);
  });

  afterAll(async () => {
    await pipeline.stop();
  });

  it('cancels the deferred message, releases nothing for it, and confirms once though the STOP came twice', async () => {
    const to = recipient('+447700900301', night().zone);
    const message = workMessage(to);
    delete message.consentEventId;
    await pipeline.producer.send(
      TOPICS.screened.name,
      [screened.optIn(to.e164), screened.message(message)],
      screenedKey,
    );
    await pipeline.waitFor(() => pipeline.outcomes(message.messageId).length === 1, 'the deferral');
    expect(pipeline.outcomes(message.messageId)[0]).toMatchObject({
      status: 'deferred',
      reason: 'QUIET_HOURS',
    });

    const stopId = nextId('inbound');
    const stop = screened.reply(to, stopId, 'STOP');
    await pipeline.producer.send(
      TOPICS.screened.name,
      [stop, stop, screened.reply(to, nextId('inbound'), 'Stop')],
      screenedKey,
    );
    const confirmationId = `${stopId}:confirmation`;
    await pipeline.waitFor(
      () =>
        pipeline.outcomes(message.messageId).length === 2 && pipeline.releasedIds().includes(confirmationId),
      'the cancellation and the confirmation',
    );
    await new Promise((done) => setTimeout(done, 2000)); // a second confirmation or a release would be here by now

    expect(pipeline.outcomes(message.messageId).map((outcome) => [outcome.status, outcome.reason])).toEqual([
      ['deferred', 'QUIET_HOURS'],
      ['cancelled', 'OPTED_OUT'],
    ]);
    expect(pipeline.releasedIds()).not.toContain(message.messageId);
    const confirmations = pipeline.released().filter((item) => item.message.recipient.e164 === to.e164);
    expect(confirmations.map((item) => [item.message.messageId, item.message.kind])).toEqual([
      [confirmationId, 'confirmation'],
    ]);
    expect(confirmations[0]?.message.body).toBe(optOutConfirmation('Optline Demo', undefined, 'GB'));
    const cleared = pipeline.probe
      .on<ClearedItem>(TOPICS.cleared.name)
      .filter((item) => item.message.kind === 'confirmation');
    expect(cleared).toHaveLength(1);
  });
});
