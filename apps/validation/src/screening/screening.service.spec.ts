import type { AcceptedInput } from '@optline/domain';

import { runsOfOneKind } from './screening.service';

const input = (kind: AcceptedInput['kind'], id: string) =>
  ({ kind, receivedAt: '', value: { id } }) as unknown as AcceptedInput;

describe(runsOfOneKind.name, () => {
  it('groups consecutive inputs of one kind and keeps the order', () => {
    const runs = runsOfOneKind([
      input('contact', 'a'),
      input('contact', 'b'),
      input('message', 'c'),
      input('contact', 'd'),
    ]);
    expect(runs.map((run) => run.map((i) => `${i.kind}:${i.value.id}`))).toEqual([
      ['contact:a', 'contact:b'],
      ['message:c'],
      ['contact:d'],
    ]);
  });
});
