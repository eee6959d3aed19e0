/**
 * Stops a long-running command when the npm process that started it exits. `npm start` and `npx kundenradar` exit
 * on SIGTERM without passing it on, and the service they started would keep running, re-parented, holding its port
 * (QA live run: the next start failed with "port already in use"). Watched only under npm: a service started by a
 * supervisor or a shell keeps running when its parent goes, as a daemon should.
 */
export interface ParentWatchOptions {
  /** The parent's pid now (process.ppid); injectable for tests. */
  parentPid?: () => number;
  intervalMs?: number;
  env?: Readonly<Record<string, string | undefined>>;
}

/** Calls `onExit` once when the parent pid changes; returns a stop function. No-op when not started by npm. */
export function whenNpmParentExits(onExit: () => void, options: ParentWatchOptions = {}): () => void {
  const env = options.env ?? process.env;
  if (env.npm_command === undefined && env.npm_lifecycle_event === undefined) return () => undefined;
  const parentPid = options.parentPid ?? (() => process.ppid);
  const initial = parentPid();
  const timer = setInterval(() => {
    if (parentPid() === initial) return;
    clearInterval(timer);
    onExit();
  }, options.intervalMs ?? 1000);
  timer.unref();
  return () => clearInterval(timer);
}
