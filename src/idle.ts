/** Idling a process that has nothing left to do but must not exit (see cli.ts runUntilSignalled). */

/**
 * Resolves at the first SIGINT or SIGTERM; keeps the process alive until then (a pending promise alone does not).
 * The caller's own signal handlers run the shutdown.
 */
export function idleUntilSignalled(emitter: Pick<NodeJS.EventEmitter, 'once'>): Promise<void> {
  return new Promise((resolve) => {
    const keepAlive = setInterval(() => undefined, 2 ** 30);
    const done = (): void => {
      clearInterval(keepAlive);
      resolve();
    };
    emitter.once('SIGINT', done);
    emitter.once('SIGTERM', done);
  });
}
