import { describe, expect, it } from 'vitest';
import { createComplaintAlerter } from '../../../classifiers/complaint-alerts.ts';
import { parseConfig } from '../../../src/config.ts';
import { buildDetectors } from '../../../src/pipeline.ts';
import { Alert, type Brand } from '../../../src/model.ts';
import { MemoryState, post } from './helpers.ts';

const bahn: Brand = { id: 'bahn', name: 'Deutsche Bahn', query: 'Bahn', accounts: ['DB_Bahn'], language: 'de' };
const at = new Date('2026-11-16T10:00:00Z');

describe('complaint alerts (detect.complaintAlerts)', () => {
  it('raises one valid alert per customer complaint and brand, none for other posts or brand posts', async () => {
    const alerter = createComplaintAlerter({ brands: [bahn] });
    const complaint = post({ id: 'c1', text: 'Zug fällt schon wieder aus, keiner sagt was', at, author: 'kundin', brands: ['bahn'], complaint: true });
    const [alert, ...more] = await alerter.observe(complaint, at);
    expect(more).toEqual([]);
    expect(Alert.parse(alert)).toMatchObject({
      id: 'complaint:bahn:twitter:c1',
      kind: 'complaint',
      brand: 'bahn',
      status: 'open',
      title: 'Beschwerde über Deutsche Bahn von @kundin: „Zug fällt schon wieder aus, keiner sagt was“',
      mentions: ['twitter:c1'],
    });
    // Delivered again: the same alert, which the store and the outbox take once.
    expect(await alerter.observe(complaint, at)).toEqual([alert]);
    expect(await alerter.observe(post({ id: 'n1', text: 'Schöne Fahrt heute', at, author: 'kundin', brands: ['bahn'] }), at)).toEqual([]);
    expect(await alerter.observe(post({ id: 'b1', text: 'Leider fällt der Zug aus.', at, author: 'DB_Bahn', isBrand: true, brands: ['bahn'], complaint: true }), at)).toEqual([]);
  });

  it('runs only when the config asks for it', () => {
    const names = (yaml: string) => buildDetectors({ file: 'k.yaml', baseDir: '.', config: parseConfig(yaml, 'k.yaml'), env: {}, secrets: {} }, new MemoryState() as never).map((d) => d.name);
    expect(names('brands: []\n')).toEqual(['unanswered', 'shitstorm']);
    expect(names('detect: { complaintAlerts: true }\n')).toEqual(['unanswered', 'shitstorm', 'complaints']);
  });
});
