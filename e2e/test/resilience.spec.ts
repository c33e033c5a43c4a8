import { SERVICES, TOPICS, type MessageOutcome } from '@optline/domain';

import { message } from './support/builders';
import { numberWhere } from './support/recipients';
import { Stack } from './support/stack';

jest.setTimeout(600000);

describe('crash resilience end to end', () => {
  const stack = new Stack();
  beforeAll(() => stack.start());
  afterAll(() => stack.stop());

  it('loses nothing and sends nothing twice while each service in turn is killed with SIGKILL and restarted', async () => {
    const recipients = Array.from({ length: 20 }, (_, i) => numberWhere('open', 500 + i));
    const ids: string[] = [];
    let running = true;
    let n = 0;
    const stream = (async () => {
      while (running) {
        const batch = recipients.map((to) =>
          message('demo', to, { purpose: 'transactional', body: `Your code is ${100000 + n++}` }),
        );
        ids.push(...batch.map((m) => m.id));
        await stack.send('messages', batch);
        await new Promise((done) => setTimeout(done, 500));
      }
    })();

    for (const service of SERVICES) {
      await new Promise((done) => setTimeout(done, 3000));
      await stack.kill(service);
    }
    await new Promise((done) => setTimeout(done, 3000));
    running = false;
    await stream;

    const sent = () =>
      stack.probe.on<MessageOutcome>(TOPICS.outcomes.name).filter((o) => o.status === 'sent');
    await stack.probe.waitFor(
      () => new Set(sent().map((o) => o.messageId)).size >= ids.length,
      180000,
      `${ids.length} sent`,
    );
    // One more message to every recipient, after all the restarts: delivery handles a recipient's messages in
    // order, so once these are sent, any second `sent` a replay could add for that recipient is out too.
    const markers = recipients.map((to, i) =>
      message('demo', to, { purpose: 'transactional', body: `Your code is ${900000 + i}` }),
    );
    await stack.send('messages', markers);
    await stack.probe.waitFor(
      () => markers.every((marker) => sent().some((o) => o.messageId === marker.id)),
      180000,
      'the messages sent after the restarts',
    );
    ids.push(...markers.map((marker) => marker.id));

    const perMessage = new Map<string, number>();
    for (const outcome of sent())
      perMessage.set(outcome.messageId, (perMessage.get(outcome.messageId) ?? 0) + 1);
    expect(ids.filter((id) => !perMessage.has(id))).toEqual([]);
    expect([...perMessage].filter(([, count]) => count > 1)).toEqual([]);
    expect(ids.length).toBeGreaterThan(300);
  });
});
