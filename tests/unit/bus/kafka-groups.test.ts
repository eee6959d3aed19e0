/** The Kafka adapter's pure parts of /readyz (no broker): members per group, and the unit its lag counts in. */
import { describe, expect, it } from 'vitest';
import { createKafkaBus } from '../../../src/bus/kafka.ts';
import { groupMemberCount } from '../../../src/bus/kafka-support.ts';

const member = (id: string) => ({ memberId: id, clientId: 'kundenradar', clientHost: '/10.0.0.7', memberMetadata: Buffer.alloc(0), memberAssignment: Buffer.alloc(0) });

describe('members of a Kafka consumer group', () => {
  it('counts the members the broker lists for the group', () => {
    const described = { groups: [{ groupId: 'qaops.classify', state: 'Stable', protocol: 'RoundRobinAssigner', protocolType: 'consumer', members: [member('a'), member('b')] }] };
    expect(groupMemberCount(described, 'qaops.classify')).toBe(2);
  });

  it('says 0 for a group whose workers are all gone (Empty), one the broker does not know (Dead), or one missing from the answer', () => {
    expect(groupMemberCount({ groups: [{ groupId: 'qaops.index', state: 'Empty', members: [] }] }, 'qaops.index')).toBe(0);
    expect(groupMemberCount({ groups: [{ groupId: 'qaops.index', state: 'Dead', members: [member('stale')] }] }, 'qaops.index')).toBe(0);
    expect(groupMemberCount({ groups: [] }, 'qaops.index')).toBe(0);
  });

  it('keeps members listed while the group rebalances (a worker joining is still a worker)', () => {
    expect(groupMemberCount({ groups: [{ groupId: 'qaops.detect', state: 'PreparingRebalance', members: [member('a')] }] }, 'qaops.detect')).toBe(1);
  });
});

describe('unit of Kafka lag', () => {
  it('is records with packing on (the default: one record holds many posts), messages with packing off', async () => {
    const packed = createKafkaBus({ brokers: ['127.0.0.1:1'], clientId: 't', partitions: {} });
    const unpacked = createKafkaBus({ brokers: ['127.0.0.1:1'], clientId: 't', partitions: {}, packRecords: false });
    expect(packed.lagUnit).toBe('records');
    expect(unpacked.lagUnit).toBe('messages');
    await Promise.all([packed.close(), unpacked.close()]);
  });
});
