#!/usr/bin/env node
// Local infrastructure for Optline developers and CI: the Kafka broker (broker.mjs) and the PostgreSQL
// database (database.mjs). `npm run infra -- <command>` runs this file.
//
//   up              start Kafka (if nothing answers yet) and create the database
//   down            stop the Kafka broker started by tools/infra
//   status          show what answers where (exit 1 when something is missing)
//   db              only create the database
//   reset           stop Kafka and delete its data (topics, offsets)
//   tool-classpath  print { java, classpath, jvmArgs } as JSON, to run a Kafka tool class (broker.mjs)
import fs from 'node:fs';

import { ensureKafka, kafkaStatus, kafkaToolJvm, stopKafka } from './broker.mjs';
import { databaseStatus, ensureDatabase } from './database.mjs';
import { paths } from './settings.mjs';

async function main(cmd = 'help') {
  switch (cmd) {
    case 'up': {
      const t0 = Date.now();
      const k = await ensureKafka();
      console.log(
        k.started
          ? `kafka: started on ${k.brokers} (pid ${k.pid}) in ${((Date.now() - t0) / 1000).toFixed(1)} s`
          : `kafka: already answering on ${k.brokers}`,
      );
      const d = await ensureDatabase();
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
        console.log(`kafka: note: a broker not started by tools/infra still answers on ${s.brokers}`);
      return 0;
    }
    case 'status': {
      const s = await kafkaStatus();
      const who = s.managedPid ? `pid ${s.managedPid}, started by tools/infra` : 'not started by tools/infra';
      console.log(`kafka: ${s.state} on ${s.brokers}${s.state === 'down' ? '' : ` (${who})`}`);
      console.log(
        `  pinned version ${s.pinnedVersion}, storage ${s.formatted ? 'formatted' : 'not formatted'}, log ${s.log}`,
      );
      const d = await databaseStatus();
      console.log(`postgres: database "${d.database}" ${d.state}${d.detail ? ` (${d.detail})` : ''}`);
      return s.state === 'ready' && d.state === 'ready' ? 0 : 1;
    }
    case 'db': {
      const d = await ensureDatabase();
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
    case 'tool-classpath': {
      console.log(JSON.stringify(await kafkaToolJvm()));
      return 0;
    }
    default:
      console.log('usage: npm run infra -- up|down|status|db|reset|tool-classpath');
      return cmd === 'help' || cmd === '--help' || cmd === '-h' ? 0 : 2;
  }
}

main(process.argv[2]).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(`infra: ${err.message}`);
    process.exitCode = 1;
  },
);
