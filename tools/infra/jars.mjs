// The Kafka jars (broker, StorageTool, kafka-tools, log4j2 backend) that Maven resolves from
// tools/kafka/pom.xml into .local/kafka/libs, and the Java that runs them (17+, JAVA_HOME or PATH).
// Maven is needed only the first time and after the pom changes (MVN overrides the `mvn` binary).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { run, tail } from './processes.mjs';
import { LIBS_DIR, POM, REPO_ROOT } from './settings.mjs';

const LIBS_STAMP = path.join(LIBS_DIR, '.optline-libs-stamp');

/** The classpath of every resolved jar, as Java's wildcard. */
export const CLASSPATH = `${LIBS_DIR}${path.sep}*`;

export function pinnedKafkaVersion() {
  const pom = fs.readFileSync(POM, 'utf8');
  const m = /<kafka\.version>\s*([^<\s]+)\s*<\/kafka\.version>/.exec(pom);
  if (!m) throw new Error(`${POM} has no <kafka.version> property`);
  // comments do not change which jars Maven resolves
  const content = pom.replace(/<!--[\s\S]*?-->/g, '');
  return { version: m[1], pomHash: createHash('sha256').update(content).digest('hex').slice(0, 16) };
}

export function findJava() {
  const candidates = [];
  if (process.env.JAVA_HOME) candidates.push(path.join(process.env.JAVA_HOME, 'bin', 'java'));
  candidates.push('java');
  for (const java of candidates) {
    const r = spawnSync(java, ['-XshowSettings:properties', '-version'], { encoding: 'utf8' });
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
    // the absolute path, so a caller that spawns it later does not depend on its own PATH
    const home = /^\s*java\.home = (.+)$/m.exec(out)?.[1]?.trim();
    const absolute = home && path.join(home, 'bin', 'java');
    return absolute && fs.existsSync(absolute) ? absolute : java;
  }
  throw new Error(
    'Java was not found (no `java` on PATH' +
      (process.env.JAVA_HOME ? ' nor in $JAVA_HOME/bin' : '') +
      '). The local Kafka broker needs Java 17+: Debian/Ubuntu: apt-get install openjdk-17-jre-headless ' +
      '(plus maven); macOS: brew install openjdk@17 maven.',
  );
}

function hasJar(prefix) {
  try {
    return fs.readdirSync(LIBS_DIR).some((f) => f.startsWith(prefix) && f.endsWith('.jar'));
  } catch {
    return false;
  }
}

/**
 * Makes LIBS_DIR hold the jars of the pinned pom. With `reuse`, jars of the pinned Kafka version that are
 * already there (kafka-tools included) are kept even when the pom changed otherwise: replacing the folder
 * under a running broker would pull jars from under its JVM.
 */
export async function ensureLibs(log, { reuse = false } = {}) {
  const { version, pomHash } = pinnedKafkaVersion();
  const stamp = `kafka=${version} pom=${pomHash}`;
  if (reuse && hasJar(`kafka_2.13-${version}`) && hasJar(`kafka-tools-${version}`)) {
    return { version, resolved: false };
  }
  try {
    if (fs.readFileSync(LIBS_STAMP, 'utf8').trim() === stamp) return { version, resolved: false };
  } catch {
    /* not resolved yet */
  }
  const tmp = `${LIBS_DIR}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(LIBS_DIR), { recursive: true });
  log(
    `resolving Kafka ${version} jars with Maven into ${path.relative(REPO_ROOT, LIBS_DIR)} (once per version)...`,
  );
  let res;
  try {
    res = await run(process.env.MVN || 'mvn', [
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
  if (sameJars(tmp, LIBS_DIR)) {
    // the same jars: keep the folder a running broker may be using, only stamp it
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.writeFileSync(LIBS_STAMP, `${stamp}\n`);
    return { version, resolved: false };
  }
  fs.writeFileSync(path.join(tmp, path.basename(LIBS_STAMP)), `${stamp}\n`);
  // swap the folder as a whole: never mix jars of two versions on one classpath
  fs.rmSync(LIBS_DIR, { recursive: true, force: true });
  fs.renameSync(tmp, LIBS_DIR);
  return { version, resolved: true };
}

function sameJars(a, b) {
  const list = (dir) => {
    try {
      return fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.jar'))
        .sort()
        .map((f) => `${f}:${fs.statSync(path.join(dir, f)).size}`)
        .join(' ');
    } catch {
      return null;
    }
  };
  const jars = list(b);
  return jars !== null && jars === list(a);
}
