/**
 * The line a started process prints on stderr: where to reach it. A worker's probe port is no dashboard (QA: every
 * `worker … --metrics-port` printed "Kundenradar dashboard: http://…/", which answers 404).
 */
export function addressLine(service: { url?: string; probeUrl?: string }): string | undefined {
  if (service.url) return `Kundenradar dashboard: ${service.url}/`;
  if (service.probeUrl) return `probes and metrics on ${service.probeUrl}/healthz /readyz /metrics`;
  return undefined;
}
