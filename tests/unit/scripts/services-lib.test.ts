/**
 * scripts/services/lib.sh: the start helpers the Kafka and Elasticsearch scripts share. Run with bash against real
 * processes; what they guard against is timing (a loaded CI machine), so the slow case is made slow on purpose.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const lib = path.resolve(import.meta.dirname, '../../../scripts/services/lib.sh');
let dir = '';

afterEach(() => {
  if (!dir) return;
  // Stop the "server" of the case (a sleep) by the pid the helper recorded, then remove our folder.
  try {
    process.kill(Number(readFileSync(path.join(dir, 'pid'), 'utf8').trim()), 'SIGKILL');
  } catch {
    // already gone
  }
  rmSync(dir, { recursive: true, force: true });
  dir = '';
});

/** Starts CMD detached as the scripts do and waits for `ready` (a file appearing), as `start` does. */
async function startAndWait(child: string, marker: string, deadline = 30): Promise<{ ok: boolean; stderr: string }> {
  if (child.includes("'")) throw new Error('the child command must not contain single quotes');
  dir = mkdtempSync(path.join(os.tmpdir(), 'kr-lib-'));
  const script = [
    `SERVICE_NAME=test; source ${JSON.stringify(lib)}`,
    `ready() { [[ -f ${dir}/ready ]]; }`,
    // Single quotes: the child expands $DIR and $MARK itself, so its own command line shows them unexpanded.
    `start_detached ${dir}/pid ${dir}/log bash -c '${child}'`,
    `wait_until ${deadline} ${dir}/pid ${JSON.stringify(marker)} ${dir}/log ready`,
  ].join('\n');
  try {
    const { stderr } = await run('bash', ['-c', script], { env: { ...process.env, DIR: dir, MARK: marker } });
    return { ok: true, stderr };
  } catch (err) {
    return { ok: false, stderr: String((err as { stderr?: string }).stderr ?? err) };
  }
}

describe('scripts/services/lib.sh wait_until', () => {
  it('waits for a server that takes a while to exec (its command line lacks the marker until then)', async () => {
    // Two seconds as plain bash (the marker only in its environment, not its command line), then exec into the
    // "server" whose command line carries it; ready after that.
    const r = await startAndWait('sleep 2; exec bash -c "touch $DIR/ready; exec sleep 20" "$MARK"', 'kr-marker-server');
    expect(r.stderr).not.toMatch(/exited during startup/);
    expect(r.ok).toBe(true);
  }, 40_000);

  it('still fails fast, with the log, when the server really exits', async () => {
    const started = Date.now();
    const r = await startAndWait('echo "boom: port taken" >&2; exit 3', 'kr-never');
    expect(r.ok).toBe(false);
    expect(r.stderr).toMatch(/exited during startup/);
    expect(r.stderr).toMatch(/boom: port taken/);
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 40_000);
});
