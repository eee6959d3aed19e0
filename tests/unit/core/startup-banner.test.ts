/** The address a started process prints: the dashboard's, or a worker's probes, never one posing as the other. */
import { describe, expect, it } from 'vitest';
import { addressLine } from '../../../src/startup-banner.ts';

describe('the address line on start', () => {
  it('names the dashboard when serve runs', () => {
    expect(addressLine({ url: 'http://127.0.0.1:8080' })).toBe('Kundenradar dashboard: http://127.0.0.1:8080/');
  });

  it('names the probes and metrics of a worker with --metrics-port, not a dashboard (that URL answers 404)', () => {
    const line = addressLine({ probeUrl: 'http://127.0.0.1:28101' });
    expect(line).toBe('probes and metrics on http://127.0.0.1:28101/healthz /readyz /metrics');
    expect(line).not.toContain('dashboard');
  });

  it('prints nothing for a worker without an HTTP port', () => {
    expect(addressLine({})).toBeUndefined();
  });
});
