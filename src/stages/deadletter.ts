/** Parks a message that can never be processed on the dead-letter topic, with the reason, instead of throwing. */
import type { Bus, BusMessage, DeadLetter } from '../bus/port.ts';
import { childLogger } from '../log.ts';
import type { z } from 'zod';
import { formatZodIssues } from '../config.ts';

const log = childLogger('deadletter');

export async function deadLetter(bus: Bus, stage: string, message: BusMessage, reason: string): Promise<void> {
  const letter: DeadLetter = { stage, topic: message.topic, key: message.key, reason, value: message.value, at: new Date().toISOString() };
  log.warn({ stage, topic: message.topic, key: message.key, reason }, 'message dead-lettered');
  await bus.publish('deadletter', [{ key: message.key, value: letter }]);
}

/** Splits a batch into values that pass `schema` and dead-letters the rest with the schema's reasons. */
export async function validBatch<T>(bus: Bus, stage: string, batch: BusMessage[], schema: z.ZodType<T>): Promise<Array<{ message: BusMessage; value: T }>> {
  const valid: Array<{ message: BusMessage; value: T }> = [];
  for (const message of batch) {
    const parsed = schema.safeParse(message.value);
    if (parsed.success) valid.push({ message, value: parsed.data });
    else await deadLetter(bus, stage, message, `invalid ${message.topic} message: ${formatZodIssues(parsed.error).join('; ')}`);
  }
  return valid;
}
