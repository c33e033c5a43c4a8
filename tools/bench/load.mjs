// The pipeline's loads: recipients set up through the contact and consent topics, then send requests either
// transactional only (to consented, reachable mobiles: every one should be sent) or the realistic mix.
import { recipients, sendRequest, setupRecords } from '../lib/workload.mjs';
import { SETTINGS, log } from './settings.mjs';

/** Produces the contacts and consents of `people` to the topics `topic(name)` names. */
export async function seed(producer, topic, people) {
  log(`seeding ${people.length.toLocaleString('en-US')} recipients`);
  const contacts = [];
  const consents = [];
  for (const person of people) {
    const setup = setupRecords(person);
    contacts.push(setup.contact);
    consents.push(...setup.consents);
  }
  const send = async (name, values, keyOf) => {
    for (let i = 0; i < values.length; i += 1000) {
      await producer.send({
        topic: topic(name),
        messages: values.slice(i, i + 1000).map((v) => ({ key: keyOf(v), value: JSON.stringify(v) })),
      });
    }
  };
  await send('optline.contacts.v1', contacts, (v) => `${v.tenantId}:${v.externalId}`);
  await send('optline.consents.v1', consents, (v) => `${v.tenantId}:${v.phone}`);
}

/**
 * Makers of send requests for `drive`: `make(load, prefix)` returns `(count) => requests`. The mix: every
 * recipient (invalid numbers, landlines, opted-out, unconsented, at night), one in five transactional, the
 * rest marketing, repeated recipients hitting the frequency caps. Transactional: only consented recipients
 * whose window is open, every request transactional.
 */
export function loads() {
  const people = recipients({ tenantId: 'demo', count: SETTINGS.recipients, seed: 7 });
  const reachable = people.filter((person) => person.kind === 'ok');
  let n = 0;
  const make = (load, prefix) => (count) =>
    Array.from({ length: count }, () => {
      const i = n++;
      if (load === 'transactional')
        return sendRequest(reachable[(i * 7919) % reachable.length], i, { purpose: 'transactional', prefix });
      return sendRequest(people[(i * 7919) % people.length], i, {
        purpose: i % 5 === 0 ? 'transactional' : 'marketing',
        prefix,
      });
    });
  return { people, reachable, make };
}
