#!/usr/bin/env node
// Local infrastructure for Optline developers and CI: a real Apache Kafka broker
// (single-node KRaft, broker + controller in one JVM, no Docker) and the PostgreSQL
// database.
//
//   node tools/infra.mjs up       start Kafka (if nothing answers yet) and create the database
//   node tools/infra.mjs down     stop the Kafka broker started by this script
//   node tools/infra.mjs status   show what answers where (exit 1 when something is missing)
//   node tools/infra.mjs db       only create the database
//   node tools/infra.mjs reset    stop Kafka and delete its data (topics, offsets)
//
// As a library:
//   import { ensureKafka, stopKafka, ensureDatabase, kafkaStatus } from './tools/infra.mjs';
//
// Needs Java 17+ to run the broker and Maven (only the first time, to fetch the jars
// listed by tools/kafka/pom.xml into .local/kafka/libs). Only Node built-ins are used,
// plus the `pg` package, loaded lazily by ensureDatabase().
//
// Environment (all optional):
//   KAFKA_BROKERS                  default 127.0.0.1:9092 (first entry is probed/started)
//   OPTLINE_KAFKA_PORT             client (PLAINTEXT) port, default: port of KAFKA_BROKERS, else 9092
//   OPTLINE_KAFKA_CONTROLLER_PORT  KRaft controller port, default 9093 (client port + 1)
//   OPTLINE_KAFKA_DIR              state dir (data, log, pid, config), default <repo>/.local/kafka
//   OPTLINE_KAFKA_DATA_DIR         log.dirs, default $OPTLINE_KAFKA_DIR/data
//   OPTLINE_KAFKA_START_TIMEOUT_MS default 90000
//   OPTLINE_KAFKA_HEAP_OPTS        default "-Xms256m -Xmx1g"
//   DATABASE_URL                   default postgres://postgres@127.0.0.1:5432/optline
//   JAVA_HOME                      used to find java when set

import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SCRIPT_DIR = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(SCRIPT_DIR, '..');
const POM = path.join(SCRIPT_DIR, 'kafka', 'pom.xml');
const LOCAL_KAFKA = path.join(REPO_ROOT, '.local', 'kafka');
const LIBS_DIR = path.join(LOCAL_KAFKA, 'libs'); // shared by every instance, version-stamped
const LIBS_STAMP = path.join(LIBS_DIR, '.optline-libs-stamp');

const DEFAULT_BROKERS = '127.0.0.1:9092';
const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/optline';
const NODE_ID = 1;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const defaultLog = (msg) => process.stderr.write(`[infra] ${msg}\n`);

// ---------------------------------------------------------------------------
// configuration

function stateDir() {
  return path.resolve(process.env.OPTLINE_KAFKA_DIR || LOCAL_KAFKA);
}

function paths() {
  const dir = stateDir();
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

function kafkaTarget(brokers) {
  const { host, port: brokerPort } = parseBrokers(brokers);
  const port = envPort('OPTLINE_KAFKA_PORT') ?? brokerPort;
  const controllerPort = envPort('OPTLINE_KAFKA_CONTROLLER_PORT') ?? port + 1;
  if (controllerPort === port) throw new Error(`Kafka client and controller port are both ${port}`);
  return { host, port, controllerPort };
}

function isLoopback(host) {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

function pinnedKafkaVersion() {
  const pom = fs.readFileSync(POM, 'utf8');
  const m = /<kafka\.version>\s*([^<\s]+)\s*<\/kafka\.version>/.exec(pom);
  if (!m) throw new Error(`${POM} has no <kafka.version> property`);
  return { version: m[1], pomHash: createHash('sha256').update(pom).digest('hex').slice(0, 16) };
}

// ---------------------------------------------------------------------------
// minimal Kafka wire protocol (ApiVersions v0 + Metadata v1..v8), Node built-ins only

function kafkaRequest(host, port, apiKey, apiVersion, body, timeoutMs = 3000) {
  return new Promise((resolve, reject) => {
    const clientId = Buffer.from('optline-infra');
    const header = Buffer.alloc(2 + 2 + 4 + 2);
    const correlationId = 0x0f71;
    header.writeInt16BE(apiKey, 0);
    header.writeInt16BE(apiVersion, 2);
    header.writeInt32BE(correlationId, 4);
    header.writeInt16BE(clientId.length, 8);
    const payload = Buffer.concat([header, clientId, body]);
    const size = Buffer.alloc(4);
    size.writeInt32BE(payload.length, 0);

    let buf = Buffer.alloc(0);
    let settled = false;
    const sock = net.connect({ host, port });
    const done = (err, val) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      sock.destroy();
      if (err) reject(err);
      else resolve(val);
    };
    const timer = setTimeout(() => {
      const e = new Error(`no Kafka response from ${host}:${port} within ${timeoutMs} ms`);
      e.code = 'KAFKA_TIMEOUT';
      done(e);
    }, timeoutMs);
    sock.on('connect', () => sock.write(Buffer.concat([size, payload])));
    sock.on('data', (chunk) => {
      buf = Buffer.concat([buf, chunk]);
      if (buf.length < 4) return;
      const len = buf.readInt32BE(0);
      if (len < 4 || len > 64 * 1024 * 1024) {
        const e = new Error(`${host}:${port} answered with something that is not a Kafka response`);
        e.code = 'NOT_KAFKA';
        return done(e);
      }
      if (buf.length < 4 + len) return;
      if (buf.readInt32BE(4) !== correlationId) {
        const e = new Error(`${host}:${port} answered with a mismatched correlation id (not Kafka?)`);
        e.code = 'NOT_KAFKA';
        return done(e);
      }
      done(null, buf.subarray(8, 4 + len));
    });
    sock.on('end', () => {
      const e = new Error(`${host}:${port} closed the connection without a Kafka response`);
      e.code = 'KAFKA_CLOSED';
      done(e);
    });
    sock.on('error', (e) => done(e));
  });
}

class Reader {
  constructor(buf) {
    this.buf = buf;
    this.off = 0;
  }
  int16() {
    const v = this.buf.readInt16BE(this.off);
    this.off += 2;
    return v;
  }
  int32() {
    const v = this.buf.readInt32BE(this.off);
    this.off += 4;
    return v;
  }
  string() {
    const n = this.int16();
    if (n < 0) return null;
    const v = this.buf.toString('utf8', this.off, this.off + n);
    this.off += n;
    return v;
  }
}

async function apiVersions(host, port, timeoutMs) {
  const r = new Reader(await kafkaRequest(host, port, 18, 0, Buffer.alloc(0), timeoutMs));
  const errorCode = r.int16();
  const n = r.int32();
  if (n < 0 || n > 1000) {
    const e = new Error(`${host}:${port} sent a malformed ApiVersions response (not Kafka?)`);
    e.code = 'NOT_KAFKA';
    throw e;
  }
  const apis = new Map();
  for (let i = 0; i < n; i++) apis.set(r.int16(), { min: r.int16(), max: r.int16() });
  return { errorCode, apis };
}

async function metadata(host, port, version, timeoutMs) {
  // topics: empty array (v1+ means "no topics"), then version-dependent booleans
  const parts = [Buffer.from([0, 0, 0, 0])];
  if (version >= 4) parts.push(Buffer.from([0])); // allow_auto_topic_creation
  if (version >= 8) parts.push(Buffer.from([0, 0])); // include cluster/topic authorized operations
  const r = new Reader(await kafkaRequest(host, port, 3, version, Buffer.concat(parts), timeoutMs));
  if (version >= 3) r.int32(); // throttle_time_ms
  const brokers = [];
  const n = r.int32();
  for (let i = 0; i < n; i++) {
    brokers.push({ nodeId: r.int32(), host: r.string(), port: r.int32(), rack: r.string() });
  }
  const clusterId = version >= 2 ? r.string() : null;
  const controllerId = r.int32();
  return { brokers, clusterId, controllerId };
}

/**
 * Honest "is a usable Kafka broker answering at host:port?" check: ApiVersions (proves it
 * speaks Kafka), then a Metadata request that must list at least one broker and a controller.
 * Returns { kind: 'down' | 'not-kafka' | 'starting' | 'ready', ... }.
 */
async function probeKafka(host, port, timeoutMs = 3000) {
  let av;
  try {
    av = await apiVersions(host, port, timeoutMs);
  } catch (e) {
    if (['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'ENOTFOUND'].includes(e.code)) {
      return { kind: 'down', error: e };
    }
    if (e.code === 'ECONNRESET' || e.code === 'KAFKA_CLOSED' || e.code === 'KAFKA_TIMEOUT') {
      // a Kafka broker that is still starting (or shutting down) may accept and drop/stall
      return { kind: 'unknown', error: e };
    }
    return { kind: 'not-kafka', error: e };
  }
  if (av.errorCode !== 0 || !av.apis.has(3))
    return { kind: 'not-kafka', error: new Error('bad ApiVersions') };
  const { min, max } = av.apis.get(3);
  const version = Math.min(8, max);
  if (version < Math.max(1, min)) return { kind: 'starting', error: new Error('no usable Metadata version') };
  try {
    const md = await metadata(host, port, version, timeoutMs);
    if (md.brokers.length > 0 && md.controllerId >= 0) return { kind: 'ready', ...md };
    return { kind: 'starting', ...md };
  } catch (e) {
    return { kind: 'starting', error: e };
  }
}

function portInUse(host, port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const sock = net.connect({ host, port });
    const t = setTimeout(() => {
      sock.destroy();
      resolve(true);
    }, timeoutMs);
    sock.on('connect', () => {
      clearTimeout(t);
      sock.destroy();
      resolve(true);
    });
    sock.on('error', () => {
      clearTimeout(t);
      resolve(false);
    });
  });
}

// ---------------------------------------------------------------------------
// processes

function readPid(pidFile) {
  try {
    const n = Number(fs.readFileSync(pidFile, 'utf8').trim());
    return Number.isInteger(n) && n > 0 ? n : null;
  } catch {
    return null;
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return e.code === 'EPERM';
  }
  try {
    // a zombie (exited, not yet reaped) still accepts signal 0
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    if (state === 'Z' || state === 'X') return false;
  } catch {
    /* no procfs (macOS): trust kill(0) */
  }
  return true;
}

function commandLine(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    const r = spawnSync('ps', ['-p', String(pid), '-o', 'command='], { encoding: 'utf8' });
    return r.status === 0 ? r.stdout.trim() : '';
  }
}

/** pid of the broker this script started for the current state dir, if it is still running */
function ourKafkaPid(p = paths()) {
  const pid = readPid(p.pid);
  if (!pid || !isAlive(pid)) return null;
  const cmd = commandLine(pid);
  // guard against pid reuse: it must be a kafka.Kafka JVM using our config
  if (cmd && (!cmd.includes('kafka.Kafka') || !cmd.includes(p.config))) return null;
  return pid;
}

function findJava() {
  const candidates = [];
  if (process.env.JAVA_HOME) candidates.push(path.join(process.env.JAVA_HOME, 'bin', 'java'));
  candidates.push('java');
  for (const java of candidates) {
    const r = spawnSync(java, ['-version'], { encoding: 'utf8' });
    if (r.error) continue;
    const out = `${r.stderr}${r.stdout}`;
    const m = /version "(\d+)(?:\.(\d+))?/.exec(out);
    let major = m ? Number(m[1]) : 0;
    if (major === 1 && m[2]) major = Number(m[2]); // "1.8.0_x"
    if (major && major < 17) {
      throw new Error(
        `Kafka needs Java 17 or newer, but \`${java} -version\` reports Java ${major}. ` +
          'Install a JDK/JRE 17+ (Debian/Ubuntu: apt-get install openjdk-17-jre-headless; ' +
          'macOS: brew install openjdk@17) and put it first on PATH or set JAVA_HOME.',
      );
    }
    return java;
  }
  throw new Error(
    'Java was not found (no `java` on PATH' +
      (process.env.JAVA_HOME ? ' nor in $JAVA_HOME/bin' : '') +
      '). ' +
      'The local Kafka broker needs Java 17+: Debian/Ubuntu: apt-get install openjdk-17-jre-headless ' +
      '(plus maven); macOS: brew install openjdk@17 maven.',
  );
}

function run(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    let out = '';
    let child;
    try {
      child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...opts });
    } catch (e) {
      return reject(e);
    }
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, out }));
  });
}

function tail(text, lines = 30) {
  return String(text).trimEnd().split('\n').slice(-lines).join('\n');
}

function tailFile(file, lines = 30) {
  try {
    return tail(fs.readFileSync(file, 'utf8'), lines);
  } catch {
    return '(no log)';
  }
}

// ---------------------------------------------------------------------------
// jars, storage, config

async function ensureLibs(log) {
  const { version, pomHash } = pinnedKafkaVersion();
  const stamp = `kafka=${version} pom=${pomHash}`;
  try {
    if (fs.readFileSync(LIBS_STAMP, 'utf8').trim() === stamp) return { version, resolved: false };
  } catch {
    /* not resolved yet */
  }
  const mvn = process.env.MVN || 'mvn';
  const tmp = `${LIBS_DIR}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(LIBS_DIR), { recursive: true });
  log(
    `resolving Kafka ${version} jars with Maven into ${path.relative(REPO_ROOT, LIBS_DIR)} (once per version)...`,
  );
  let res;
  try {
    res = await run(mvn, [
      '-q',
      '-B',
      '-Dstyle.color=never',
      '-f',
      POM,
      'dependency:copy-dependencies',
      `-DoutputDirectory=${tmp}`,
      '-DincludeScope=runtime',
    ]);
  } catch (e) {
    if (e.code === 'ENOENT') {
      throw new Error(
        'Maven (`mvn`) was not found; it is needed once to download the Kafka jars from Maven Central. ' +
          'Install it (Debian/Ubuntu: apt-get install maven; macOS: brew install maven) or set MVN=/path/to/mvn.',
        { cause: e },
      );
    }
    throw e;
  }
  if (res.code !== 0) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw new Error(`\`mvn dependency:copy-dependencies\` failed (exit ${res.code}):\n${tail(res.out, 40)}`);
  }
  const jars = fs.readdirSync(tmp).filter((f) => f.endsWith('.jar'));
  if (!jars.some((f) => f.startsWith(`kafka_2.13-${version}`))) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw new Error(`Maven finished but kafka_2.13-${version}.jar is not in ${tmp}:\n${tail(res.out, 40)}`);
  }
  fs.writeFileSync(path.join(tmp, path.basename(LIBS_STAMP)), `${stamp}\n`);
  // swap in atomically-ish; never mix jars of two versions on one classpath
  fs.rmSync(LIBS_DIR, { recursive: true, force: true });
  fs.renameSync(tmp, LIBS_DIR);
  return { version, resolved: true };
}

function kafkaClusterId() {
  // Kafka's Uuid: 16 random bytes, url-safe base64 without padding, must not start with '-'
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

function writeConfig(p, t) {
  const props = [
    '# generated by tools/infra.mjs on every start; edit the script, not this file',
    'process.roles=broker,controller',
    `node.id=${NODE_ID}`,
    `controller.quorum.bootstrap.servers=127.0.0.1:${t.controllerPort}`,
    `listeners=PLAINTEXT://127.0.0.1:${t.port},CONTROLLER://127.0.0.1:${t.controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${t.port}`,
    'inter.broker.listener.name=PLAINTEXT',
    'controller.listener.names=CONTROLLER',
    'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    `log.dirs=${p.data}`,
    'num.partitions=6',
    'default.replication.factor=1',
    'min.insync.replicas=1',
    'auto.create.topics.enable=false',
    'delete.topic.enable=true',
    'offsets.topic.replication.factor=1',
    // One broker on a developer machine: a few partitions for the group and transaction logs instead of 50
    // each make a fresh broker ready for consumers and transactions in a moment.
    'offsets.topic.num.partitions=6',
    'transaction.state.log.num.partitions=6',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'share.coordinator.state.topic.replication.factor=1',
    'share.coordinator.state.topic.min.isr=1',
    'group.initial.rebalance.delay.ms=0',
    'num.network.threads=2',
    'num.io.threads=4',
    'num.recovery.threads.per.data.dir=1',
    'log.retention.hours=168',
    '',
  ];
  fs.writeFileSync(p.config, props.join('\n'));
  const log4j = [
    '# generated by tools/infra.mjs; the JVM stdout (this) is redirected to server.log',
    'status = warn',
    // keep logging through the JVM shutdown (Kafka logs its controlled shutdown from a hook)
    'shutdownHook = disable',
    'appender.out.type = Console',
    'appender.out.name = STDOUT',
    'appender.out.layout.type = PatternLayout',
    'appender.out.layout.pattern = [%d] %p %m (%c)%n',
    'rootLogger.level = WARN',
    'rootLogger.appenderRef.out.ref = STDOUT',
    // keep the few INFO lines that say when the server started / stopped
    'logger.raft.name = kafka.server.KafkaRaftServer',
    'logger.raft.level = INFO',
    'logger.kafka.name = kafka.Kafka',
    'logger.kafka.level = INFO',
    'logger.broker.name = kafka.server.BrokerServer',
    'logger.broker.level = INFO',
    'logger.controller.name = kafka.server.ControllerServer',
    'logger.controller.level = INFO',
    'logger.shared.name = kafka.server.SharedServer',
    'logger.shared.level = INFO',
    '',
  ];
  fs.writeFileSync(p.log4j, log4j.join('\n'));
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

async function ensureFormatted(p, t, java, version, log) {
  const meta = path.join(p.data, 'meta.properties');
  const stampFile = path.join(p.data, '.optline-format.json');
  if (fs.existsSync(meta)) {
    const stamp = readJson(stampFile);
    if (stamp && stamp.controllerPort !== t.controllerPort) {
      throw new Error(
        `Kafka storage in ${p.data} was formatted for controller port ${stamp.controllerPort}, ` +
          `now ${t.controllerPort} is configured. Use another OPTLINE_KAFKA_DIR for a second broker, ` +
          'or wipe it with `node tools/infra.mjs reset`.',
      );
    }
    return false;
  }
  fs.mkdirSync(p.data, { recursive: true });
  const clusterId = kafkaClusterId();
  log(`formatting KRaft storage in ${path.relative(REPO_ROOT, p.data) || p.data} (cluster ${clusterId})...`);
  const res = await run(java, [
    '-Xmx256m',
    `-Dlog4j2.configurationFile=${p.log4j}`,
    '-cp',
    `${LIBS_DIR}${path.sep}*`,
    'kafka.tools.StorageTool',
    'format',
    '--config',
    p.config,
    '--cluster-id',
    clusterId,
    '--standalone',
  ]);
  if (res.code !== 0) {
    throw new Error(`formatting Kafka storage failed (exit ${res.code}):\n${tail(res.out, 40)}`);
  }
  fs.writeFileSync(
    stampFile,
    `${JSON.stringify({ clusterId, kafkaVersion: version, port: t.port, controllerPort: t.controllerPort, formattedAt: new Date().toISOString() }, null, 2)}\n`,
  );
  return true;
}

async function withStartLock(p, fn, timeoutMs) {
  fs.mkdirSync(p.dir, { recursive: true });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const fd = fs.openSync(p.lock, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      const holder = readPid(p.lock);
      if (!holder || !isAlive(holder)) {
        // stale lock of a dead process (or one that did not get to write its pid yet)
        let age;
        try {
          age = Date.now() - fs.statSync(p.lock).mtimeMs;
        } catch {
          continue;
        }
        if (holder || age > 5000) {
          fs.rmSync(p.lock, { force: true });
          continue;
        }
      }
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${p.lock} (held by pid ${holder})`, { cause: e });
      await sleep(250);
    }
  }
  try {
    return await fn();
  } finally {
    if (readPid(p.lock) === process.pid) fs.rmSync(p.lock, { force: true });
  }
}

// ---------------------------------------------------------------------------
// public API

/**
 * Make sure a Kafka broker answers at `brokers` (first entry). Starts a local single-node
 * KRaft broker when nothing answers there.
 * @param {{ brokers?: string | string[], timeoutMs?: number, log?: (msg: string) => void }} [opts]
 * @returns {Promise<{ started: boolean, brokers: string, pid?: number }>}
 */
export async function ensureKafka({
  brokers = process.env.KAFKA_BROKERS ?? DEFAULT_BROKERS,
  timeoutMs = Number(process.env.OPTLINE_KAFKA_START_TIMEOUT_MS) || 90_000,
  log = defaultLog,
} = {}) {
  const t = kafkaTarget(brokers);
  const address = `${t.host.includes(':') ? `[${t.host}]` : t.host}:${t.port}`;
  const first = await probeKafka(t.host, t.port);
  if (first.kind === 'ready') return { started: false, brokers: address };

  const p = paths();
  return withStartLock(
    p,
    async () => {
      // someone else may have started it while we waited for the lock
      const again = await probeKafka(t.host, t.port);
      if (again.kind === 'ready') return { started: false, brokers: address };

      let pid = ourKafkaPid(p);
      let started = false;
      if (!pid) {
        if (again.kind === 'not-kafka') {
          throw new Error(
            `port ${t.port} on ${t.host} is taken by something that is not a Kafka broker (${again.error.message}). ` +
              'Stop it, or point KAFKA_BROKERS / OPTLINE_KAFKA_PORT at a free port.',
          );
        }
        if (!isLoopback(t.host)) {
          throw new Error(
            `no Kafka broker answers at ${address}, and it is not a local address, so no broker is started for it. ` +
              'Start that broker, or unset KAFKA_BROKERS to use a local one on 127.0.0.1:9092.',
          );
        }
        if (again.kind !== 'down' || (await portInUse('127.0.0.1', t.port))) {
          // accepts connections but does not answer like a ready broker, and it is not ours
          const late = await probeKafka(t.host, t.port, 5_000);
          if (late.kind === 'ready') return { started: false, brokers: address };
          throw new Error(
            `port ${t.port} accepts connections but does not answer as a ready Kafka broker ` +
              `(${late.kind}: ${late.error?.message ?? 'no broker in metadata'}), and it was not started by ` +
              `tools/infra.mjs. Stop whatever listens on ${t.port}, or use another OPTLINE_KAFKA_PORT.`,
          );
        }
        if (await portInUse('127.0.0.1', t.controllerPort)) {
          throw new Error(
            `the Kafka controller port ${t.controllerPort} (127.0.0.1) is taken by another process. ` +
              'Stop it, or set OPTLINE_KAFKA_CONTROLLER_PORT to a free port.',
          );
        }

        const java = findJava();
        const { version } = await ensureLibs(log);
        fs.mkdirSync(p.dir, { recursive: true });
        writeConfig(p, t);
        await ensureFormatted(p, t, java, version, log);

        if (fs.existsSync(p.log)) fs.renameSync(p.log, `${p.log}.1`);
        const out = fs.openSync(p.log, 'a');
        const heap = (process.env.OPTLINE_KAFKA_HEAP_OPTS || '-Xms256m -Xmx1g').split(/\s+/).filter(Boolean);
        const args = [
          ...heap,
          '-server',
          '-XX:+UseG1GC',
          '-XX:MaxGCPauseMillis=20',
          '-XX:InitiatingHeapOccupancyPercent=35',
          '-XX:+ExplicitGCInvokesConcurrent',
          '-Djava.awt.headless=true',
          `-Dlog4j2.configurationFile=${p.log4j}`,
          `-Dkafka.logs.dir=${p.dir}`,
          '-cp',
          `${LIBS_DIR}${path.sep}*`,
          'kafka.Kafka',
          p.config,
        ];
        log(
          `starting Kafka ${version} on ${address} (controller :${t.controllerPort}), log: ${path.relative(process.cwd(), p.log) || p.log}`,
        );
        const child = spawn(java, args, { cwd: p.dir, detached: true, stdio: ['ignore', out, out] });
        fs.closeSync(out);
        await new Promise((resolve, reject) => {
          child.once('spawn', resolve);
          child.once('error', reject);
        });
        child.unref();
        pid = child.pid;
        fs.writeFileSync(p.pid, `${pid}\n`);
        started = true;
      } else {
        log(`Kafka (pid ${pid}) is already starting; waiting for it to answer on ${address}`);
      }

      const deadline = Date.now() + timeoutMs;
      let last;
      for (;;) {
        if (!isAlive(pid)) {
          fs.rmSync(p.pid, { force: true });
          throw new Error(
            `the Kafka broker (pid ${pid}) exited during startup; see ${p.log}:\n${tailFile(p.log)}`,
          );
        }
        last = await probeKafka(t.host, t.port, 2000);
        if (last.kind === 'ready') return { started, brokers: address, pid };
        if (Date.now() > deadline) {
          throw new Error(
            `the Kafka broker (pid ${pid}) did not answer a metadata request on ${address} within ` +
              `${Math.round(timeoutMs / 1000)} s (last: ${last.kind}${last.error ? `, ${last.error.message}` : ''}). ` +
              `It is left running; see ${p.log}:\n${tailFile(p.log)}`,
          );
        }
        await sleep(250);
      }
    },
    timeoutMs + 60_000,
  );
}

/**
 * Stop the broker started by ensureKafka (SIGTERM, then SIGKILL after `timeoutMs`).
 * Idempotent: resolves { stopped: false } when it was not running.
 * @param {{ timeoutMs?: number, log?: (msg: string) => void }} [opts]
 * @returns {Promise<{ stopped: boolean, pid?: number, killed?: boolean }>}
 */
export async function stopKafka({ timeoutMs = 30_000, log = defaultLog } = {}) {
  const p = paths();
  const pid = ourKafkaPid(p);
  if (!pid) {
    fs.rmSync(p.pid, { force: true });
    return { stopped: false };
  }
  try {
    process.kill(pid, 'SIGTERM');
  } catch (e) {
    if (e.code !== 'ESRCH') throw e;
  }
  const deadline = Date.now() + timeoutMs;
  let killed = false;
  while (isAlive(pid)) {
    if (Date.now() > deadline) {
      log(
        `Kafka (pid ${pid}) did not exit within ${Math.round(timeoutMs / 1000)} s of SIGTERM; sending SIGKILL`,
      );
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* gone */
      }
      killed = true;
      const killDeadline = Date.now() + 10_000;
      while (isAlive(pid) && Date.now() < killDeadline) await sleep(100);
      break;
    }
    await sleep(200);
  }
  fs.rmSync(p.pid, { force: true });
  return { stopped: true, pid, killed };
}

/**
 * What answers at `brokers`, and whether it is the broker this script manages.
 * @param {{ brokers?: string | string[] }} [opts]
 */
export async function kafkaStatus({ brokers = process.env.KAFKA_BROKERS ?? DEFAULT_BROKERS } = {}) {
  const t = kafkaTarget(brokers);
  const p = paths();
  const probe = await probeKafka(t.host, t.port);
  const pid = ourKafkaPid(p);
  let version = null;
  try {
    version = pinnedKafkaVersion().version;
  } catch {
    /* no pom */
  }
  return {
    brokers: `${t.host}:${t.port}`,
    state: probe.kind, // 'ready' | 'starting' | 'down' | 'not-kafka' | 'unknown'
    clusterId: probe.clusterId ?? null,
    managedPid: pid,
    pinnedVersion: version,
    dir: p.dir,
    log: p.log,
    formatted: fs.existsSync(path.join(p.data, 'meta.properties')),
  };
}

function databaseTarget(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`DATABASE_URL is not a valid URL: ${url}`);
  }
  const name = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (!name) throw new Error(`DATABASE_URL names no database: ${url}`);
  return { u, name };
}

async function loadPg() {
  try {
    const mod = await import('pg');
    return mod.default ?? mod;
  } catch (e) {
    if (e.code === 'ERR_MODULE_NOT_FOUND' || e.code === 'MODULE_NOT_FOUND') {
      throw new Error(
        `the \`pg\` package is not installed (looked for it from ${SCRIPT_DIR}); run \`npm install\` at the repo root first.`,
        { cause: e },
      );
    }
    throw e;
  }
}

/**
 * Create the database named in `url` when it does not exist (connects to the `postgres`
 * maintenance database of the same server). Idempotent and safe when processes race.
 * @param {string} [url]
 * @returns {Promise<{ created: boolean, database: string }>}
 */
export async function ensureDatabase(url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL) {
  const { u, name } = databaseTarget(url);
  const pg = await loadPg();
  const where = `${u.hostname || 'localhost'}:${u.port || 5432}`;

  let lastErr;
  for (const adminDb of ['postgres', 'template1']) {
    if (adminDb === name) return { created: false, database: name };
    const admin = new URL(u.href);
    admin.pathname = `/${adminDb}`;
    const client = new pg.Client({ connectionString: admin.href, connectionTimeoutMillis: 10_000 });
    try {
      await client.connect();
    } catch (e) {
      lastErr = e;
      if (e.code === '3D000') continue; // maintenance db missing: try the next one
      throw new Error(
        `cannot connect to PostgreSQL at ${where} as ${decodeURIComponent(u.username) || '(default user)'}: ` +
          `${e.message}${e.code ? ` [${e.code}]` : ''}. Is PostgreSQL running and is DATABASE_URL right?`,
        { cause: e },
      );
    }
    try {
      const r = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (r.rowCount > 0) return { created: false, database: name };
      try {
        await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
        return { created: true, database: name };
      } catch (e) {
        // 42P04 duplicate_database; 23505 is what a concurrent CREATE DATABASE can hit
        // on pg_database_datname_index when two processes race
        if (e.code === '42P04' || e.code === '23505') return { created: false, database: name };
        throw new Error(`CREATE DATABASE "${name}" on ${where} failed: ${e.message} [${e.code}]`, {
          cause: e,
        });
      }
    } finally {
      await client.end().catch(() => {});
    }
  }
  throw new Error(`cannot connect to a maintenance database on ${where}: ${lastErr?.message}`);
}

async function databaseStatus(url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL) {
  const { u, name } = databaseTarget(url);
  let pg;
  try {
    pg = await loadPg();
  } catch (e) {
    return { database: name, state: 'unknown', detail: e.message };
  }
  const client = new pg.Client({ connectionString: u.href, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { database: name, state: 'ready' };
  } catch (e) {
    return { database: name, state: e.code === '3D000' ? 'missing' : 'down', detail: e.message };
  } finally {
    await client.end().catch(() => {});
  }
}

// ---------------------------------------------------------------------------
// CLI

async function main(argv) {
  const cmd = argv[0] ?? 'help';
  const dbUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  switch (cmd) {
    case 'up': {
      const t0 = Date.now();
      const k = await ensureKafka();
      console.log(
        k.started
          ? `kafka: started on ${k.brokers} (pid ${k.pid}) in ${((Date.now() - t0) / 1000).toFixed(1)} s`
          : `kafka: already answering on ${k.brokers}`,
      );
      const d = await ensureDatabase(dbUrl);
      console.log(`postgres: database "${d.database}" ${d.created ? 'created' : 'exists'}`);
      return 0;
    }
    case 'down': {
      const r = await stopKafka();
      console.log(
        r.stopped
          ? `kafka: stopped (pid ${r.pid}${r.killed ? ', SIGKILL' : ''})`
          : 'kafka: not running (nothing to stop)',
      );
      const s = await kafkaStatus();
      if (s.state === 'ready')
        console.log(`kafka: note: a broker not started by this script still answers on ${s.brokers}`);
      return 0;
    }
    case 'status': {
      const s = await kafkaStatus();
      const who = s.managedPid
        ? `pid ${s.managedPid}, started by tools/infra.mjs`
        : 'not started by tools/infra.mjs';
      console.log(`kafka: ${s.state} on ${s.brokers}${s.state === 'down' ? '' : ` (${who})`}`);
      console.log(
        `  pinned version ${s.pinnedVersion}, storage ${s.formatted ? 'formatted' : 'not formatted'}, log ${s.log}`,
      );
      const d = await databaseStatus(dbUrl);
      console.log(`postgres: database "${d.database}" ${d.state}${d.detail ? ` (${d.detail})` : ''}`);
      return s.state === 'ready' && d.state === 'ready' ? 0 : 1;
    }
    case 'db': {
      const d = await ensureDatabase(dbUrl);
      console.log(`postgres: database "${d.database}" ${d.created ? 'created' : 'exists'}`);
      return 0;
    }
    case 'reset': {
      const r = await stopKafka();
      if (r.stopped) console.log(`kafka: stopped (pid ${r.pid})`);
      const p = paths();
      fs.rmSync(p.data, { recursive: true, force: true });
      console.log(`kafka: deleted ${p.data}`);
      return 0;
    }
    default:
      console.log('usage: node tools/infra.mjs up|down|status|db|reset');
      return cmd === 'help' || cmd === '--help' || cmd === '-h' ? 0 : 2;
  }
}

const invokedPath = process.argv[1]
  ? (() => {
      try {
        return fs.realpathSync(process.argv[1]);
      } catch {
        return process.argv[1];
      }
    })()
  : null;
if (
  invokedPath &&
  pathToFileURL(invokedPath).href === pathToFileURL(fs.realpathSync(fileURLToPath(import.meta.url))).href
) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      console.error(`infra: ${err.message}`);
      process.exitCode = 1;
    },
  );
}
