/** README's metrics table names every Kundenradar metric the code registers, so operators alert on real names. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { registry } from '../../../src/metrics.ts';
// The modules that define metrics register them when loaded.
import '../../../src/bus/metrics.ts';
import '../../../src/store/metrics.ts';
import '../../../src/alerts/metrics.ts';
import '../../../ingestors/metrics.ts';
import '../../../src/consumer-watch.ts';
import '../../../src/stages/detect-metrics.ts';

describe('README metrics table', () => {
  it('lists every kundenradar_ metric, and no metric the code does not export', () => {
    const readme = readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');
    const registered = registry.getMetricsAsArray().map((m) => m.name).filter((n) => n.startsWith('kundenradar_')).sort();
    const documented = [...new Set([...readme.matchAll(/^\| `(kundenradar_[a-z_]+)`/gm)].map((m) => m[1]!))].sort();
    expect(registered.length).toBeGreaterThan(5);
    expect(documented).toEqual(registered);
  });
});
