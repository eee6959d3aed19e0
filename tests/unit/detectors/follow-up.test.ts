import { describe, expect, it } from 'vitest';
import { createUnansweredTracker } from '../../../classifiers/unanswered.ts';
import { AppConfig } from '../../../src/config.ts';
import type { Alert, Brand } from '../../../src/model.ts';
import { MemoryState, post, type PostSpec } from './helpers.ts';

// Which customer posts count as a follow-up (priority and severity of the unanswered alert): a customer chasing the
// brand, not a failure that happened again (QA defect 7: "my internet is down again" was urgent and critical at once).
const telvana: Brand = { id: 'telvana', name: 'Telvana', query: '@telvana_hilft', accounts: ['telvana_hilft'], language: 'de' };
const northgate: Brand = { id: 'northgate', name: 'Northgate', query: '@northgate_care', accounts: ['northgate_care'], language: 'en' };
const config = AppConfig.parse({ brands: [telvana, northgate] });
const T0 = Date.parse('2026-06-16T09:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

type Step = Omit<PostSpec, 'at'> & { minute: number };

/** Feeds the posts with the event clock, then lets the clock run to `endMinute`; returns the last revision per alert. */
async function run(steps: Step[], endMinute: number): Promise<Alert[]> {
  const tracker = createUnansweredTracker({ brands: [telvana, northgate], config, state: new MemoryState() });
  await tracker.restore();
  const last = new Map<string, Alert>();
  const keep = (alerts: Alert[]) => alerts.forEach((a) => last.set(a.id, a));
  for (const s of steps) keep(await tracker.observe(post({ ...s, at: at(s.minute) }), at(s.minute)));
  keep(await tracker.advance(at(endMinute)));
  return [...last.values()];
}

const first = (text: string, lang: 'de' | 'en', complaint: boolean): Step => ({
  id: 'c1',
  minute: 0,
  text,
  author: 'kundin',
  lang,
  complaint,
  brandContext: [lang === 'de' ? 'telvana' : 'northgate'],
});

describe('unanswered tracker: follow-ups', () => {
  it.each([
    ['@northgate_care my internet is down again, can you check?', 'en'],
    ['@telvana_hilft Schon wieder teurer?! Was soll das?', 'de'],
    ['@telvana_hilft Zum dritten Mal diese Woche kein Netz', 'de'],
  ] as const)('a first message reporting a repeated failure is no follow-up: %s', async (text, lang) => {
    const [alert] = await run([first(text, lang, true)], 70);
    expect(alert?.evidence).toMatchObject({ followUps: 0, priority: 'high' });
    expect(alert?.severity).toBe('warning');
  });

  it.each([
    ['@telvana_hilft Ich schreibe zum dritten Mal, wann kommt der Techniker?', 'de'],
    ["@northgate_care third time I'm asking: where is my refund?", 'en'],
  ] as const)('a first message saying the customer asked before is one: %s', async (text, lang) => {
    const [alert] = await run([first(text, lang, false)], 70);
    expect(alert?.evidence).toMatchObject({ followUps: 1, priority: 'high' });
  });

  it('"schon wieder" later in a thread is one: the customer comes back after an answer', async () => {
    const [alert] = await run(
      [
        first('@telvana_hilft Kein Internet seit heute Morgen', 'de', true),
        { id: 'b1', minute: 20, text: 'Die Störung ist behoben, bitte Router neu starten.', author: 'telvana_hilft', isBrand: true, rootId: 'c1', parentId: 'c1' },
        { id: 'c2', minute: 120, text: '@telvana_hilft Und jetzt schon wieder weg', author: 'kundin', rootId: 'c1', parentId: 'b1', complaint: true, brandContext: ['telvana'] },
      ],
      190,
    );
    expect(alert?.evidence).toMatchObject({ followUps: 1, priority: 'urgent', unansweredIds: ['twitter:c2'] });
  });
});
