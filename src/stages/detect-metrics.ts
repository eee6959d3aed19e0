/**
 * Open shitstorm incidents as a gauge, read from the detector's memory when scraped: one look-up per configured
 * brand, no store read. With several detect workers each reports the brands it owns, so sum() across them.
 */
import type { StreamDetector } from '../../classifiers/types.ts';
import type { ShitstormDetector } from '../../classifiers/shitstorm.ts';
import { scrapedGauge } from '../metrics.ts';

const openStorms = scrapedGauge({
  name: 'kundenradar_shitstorm_open_incidents',
  help: 'Shitstorm incidents open now, as the detect stage of this process holds them (its brands)',
  labelNames: [],
});

function isShitstorm(d: StreamDetector): d is ShitstormDetector {
  return d.name === 'shitstorm' && 'openIncident' in d;
}

/** Exports the count while the detect stage runs; returns what withdraws it. */
export function exportOpenStorms(detectors: readonly StreamDetector[], brandIds: readonly string[]): () => void {
  const shitstorm = detectors.find(isShitstorm);
  if (!shitstorm) return () => undefined;
  return openStorms.provide(async () => [{ labels: {}, value: brandIds.filter((id) => shitstorm.openIncident(id) !== undefined).length }]);
}
