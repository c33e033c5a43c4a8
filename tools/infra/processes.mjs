// Child processes, pid files and the start lock, with Node built-ins only.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function readPid(pidFile) {
  try {
    const n = Number(fs.readFileSync(pidFile, 'utf8').trim());
    return Number.isInteger(n) && n > 0 ? n : null;
  } catch {
    return null;
  }
}

export function isAlive(pid) {
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

export function commandLine(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    const r = spawnSync('ps', ['-p', String(pid), '-o', 'command='], { encoding: 'utf8' });
    return r.status === 0 ? r.stdout.trim() : '';
  }
}

/** Runs a command to its end; resolves with its exit code and its stdout and stderr together. */
export function run(cmd, args, opts = {}) {
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

export function tail(text, lines = 30) {
  return String(text).trimEnd().split('\n').slice(-lines).join('\n');
}

export function tailFile(file, lines = 30) {
  try {
    return tail(fs.readFileSync(file, 'utf8'), lines);
  } catch {
    return '(no log)';
  }
}

/** Runs `fn` holding an exclusive lock file, so two processes never start the same broker. */
export async function withStartLock(p, fn, timeoutMs) {
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
