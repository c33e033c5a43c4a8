// Where local infrastructure lives and which addresses it uses, from the environment:
//   KAFKA_BROKERS                  default 127.0.0.1:9092 (the first entry is probed, and started when local)
//   OPTLINE_KAFKA_PORT             client (PLAINTEXT) port, default: the port of KAFKA_BROKERS, else 9092
//   OPTLINE_KAFKA_CONTROLLER_PORT  KRaft controller port, default: client port + 1
//   OPTLINE_KAFKA_DIR              state dir (data, log, pid, config), default <repo>/.local/kafka
//   OPTLINE_KAFKA_DATA_DIR         log.dirs, default $OPTLINE_KAFKA_DIR/data
//   DATABASE_URL                   default postgres://postgres@127.0.0.1:5432/optline
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const POM = path.join(REPO_ROOT, 'tools', 'kafka', 'pom.xml');
const LOCAL_KAFKA = path.join(REPO_ROOT, '.local', 'kafka');
/** The broker's and the tools' jars, shared by every state dir and stamped with the pom they came from. */
export const LIBS_DIR = path.join(LOCAL_KAFKA, 'libs');

export const DEFAULT_BROKERS = '127.0.0.1:9092';
export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/optline';

export const defaultLog = (msg) => process.stderr.write(`[infra] ${msg}\n`);

/** Files of the broker managed for the current state dir. */
export function paths() {
  const dir = path.resolve(process.env.OPTLINE_KAFKA_DIR || LOCAL_KAFKA);
  return {
    dir,
    data: path.resolve(process.env.OPTLINE_KAFKA_DATA_DIR || path.join(dir, 'data')),
    log: path.join(dir, 'server.log'),
    pid: path.join(dir, 'kafka.pid'),
    config: path.join(dir, 'server.properties'),
    log4j: path.join(dir, 'log4j2.properties'),
    lock: path.join(dir, '.start.lock'),
  };
}

function parseBrokers(brokers) {
  const list = Array.isArray(brokers) ? brokers : String(brokers || DEFAULT_BROKERS).split(',');
  const first = list.map((s) => String(s).trim()).filter(Boolean)[0] || DEFAULT_BROKERS;
  const m = /^(?:[a-z]+:\/\/)?(\[[^\]]+\]|[^:]+)(?::(\d+))?$/i.exec(first);
  if (!m) throw new Error(`cannot parse Kafka broker address "${first}" (expected host:port)`);
  return { host: m[1].replace(/^\[|\]$/g, ''), port: m[2] ? Number(m[2]) : 9092 };
}

function envPort(name) {
  const v = process.env[name];
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new Error(`${name}=${v} is not a valid port`);
  return n;
}

/** The broker to probe or start: host, client port, controller port and "host:port". */
export function kafkaTarget(brokers = process.env.KAFKA_BROKERS ?? DEFAULT_BROKERS) {
  const { host, port: brokerPort } = parseBrokers(brokers);
  const port = envPort('OPTLINE_KAFKA_PORT') ?? brokerPort;
  const controllerPort = envPort('OPTLINE_KAFKA_CONTROLLER_PORT') ?? port + 1;
  if (controllerPort === port) throw new Error(`Kafka client and controller port are both ${port}`);
  const address = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  return { host, port, controllerPort, address };
}

export function isLoopback(host) {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}
