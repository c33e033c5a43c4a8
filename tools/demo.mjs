// The demo stream of `npm start`: two tenants, several countries, invalid and landline numbers, consents
// with proof, STOP and HELP replies, quiet-hours recipients; the delivery simulator answers with receipts.
// It shows a live summary of what comes out: rate, outcomes by status and reason, deferrals waiting.
import { brokersFromEnv, createKafka, createProducer } from './lib/kafka.mjs';
import { random, recipients, sendRequest, setupRecords } from './lib/workload.mjs';

const TENANTS = [
  { id: 'demo', allowed: undefined },
  { id: 'acme-eu', allowed: ['FR', 'DE', 'GB', 'ES', 'CN', 'US'] },
];

export async function runDemo({
  brokers = brokersFromEnv(),
  prefix = '',
  write = (text) => process.stdout.write(text),
} = {}) {
  const kafka = createKafka('optline-demo', brokers);
  const producer = createProducer(kafka);
  await producer.connect();
  const send = (topic, values, keyOf) =>
    producer.send({
      topic: `${prefix}${topic}`,
      messages: values.map((value) => ({ key: keyOf(value), value: JSON.stringify(value) })),
    });

  const summary = new Summary();
  const consumer = kafka.consumer({
    kafkaJS: { groupId: `optline-demo-${Date.now()}`, fromBeginning: false, maxWaitTimeInMs: 200 },
  });
  await consumer.connect();
  await consumer.subscribe({ topics: [`${prefix}optline.outcomes.v1`, `${prefix}optline.dlq.v1`] });
  await consumer.run({
    eachMessage: async ({ topic, message }) => {
      const value = JSON.parse(message.value.toString());
      if (topic.endsWith('optline.dlq.v1')) summary.deadLetter(value);
      else summary.outcome(value);
    },
  });

  const people = TENANTS.flatMap((tenant, index) =>
    recipients({
      tenantId: tenant.id,
      count: 80,
      seed: (Date.now() % 100000) + index,
      allowed: tenant.allowed,
    }),
  );
  for (const person of people) {
    const { contact, consents } = setupRecords(person);
    await send('optline.contacts.v1', [contact], (v) => `${v.tenantId}:${v.externalId}`);
    if (consents.length) await send('optline.consents.v1', consents, (v) => `${v.tenantId}:${v.phone}`);
  }
  // One malformed record, to show the dead-letter topic at work.
  await producer.send({
    topic: `${prefix}optline.messages.v1`,
    messages: [{ key: 'demo:broken', value: '{"id": "broken"' }],
  });

  const rnd = random(42);
  let n = 0;
  let stopped = false;
  const tick = async () => {
    const batch = [];
    for (let i = 0; i < 8; i++) {
      const person = people[Math.floor(rnd() * people.length)];
      const purpose = rnd() < 0.75 ? 'marketing' : 'transactional';
      batch.push(sendRequest(person, n++, { purpose, prefix: `demo${Date.now().toString(36)}` }));
    }
    summary.fed += batch.length;
    await send('optline.messages.v1', batch, (v) => `${v.tenantId}:${v.id}`);
    if (rnd() < 0.3) {
      const person = people[Math.floor(rnd() * people.length)];
      const text = ['STOP', 'HELP', 'Thanks, see you Saturday', 'arrêt', 'stop texting me please'][
        Math.floor(rnd() * 5)
      ];
      summary.replies += 1;
      await send(
        'optline.inbound.v1',
        [
          {
            id: `reply-${Date.now()}-${n}`,
            tenantId: person.tenantId,
            occurredAt: new Date().toISOString(),
            from: person.phone,
            to: 'OPTLINE',
            text,
          },
        ],
        (v) => `${v.tenantId}:${v.from}`,
      );
    }
  };
  const feeder = setInterval(() => void tick().catch(() => undefined), 500);
  const screen = setInterval(() => write(summary.render()), 1000);

  return async function stop() {
    if (stopped) return;
    stopped = true;
    clearInterval(feeder);
    clearInterval(screen);
    await consumer.disconnect().catch(() => undefined);
    await producer.disconnect().catch(() => undefined);
  };
}

/** Counts what comes out and draws it. */
class Summary {
  fed = 0;
  replies = 0;
  started = Date.now();
  byStatus = new Map();
  byReason = new Map();
  lastStatus = new Map();
  recent = [];
  deadLetters = 0;

  outcome(outcome) {
    this.byStatus.set(outcome.status, (this.byStatus.get(outcome.status) ?? 0) + 1);
    if (outcome.reason)
      this.byReason.set(
        `${outcome.status} ${outcome.reason}`,
        (this.byReason.get(`${outcome.status} ${outcome.reason}`) ?? 0) + 1,
      );
    this.lastStatus.set(`${outcome.tenantId}:${outcome.messageId}`, outcome.status);
    this.recent.push(Date.now());
  }

  deadLetter() {
    this.deadLetters += 1;
  }

  render() {
    const now = Date.now();
    this.recent = this.recent.filter((at) => now - at < 5000);
    const waiting = [...this.lastStatus.values()].filter((status) => status === 'deferred').length;
    const settled = [...this.lastStatus.values()].filter((status) => status !== 'deferred').length;
    const width = 30;
    const done = this.fed === 0 ? 0 : Math.min(1, settled / this.fed);
    const bar = `${'█'.repeat(Math.round(done * width))}${'░'.repeat(width - Math.round(done * width))}`;
    const rows = [
      `\x1b[H\x1b[2J Optline demo  ·  ${Math.round((now - this.started) / 1000)} s  ·  Ctrl-C stops everything`,
      '',
      ` fed ${this.fed} messages, ${this.replies} replies   outcomes ${(this.recent.length / 5).toFixed(1)}/s   dead letters ${this.deadLetters}`,
      ` settled ${bar} ${Math.round(done * 100)}%   deferrals waiting ${waiting}`,
      '',
      ' by status',
      ...[...this.byStatus]
        .sort()
        .map(([status, count]) => `   ${status.padEnd(12)} ${String(count).padStart(6)}`),
      '',
      ' by reason',
      ...[...this.byReason]
        .sort()
        .map(([reason, count]) => `   ${reason.padEnd(36)} ${String(count).padStart(6)}`),
      '',
      ' service logs: .local/logs/<service>.log',
      '',
    ];
    return rows.join('\n');
  }
}
