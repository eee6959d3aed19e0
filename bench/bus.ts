/**
 * `npm run bench:bus`: what the Kafka bus adapter costs per message, with packed records (the default,
 * src/bus/kafka-packing.ts) and with one record per message, in one run on the same messages: CPU of this process
 * per message and wall time, for publishing N classified-sized messages in the classify stage's batch size and
 * for consuming them in the index stage's batch size. Needs KAFKA_BROKERS (`bash scripts/services/kafka start`).
 * Prints figures; never fails on them.
 *
 * Usage: npm run bench:bus -- [--messages N]
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createKafkaBus, dropKafkaNamespace } from '../src/bus/kafka.ts';
import type { BusMessage } from '../src/bus/port.ts';
import { buildClassifier } from '../src/pipeline.ts';
import { parseConfig, type LoadedConfig } from '../src/config.ts';
import { generateMentions, SYNTHETIC_BRANDS } from './generate-mentions.ts';

const { values } = parseArgs({ options: { messages: { type: 'string', default: '20000' } } });
const N = Number(values.messages);
const brokers = process.env.KAFKA_BROKERS?.split(',');
if (!brokers) {
  console.error('bench:bus needs KAFKA_BROKERS (start the broker with: bash scripts/services/kafka start)');
  process.exit(2);
}

// Real classified posts, keyed by brand as the classify stage publishes them.
const config = parseConfig('', '(bench)');
config.brands = SYNTHETIC_BRANDS;
const loaded: LoadedConfig = { file: '(bench)', baseDir: process.cwd(), config, env: {}, secrets: {} };
const classify = buildClassifier(loaded);
const messages = generateMentions(N, { seed: 3, prefix: 'bus' }).map(classify).map((c) => ({ key: c.brands[0] ?? '~unbranded', value: c }));
const bytes = messages.reduce((sum, m) => sum + JSON.stringify(m.value).length, 0) / N;

const cpuMs = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};

async function measure(packRecords: boolean): Promise<{ publishCpuUs: number; publishWallMs: number; consumeCpuUs: number; consumeWallMs: number }> {
  const prefix = `bench-bus-${randomUUID().slice(0, 8)}.`;
  const bus = createKafkaBus({ brokers: brokers!, clientId: 'bench-bus', topicPrefix: prefix, partitions: { classified: 2 }, packRecords });
  try {
    await bus.publish('classified', messages.slice(0, 1)); // topic creation and connections are not measured
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 1; i < N; i += 500) await bus.publish('classified', messages.slice(i, i + 500));
    const publishCpu = cpuMs(cpu0);
    const publishWallMs = performance.now() - t0;

    let seen = 0;
    const controller = new AbortController();
    let done!: () => void;
    const all = new Promise<void>((r) => (done = r));
    const cpu1 = process.cpuUsage();
    const t1 = performance.now();
    const consuming = bus.consume(
      'classified',
      'bench',
      async (batch: BusMessage[]) => {
        seen += batch.length;
        if (seen >= N) done();
      },
      controller.signal,
      { maxBatch: 500 },
    );
    await all;
    const consumeCpu = cpuMs(cpu1);
    const consumeWallMs = performance.now() - t1;
    controller.abort();
    await consuming;
    return { publishCpuUs: (publishCpu * 1000) / N, publishWallMs, consumeCpuUs: (consumeCpu * 1000) / N, consumeWallMs };
  } finally {
    await bus.close();
    await dropKafkaNamespace({ brokers: brokers!, clientId: 'bench-bus', topicPrefix: prefix });
  }
}

console.log(`bench:bus  ${N.toLocaleString('en')} classified posts (${bytes.toFixed(0)} bytes of JSON each), Kafka at ${brokers.join(',')}`);
const results: Array<[string, Awaited<ReturnType<typeof measure>>]> = [];
for (const packRecords of [false, true]) {
  const r = await measure(packRecords);
  results.push([packRecords ? 'packed records' : 'one record per message', r]);
  console.log(
    `  ${(packRecords ? 'packed records (default)' : 'one record per message').padEnd(26)} publish ${r.publishCpuUs.toFixed(1).padStart(6)} µs CPU/msg, ${r.publishWallMs.toFixed(0).padStart(6)} ms wall; ` +
      `consume ${r.consumeCpuUs.toFixed(1).padStart(6)} µs CPU/msg, ${r.consumeWallMs.toFixed(0).padStart(6)} ms wall`,
  );
}
const [plain, packed] = [results[0]![1], results[1]![1]];
console.log(
  `  packed ÷ one per message: CPU ${((packed.publishCpuUs + packed.consumeCpuUs) / (plain.publishCpuUs + plain.consumeCpuUs)).toFixed(2)}, ` +
    `wall ${((packed.publishWallMs + packed.consumeWallMs) / (plain.publishWallMs + plain.consumeWallMs)).toFixed(2)}`,
);
