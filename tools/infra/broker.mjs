// The local Kafka broker: a real Apache Kafka (single-node KRaft, no Docker) started from the jars of
// tools/kafka/pom.xml when nothing answers on KAFKA_BROKERS, stopped again by whoever started it.
//
//   import { ensureKafka, stopKafka, kafkaStatus, kafkaToolCommand } from './tools/infra/broker.mjs';
//
// kafkaToolCommand (at the end) gives the command line of a Kafka tool class, such as the console consumer.
//
// Environment (besides settings.mjs): OPTLINE_KAFKA_START_TIMEOUT_MS (default 90000),
// OPTLINE_KAFKA_HEAP_OPTS (default "-Xms256m -Xmx1g"), JAVA_HOME, MVN.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { CLASSPATH, ensureLibs, findJava, pinnedKafkaVersion } from './jars.mjs';
import { ensureFormatted, writeConfig } from './kraft.mjs';
import { commandLine, isAlive, readPid, sleep, tailFile, withStartLock } from './processes.mjs';
import { probeKafka, tcpState } from './probe.mjs';
import { DEFAULT_BROKERS, LIBS_DIR, defaultLog, isLoopback, kafkaTarget, paths } from './settings.mjs';

/** pid of the broker this module started for the current state dir, if it is still running */
function ourKafkaPid(p = paths()) {
  const pid = readPid(p.pid);
  if (!pid || !isAlive(pid)) return null;
  const cmd = commandLine(pid);
  // guard against pid reuse: it must be a kafka.Kafka JVM using our config
  if (cmd && (!cmd.includes('kafka.Kafka') || !cmd.includes(p.config))) return null;
  return pid;
}

/** Checks that nothing else holds the ports, writes the config, formats storage and spawns the JVM. */
async function startBroker(p, t, probe, log) {
  if (!isLoopback(t.host)) {
    throw new Error(
      `no Kafka broker answers at ${t.address}, and it is not a local address, so no broker is started for it. ` +
        'Start that broker, or unset KAFKA_BROKERS to use a local one on 127.0.0.1:9092.',
    );
  }
  if (probe.kind !== 'down') {
    // accepts connections but does not answer like a ready broker, and it is not ours
    const late = await probeKafka(t.host, t.port, 5_000);
    if (late.kind === 'ready') return null;
    throw new Error(
      `port ${t.port} accepts connections but does not answer as a ready Kafka broker ` +
        `(${late.kind}: ${late.error?.message ?? 'no answer'}), and it was not started by tools/infra. ` +
        `Stop whatever listens on ${t.port}, or use another OPTLINE_KAFKA_PORT.`,
    );
  }
  if ((await tcpState('127.0.0.1', t.controllerPort)) !== 'closed') {
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
    CLASSPATH,
    'kafka.Kafka',
    p.config,
  ];
  log(
    `starting Kafka ${version} on ${t.address} (controller :${t.controllerPort}), log: ${path.relative(process.cwd(), p.log) || p.log}`,
  );
  const child = spawn(java, args, { cwd: p.dir, detached: true, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  await new Promise((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', reject);
  });
  child.unref();
  fs.writeFileSync(p.pid, `${child.pid}\n`);
  return child.pid;
}

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
  if ((await probeKafka(t.host, t.port)).kind === 'ready') return { started: false, brokers: t.address };

  const p = paths();
  return withStartLock(
    p,
    async () => {
      // someone else may have started it while we waited for the lock
      const again = await probeKafka(t.host, t.port);
      if (again.kind === 'ready') return { started: false, brokers: t.address };

      let pid = ourKafkaPid(p);
      const started = !pid;
      if (pid) {
        log(`Kafka (pid ${pid}) is already starting; waiting for it to answer on ${t.address}`);
      } else {
        pid = await startBroker(p, t, again, log);
        if (pid === null) return { started: false, brokers: t.address };
      }

      const deadline = Date.now() + timeoutMs;
      for (;;) {
        if (!isAlive(pid)) {
          fs.rmSync(p.pid, { force: true });
          throw new Error(
            `the Kafka broker (pid ${pid}) exited during startup; see ${p.log}:\n${tailFile(p.log)}`,
          );
        }
        const last = await probeKafka(t.host, t.port, 2000);
        if (last.kind === 'ready') return { started, brokers: t.address, pid };
        if (Date.now() > deadline) {
          throw new Error(
            `the Kafka broker (pid ${pid}) did not answer a metadata request on ${t.address} within ` +
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
 * What answers at `brokers`, and whether it is the broker this module manages.
 * @param {{ brokers?: string | string[] }} [opts]
 */
export async function kafkaStatus({ brokers = process.env.KAFKA_BROKERS ?? DEFAULT_BROKERS } = {}) {
  const t = kafkaTarget(brokers);
  const p = paths();
  const probe = await probeKafka(t.host, t.port);
  let version = null;
  try {
    version = pinnedKafkaVersion().version;
  } catch {
    /* no pom */
  }
  return {
    brokers: t.address,
    state: probe.kind, // 'ready' | 'starting' | 'down' | 'unknown'
    managedPid: ourKafkaPid(p),
    pinnedVersion: version,
    dir: p.dir,
    log: p.log,
    formatted: fs.existsSync(path.join(p.data, 'meta.properties')),
  };
}

/**
 * The command line that runs one of Kafka's own Java tools on the jars of tools/kafka/pom.xml (resolved
 * with Maven when missing), for example Kafka's console consumer as an independent client in a test:
 *
 *   const { command, args } = await kafkaToolCommand('org.apache.kafka.tools.consumer.ConsoleConsumer', [
 *     '--bootstrap-server', '127.0.0.1:9092', '--topic', topic, '--from-beginning',
 *     '--isolation-level', 'read_committed', '--timeout-ms', '10000',
 *   ]);
 *   spawn(command, args);
 *
 * The tool logs warnings to stderr, so its stdout holds only what it prints.
 * @param {string} className
 * @param {string[]} [toolArgs]
 * @returns {Promise<{ command: string, args: string[] }>}
 */
export async function kafkaToolCommand(className, toolArgs = [], { log = defaultLog } = {}) {
  const { java, classpath, jvmArgs } = await kafkaToolJvm({ log });
  return { command: java, args: [...jvmArgs, '-cp', classpath, className, ...toolArgs] };
}

/**
 * The parts of that command line: run `java ...jvmArgs -cp classpath <class> ...args`. Printed as JSON by
 * `node tools/infra/cli.mjs tool-classpath`, for callers outside Node's modules (a TypeScript test, a shell).
 * @returns {Promise<{ java: string, classpath: string, jvmArgs: string[] }>}
 */
export async function kafkaToolJvm({ log = defaultLog } = {}) {
  await ensureLibs(log, { reuse: true });
  const java = findJava();
  const log4j = path.join(path.dirname(LIBS_DIR), 'tools-log4j2.properties');
  const config = [
    'status = error',
    'appender.err.type = Console',
    'appender.err.name = STDERR',
    'appender.err.target = SYSTEM_ERR',
    'appender.err.layout.type = PatternLayout',
    'appender.err.layout.pattern = [%d] %p %m (%c)%n',
    'rootLogger.level = WARN',
    'rootLogger.appenderRef.err.ref = STDERR',
    '',
  ].join('\n');
  if (!fs.existsSync(log4j) || fs.readFileSync(log4j, 'utf8') !== config) {
    // a tool starting at the same moment never reads a half-written file
    fs.writeFileSync(`${log4j}.${process.pid}`, config);
    fs.renameSync(`${log4j}.${process.pid}`, log4j);
  }
  return {
    java,
    classpath: CLASSPATH,
    jvmArgs: ['-Xmx256m', '-Djava.awt.headless=true', `-Dlog4j2.configurationFile=${log4j}`],
  };
}
