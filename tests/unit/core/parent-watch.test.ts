/** A service started by `npm start` or `npx kundenradar` stops when npm exits (npm does not pass SIGTERM on). */
import { describe, expect, it } from 'vitest';
import { whenNpmParentExits } from '../../../src/parent-watch.ts';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('whenNpmParentExits', () => {
  it('calls back once when the npm parent is gone (the process was re-parented)', async () => {
    let parent = 4242;
    let calls = 0;
    whenNpmParentExits(() => (calls += 1), { parentPid: () => parent, intervalMs: 5, env: { npm_command: 'run-script' } });
    await wait(30);
    expect(calls).toBe(0);
    parent = 1;
    await wait(30);
    expect(calls).toBe(1);
    parent = 7;
    await wait(30);
    expect(calls).toBe(1);
  });

  it('watches nothing when no npm started the process: a daemon outlives the shell that started it', async () => {
    let parent = 4242;
    let calls = 0;
    whenNpmParentExits(() => (calls += 1), { parentPid: () => parent, intervalMs: 5, env: {} });
    parent = 1;
    await wait(30);
    expect(calls).toBe(0);
  });
});
