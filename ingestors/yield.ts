/**
 * Long loops over a source's items (a feed of 50,000 entries) run in one process with every other source, the
 * webhooks and the dashboard: handed back to the event loop now and then, they delay those by milliseconds
 * instead of seconds.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';

/** Items handled between two turns of the event loop: a few milliseconds of work each. */
const ITEMS_PER_TURN = 200;

/** Returns a function to await once per item; every ITEMS_PER_TURN calls it lets the event loop run. */
export function turnTaker(every: number = ITEMS_PER_TURN): () => Promise<void> {
  let count = 0;
  return async () => {
    if (++count % every === 0) await nextTurn();
  };
}
