/**
 * classify: mentions → classified. One output message per brand the post concerns (key = brand), so each
 * detector instance sees whole brands; posts about no brand are still indexed under a shared key.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Bus } from '../bus/port.ts';
import type { Classifier } from '../../classifiers/types.ts';
import { Mention, type Classified } from '../model.ts';
import { deadLetter, validBatch } from './deadletter.ts';
import { stageMetrics } from '../metrics.ts';

export const UNBRANDED_KEY = '~unbranded';
/**
 * Longest stretch of classifying before other work gets the event loop. In embedded mode the API shares this
 * process: 85 posts of 49,000 characters pushed at once kept /healthz waiting 6.7 s.
 */
const SLICE_MS = 20;
export const CLASSIFY_GROUP = 'classify';

export function classifiedMessages(classified: Classified): Array<{ key: string; value: Classified }> {
  const keys = classified.brands.length > 0 ? classified.brands : [UNBRANDED_KEY];
  return keys.map((key) => ({ key, value: classified }));
}

export async function runClassifyStage(deps: { bus: Bus; classify: Classifier; signal: AbortSignal }): Promise<void> {
  const { bus, classify, signal } = deps;
  const metrics = stageMetrics('classify');
  await bus.consume(
    'mentions',
    CLASSIFY_GROUP,
    async (batch) => {
      const out: Array<{ key: string; value: Classified }> = [];
      // With several partitions of `mentions` (lanes), each post carries the one it came from, so the detect stage
      // can put event time back in order across them (detect-reorder.ts).
      const lanes = bus.partitionCount?.('mentions') ?? 1;
      let sliceStart = performance.now();
      for (const { message, value } of await validBatch(bus, 'classify', batch, Mention)) {
        try {
          const classified = classify(value);
          out.push(...classifiedMessages(lanes > 1 ? { ...classified, lane: { partition: message.partition, of: lanes } } : classified));
        } catch (err) {
          // A post the classifiers choke on is a bug to look at, not a reason to stop the stream.
          await deadLetter(bus, 'classify', message, `classifier failed: ${(err as Error).message}`);
        }
        if (performance.now() - sliceStart > SLICE_MS) {
          await yieldToEventLoop();
          sliceStart = performance.now();
        }
      }
      if (out.length > 0) await bus.publish('classified', out);
      metrics.processed(batch.length);
    },
    signal,
    // Classification is cheap per post; large batches amortise the publish round trip to the next topic.
    { maxBatch: 500 },
  );
}
