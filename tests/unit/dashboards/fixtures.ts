/**
 * Demo-like data for the dashboard tests (unit and e2e): two fictional brands, German and English posts,
 * complaints with their cues, brand replies of each kind, a burst of negative posts, alerts of each kind and
 * posts carrying XSS payloads. Everything goes through the model schemas, so the store sees valid data.
 * When the full pipeline's demo (`startService`) is available, e2e swaps `seedDashboardStore` for it.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type express from 'express';
import { AppConfig } from '../../../src/config.ts';
import { Alert, Classified, type Cue, type Intent, type ReplyKind, type SentimentLabel } from '../../../src/model.ts';
import type { Store } from '../../../src/store/port.ts';

export const XSS_TEXT = '<img src=x onerror="window.__xss=1;alert(1)"> <script>window.__xss=2;alert(2)</script> Paket immer noch nicht da!';
export const XSS_HANDLE = '<svg onload=alert(3)>';

export function demoConfig(overrides: { host?: string; publicUrl?: string } = {}): AppConfig {
  return AppConfig.parse({
    server: { host: overrides.host ?? '127.0.0.1', port: 0, ...(overrides.publicUrl ? { publicUrl: overrides.publicUrl } : {}) },
    brands: [
      { id: 'flinkpost', name: 'Flinkpost', query: 'flinkpost OR @flinkpost', accounts: ['flinkpost_hilfe'], sla: { twitter: 60 } },
      { id: 'netzwerk-nord', name: 'Netzwerk Nord', query: '"netzwerk nord" OR @netzwerknord', accounts: ['netzwerknord'], language: 'de' },
    ],
    sources: [
      { type: 'twitter', name: 'twitter' },
      { type: 'rss', name: 'blogs' },
    ],
    sla: { twitter: 60, rss: 1440 },
  });
}

interface PostSpec {
  id: string;
  brand: string;
  text: string;
  minutesAgo: number;
  author?: string;
  source?: string;
  isBrand?: boolean;
  replyKind?: ReplyKind;
  rootId?: string;
  parentId?: string;
  cues?: string[];
  sentiment?: SentimentLabel;
  intents?: Intent[];
  lang?: 'de' | 'en';
  title?: string;
}

/** Cues as the cue classifier reports them: the phrase, a weight, and its span in the text when it occurs. */
function cuesFor(text: string, phrases: string[]): Cue[] {
  return phrases.map((cue, i) => {
    const at = text.toLowerCase().indexOf(cue.toLowerCase());
    return { cue, weight: 0.9 - i * 0.2, ...(at >= 0 ? { span: [at, at + cue.length] as [number, number] } : {}) };
  });
}

export function post(spec: PostSpec, now: Date): Classified {
  const source = spec.source ?? 'twitter';
  const id = `${source}:${spec.id}`;
  const createdAt = new Date(now.getTime() - spec.minutesAgo * 60_000).toISOString();
  const cues = cuesFor(spec.text, spec.cues ?? []);
  const isComplaint = cues.length > 0;
  return Classified.parse({
    id,
    source,
    url: `https://example.org/${source}/${spec.id}`,
    author: { id: spec.author ?? `user-${spec.id}`, handle: spec.author ?? `kunde_${spec.id}`, isBrand: spec.isBrand ?? false },
    ...(spec.title ? { title: spec.title } : {}),
    text: spec.text,
    createdAt,
    thread: { rootId: spec.rootId ? `${source}:${spec.rootId}` : id, ...(spec.parentId ? { parentId: `${source}:${spec.parentId}` } : {}) },
    channel: spec.rootId ? 'reply' : 'post',
    lang: spec.lang ?? 'de',
    brands: [spec.brand],
    complaint: { score: isComplaint ? 0.85 : 0.1, isComplaint, cues, severity: isComplaint ? 2 : 0 },
    sentiment: { label: spec.sentiment ?? (isComplaint ? 'negative' : 'neutral'), score: isComplaint ? -0.7 : 0 },
    intents: spec.intents ?? [],
    ...(spec.replyKind ? { replyKind: spec.replyKind } : {}),
    classifiedAt: now.toISOString(),
    model: 'fixture',
  });
}

export interface DemoDataset {
  mentions: Classified[];
  alerts: Alert[];
}

export function demoDataset(now: Date): DemoDataset {
  const p = (spec: PostSpec) => post(spec, now);
  const mentions: Classified[] = [
    // Unanswered thread 1: complaint, only an auto-reply so far, 3 h waited on a 1 h SLA.
    p({ id: '100', brand: 'flinkpost', minutesAgo: 180, text: '@flinkpost Mein Paket ist seit drei Tagen verschwunden und keine Antwort vom Kundenservice.', cues: ['seit drei Tagen', 'keine Antwort'], intents: ['delivery', 'support_unreachable'] }),
    p({ id: '101', brand: 'flinkpost', minutesAgo: 178, rootId: '100', parentId: '100', isBrand: true, author: 'flinkpost_hilfe', replyKind: 'auto_reply', text: 'Danke für deine Nachricht! Wir melden uns schnellstmöglich.' }),
    // Unanswered thread 2: English, asked to DM (deflection), 90 min waited.
    p({ id: '200', brand: 'flinkpost', minutesAgo: 90, lang: 'en', author: 'anna_uk', text: '@flinkpost still waiting for my refund, no reply to three emails.', cues: ['still waiting', 'no reply'], intents: ['billing'] }),
    p({ id: '201', brand: 'flinkpost', minutesAgo: 85, rootId: '200', parentId: '200', isBrand: true, author: 'flinkpost_hilfe', replyKind: 'deflection', lang: 'en', text: 'Please send us a DM with your order number.' }),
    // Unanswered thread 3: within the SLA still (20 min), no reply yet.
    p({ id: '300', brand: 'netzwerk-nord', minutesAgo: 20, text: '@netzwerknord Internet seit heute morgen weg, Hotline nicht erreichbar. Mahnung kam trotzdem, und das Paket mit dem Router fehlt auch.', cues: ['nicht erreichbar', 'Mahnung'], intents: ['support_unreachable', 'billing'] }),
    // An answered thread: no alert.
    p({ id: '400', brand: 'netzwerk-nord', minutesAgo: 600, text: 'Wie kann ich meinen Tarif wechseln?', intents: ['question'] }),
    p({ id: '401', brand: 'netzwerk-nord', minutesAgo: 590, rootId: '400', parentId: '400', isBrand: true, author: 'netzwerknord', replyKind: 'answer', text: 'Im Kundenportal unter Verträge > Tarif ändern.' }),
    // Praise and news.
    p({ id: '500', brand: 'flinkpost', minutesAgo: 1500, sentiment: 'positive', text: 'Lieferung von Flinkpost heute super pünktlich, danke an den Fahrer!' }),
    p({ id: '501', brand: 'netzwerk-nord', minutesAgo: 2500, source: 'blogs', sentiment: 'neutral', title: 'Netzwerk Nord baut Glasfaser aus', text: 'Netzwerk Nord kündigt den Glasfaserausbau in drei weiteren Städten an.' }),
    // XSS payloads in text, handle and title: must stay inert everywhere.
    p({ id: '666', brand: 'flinkpost', minutesAgo: 30, author: XSS_HANDLE, title: '<b onmouseover=alert(4)>bold</b>', text: XSS_TEXT, cues: ['immer noch nicht'], intents: ['delivery'] }),
  ];
  // A burst of negative posts for flinkpost in the last two hours, over a quiet baseline the day before.
  for (let i = 0; i < 14; i++) {
    mentions.push(p({ id: `burst-${i}`, brand: 'flinkpost', minutesAgo: 5 + i * 8, text: `Flinkpost Totalausfall, Sendungsverfolgung kaputt, immer noch nicht geliefert #${i}`, cues: ['immer noch nicht', 'kaputt'], intents: ['delivery'] }));
  }
  for (let i = 0; i < 12; i++) {
    mentions.push(p({ id: `base-${i}`, brand: i % 2 ? 'flinkpost' : 'netzwerk-nord', minutesAgo: 240 + i * 110, text: `Ganz normaler Beitrag Nummer ${i} über ${i % 2 ? 'Flinkpost' : 'Netzwerk Nord'}.` }));
  }

  const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000).toISOString();
  const alerts = [
    Alert.parse({
      id: 'unanswered:flinkpost:twitter:100', kind: 'unanswered', brand: 'flinkpost', severity: 'critical', status: 'open',
      title: 'Beschwerde von @kunde_100 seit 3 h unbeantwortet (twitter, SLA 1 h)', openedAt: at(120), updatedAt: at(10),
      mentions: ['twitter:100', 'twitter:101'], dedupeKey: 'unanswered:flinkpost:twitter:100',
      examples: [{ id: 'twitter:100', text: mentions[0]!.text, createdAt: at(180), author: 'kunde_100' }],
      evidence: { threadRootId: 'twitter:100', slaMinutes: 60, waitingSince: at(180), waitedMinutes: 170, brandReplies: ['auto_reply'], state: 'awaiting_brand' },
    }),
    Alert.parse({
      id: 'unanswered:flinkpost:twitter:200', kind: 'unanswered', brand: 'flinkpost', severity: 'warning', status: 'open',
      title: 'Complaint from @anna_uk unanswered for 90 min (twitter, SLA 1 h)', openedAt: at(30), updatedAt: at(30),
      mentions: ['twitter:200', 'twitter:201'], dedupeKey: 'unanswered:flinkpost:twitter:200',
      evidence: { threadRootId: 'twitter:200', slaMinutes: 60, waitingSince: at(90), brandReplies: ['deflection'] },
    }),
    // No evidence keys at all: the queue derives root, SLA and waiting time from the thread.
    Alert.parse({
      id: 'unanswered:netzwerk-nord:twitter:300', kind: 'unanswered', brand: 'netzwerk-nord', severity: 'watch', status: 'open',
      title: 'Beschwerde von @kunde_300 noch im SLA', openedAt: at(20), updatedAt: at(20),
      mentions: ['twitter:300'], dedupeKey: 'unanswered:netzwerk-nord:twitter:300', evidence: {},
    }),
    Alert.parse({
      id: 'shitstorm:flinkpost:1', kind: 'shitstorm', brand: 'flinkpost', severity: 'critical', status: 'open',
      title: 'Flinkpost: 14 negative Beiträge in 2 h (erwartet 1)', openedAt: at(60), updatedAt: at(5),
      mentions: ['twitter:burst-0', 'twitter:burst-1'], dedupeKey: 'shitstorm:flinkpost',
      examples: [{ id: 'twitter:666', text: XSS_TEXT, author: XSS_HANDLE, createdAt: at(30), url: 'https://social.example/666' }],
      evidence: { count: 14, expected: 1.2, negativeShare: 0.93, windowMinutes: 120 },
    }),
    Alert.parse({
      id: 'complaint:netzwerk-nord:old', kind: 'complaint', brand: 'netzwerk-nord', severity: 'info', status: 'resolved',
      title: 'Alte Beschwerde, erledigt', openedAt: at(3000), updatedAt: at(2900), resolvedAt: at(2900),
      mentions: ['twitter:400'], dedupeKey: 'complaint:old', evidence: { score: 0.7 },
    }),
  ];
  return { mentions, alerts };
}

export async function seedDashboardStore(store: Store, now: Date): Promise<DemoDataset> {
  const data = demoDataset(now);
  await store.upsertMentions(data.mentions);
  for (const alert of data.alerts) await store.upsertAlert(alert);
  await store.refresh();
  return data;
}

export interface Served {
  url: string;
  close(): Promise<void>;
}

/** Serves an app on an ephemeral loopback port; requests go through real HTTP (headers, cookies, redirects). */
export async function serve(app: express.Express): Promise<Served> {
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(0, '127.0.0.1', (err?: Error) => (err ? reject(err) : resolve(s)));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}
