// Is a usable Kafka broker answering? A TCP connect first, so a closed port answers "down" at once, then
// a metadata request through the Kafka client's admin API, bounded by a timeout (librdkafka itself
// would keep reconnecting for ever).
import net from 'node:net';

/** 'open' | 'closed' (refused, unreachable, unknown host) | 'silent' (no answer within timeoutMs) */
export function tcpState(host, port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const sock = net.connect({ host, port });
    const done = (state) => {
      clearTimeout(timer);
      sock.destroy();
      resolve(state);
    };
    const timer = setTimeout(() => done('silent'), timeoutMs);
    sock.on('connect', () => done('open'));
    sock.on('error', () => done('closed'));
  });
}

async function loadClient() {
  try {
    return (await import('@confluentinc/kafka-javascript')).default.KafkaJS;
  } catch (e) {
    throw new Error(
      `the Kafka client (@confluentinc/kafka-javascript) does not load in Node ${process.version}: ${e.message}. ` +
        'Run through npm (its scripts use the Node 24 of node_modules/.bin) or put that Node first on PATH.',
      { cause: e },
    );
  }
}

/**
 * Returns { kind: 'down' | 'unknown' | 'starting' | 'ready', topics?, error? }: 'down' when nothing
 * listens, 'unknown' when the port does not answer a TCP connect in time, 'starting' when it accepts
 * connections but answers no metadata request within timeoutMs (a broker still starting, or not Kafka).
 */
export async function probeKafka(host, port, timeoutMs = 3000) {
  const tcp = await tcpState(host, port, Math.min(timeoutMs, 1000));
  if (tcp === 'closed') return { kind: 'down' };
  if (tcp === 'silent') return { kind: 'unknown', error: new Error(`no TCP answer from ${host}:${port}`) };
  const { Kafka, logLevel } = await loadClient();
  const broker = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  const admin = new Kafka({
    kafkaJS: { brokers: [broker], clientId: 'optline-infra', logLevel: logLevel.NOTHING },
  }).admin();
  try {
    await admin.connect();
    const topics = await admin.listTopics({ timeout: timeoutMs });
    return { kind: 'ready', topics: topics.length };
  } catch (error) {
    return { kind: 'starting', error };
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
