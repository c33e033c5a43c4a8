import { ALL_TOPICS, TOPICS, topicByName } from './topics';

describe('TOPICS', () => {
  it.each(ALL_TOPICS.map((topic) => [topic.name, topic] as const))(
    '%s is versioned and has a schema',
    (name, topic) => {
      expect(name).toMatch(/^optline\.[a-z.-]+\.v\d+$/);
      expect(typeof topic.schema.safeParse).toBe('function');
    },
  );

  it('names are unique', () => {
    expect(new Set(ALL_TOPICS.map((topic) => topic.name)).size).toBe(ALL_TOPICS.length);
  });

  it('has the contract topics of CONTRACT §1', () => {
    expect(ALL_TOPICS.filter((topic) => topic.direction !== 'internal').map((topic) => topic.name)).toEqual([
      'optline.contacts.v1',
      'optline.consents.v1',
      'optline.messages.v1',
      'optline.campaigns.v1',
      'optline.inbound.v1',
      'optline.receipts.v1',
      'optline.outcomes.v1',
      'optline.audit.v1',
      'optline.dlq.v1',
    ]);
  });

  it.each<[string, string | undefined]>([
    ['optline.messages.v1', TOPICS.messages.name],
    ['optline.nope.v1', undefined],
  ])('topicByName(%s)', (name, expected) => {
    expect(topicByName(name)?.name).toBe(expected);
  });
});
