/**
 * CPU time of local processes (Linux /proc), so bench:pipeline can say where a phase's CPU went: the stages,
 * Elasticsearch, Kafka. On two cores that split, not I/O, decides the pipeline's rate; without it the ratio
 * is a number nobody can act on. Elsewhere (no /proc, or services on another host) it reports nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Linux reports utime/stime in clock ticks; 100 per second on every mainstream kernel configuration. */
const TICKS_PER_SECOND = 100;

/** User + system CPU seconds of `pid` so far, or undefined when it cannot be read. */
export function processCpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces and parentheses: count fields after its closing one.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return Number.isFinite(utime) && Number.isFinite(stime) ? (utime + stime) / TICKS_PER_SECOND : undefined;
  } catch {
    return undefined;
  }
}

/** The pid a `scripts/services/<name>` start recorded, when that process is still running here. */
export function servicePid(name: 'elasticsearch' | 'kafka', root = process.cwd()): number | undefined {
  const file = path.join(root, '.services', name, `${name}.pid`);
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 && processCpuSeconds(pid) !== undefined ? pid : undefined;
}

/** Starts a CPU account over named processes; `stop()` returns each one's CPU seconds since the start. */
export function cpuAccount(pids: Record<string, number | undefined>): { stop(): Record<string, number> } {
  const start = new Map<string, number>();
  for (const [name, pid] of Object.entries(pids)) {
    const s = pid === undefined ? undefined : processCpuSeconds(pid);
    if (s !== undefined) start.set(name, s);
  }
  return {
    stop() {
      const out: Record<string, number> = {};
      for (const [name, s0] of start) {
        const s1 = processCpuSeconds(pids[name] as number);
        if (s1 !== undefined) out[name] = s1 - s0;
      }
      return out;
    },
  };
}

/** "stages 5.1 s (255 µs/post), elasticsearch 4.6 s (230 µs/post), …, all 11.2 s of 8.3 s × 2 cores". */
export function formatCpu(used: Record<string, number>, posts: number, wallSeconds: number, cores: number): string {
  const parts = Object.entries(used).map(([name, s]) => `${name} ${s.toFixed(1)} s (${Math.round((s * 1e6) / posts)} µs/post)`);
  const total = Object.values(used).reduce((a, b) => a + b, 0);
  return `${parts.join(', ')}; together ${total.toFixed(1)} CPU-s of ${(wallSeconds * cores).toFixed(1)} available (${wallSeconds.toFixed(1)} s × ${cores} cores)`;
}
