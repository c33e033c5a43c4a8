// A database of the benchmark's own, created for one run and dropped after it.
import pg from 'pg';

import { DATABASE_URL } from './settings.mjs';

async function asAdmin(statement) {
  const admin = new URL(DATABASE_URL);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Creates database `name` and returns its URL. */
export async function createDatabase(name) {
  await asAdmin(`create database "${name}"`);
  const url = new URL(DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(name) {
  await asAdmin(`drop database if exists "${name}" with (force)`);
}
