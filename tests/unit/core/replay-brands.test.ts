/** Replay without --brand: the file's subjects are found from its posts and tracked as brands. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assignBrands } from '../../../classifiers/brand-assignment.ts';
import { compileBrandQuery } from '../../../classifiers/brand-query.ts';
import { prepare } from '../../../classifiers/text.ts';
import { accountsNamedLike } from '../../../src/commands/replay-accounts.ts';
import { describeDiscovery, discoverBrands, type BrandDiscovery } from '../../../src/commands/replay-brands.ts';
import { runReplay } from '../../../src/commands/replay.ts';
import { Alert, Mention, type Brand } from '../../../src/model.ts';

const START = Date.parse('2026-03-02T06:00:00Z'); // a Monday morning

/** A post as a collected dump holds it; `n` makes ids and times distinct. */
function mention(n: number, text: string, author = `user${n}`, at = START + n * 60_000): Mention {
  return Mention.parse({
    id: `twitter:${n}`,
    source: 'twitter',
    author: { id: author, handle: author },
    text,
    createdAt: new Date(at).toISOString(),
    thread: { rootId: `twitter:${n}` },
    channel: 'post',
  });
}

async function* each<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items;
}

/** Posts from `texts`, each repeated `times` (numbered on). */
function posts(...groups: Array<[text: string, times: number]>): Mention[] {
  const out: Mention[] = [];
  for (const [text, times] of groups) for (let i = 0; i < times; i++) out.push(mention(out.length, text));
  return out;
}

/** Everyday posts on ten topics and ten days: no word in more than a tenth of them. */
function chatter(count: number, from = 0): Mention[] {
  const topics = ['Paket', 'Rechnung', 'Hotline', 'Vertrag', 'Lieferung', 'Kündigung', 'Router', 'Tarif', 'Drucker', 'Fahrrad'];
  const days = ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag', 'Ostern', 'Pfingsten', 'Silvester'];
  return Array.from({ length: count }, (_, i) => mention(from + i, `${topics[i % 10]} am ${days[Math.floor(i / 10) % 10]}`));
}

function found(d: BrandDiscovery): Brand[] {
  if (d.kind !== 'found') throw new Error(`expected brands to be found, got ${JSON.stringify(d)}`);
  return d.brands.map((b) => b.brand);
}

describe('brand discovery for replay', () => {
  it('tracks what most posts are about, named as most posts spell it; function words never count', async () => {
    const d = await discoverBrands(
      each(
        posts(
          ['Aerolux hat meinen Koffer verloren und die Hotline ist nicht erreichbar', 12],
          ['Mit AEROLUX nach Lissabon, das war ein schöner Flug', 3],
          ['The Aerolux lounge in Frankfurt is really nice', 6],
          ['Das Wetter ist heute schön und die Sonne scheint', 9],
        ),
      ),
      [],
    );
    const [brand, ...more] = found(d);
    expect(more).toEqual([]);
    expect(brand).toMatchObject({ id: 'aerolux', name: 'Aerolux', language: 'de', accounts: [] });
    expect(brand!.query).toBe('Aerolux OR #aerolux OR @aerolux');
    expect(describeDiscovery(d)).toEqual([
      'replay: no brand given; the posts are mostly about "Aerolux" (70 % of them): tracking it as brand aerolux (Aerolux OR #aerolux OR @aerolux; language de). Pass --brand NAME[=QUERY] to choose.',
    ]);
  });

  it('counts "Aerolux", "#aerolux" and "@aerolux" as one subject, and adds frequent handles and hashtags that contain it', async () => {
    const list = posts(
      ['#Aerolux schon wieder 3 Stunden Verspätung #aeroluxfail', 10],
      ['@aerolux wo bleibt mein Koffer?', 10],
      ['Aerolux: never again, lost my bag #aeroluxfail', 10],
      ['Hallo @aerolux_hilft, bitte um Rückruf', 5],
      ['Danke für die Geduld', 5],
    );
    // The support account answers in the file: its posts must count as brand replies.
    list.push(mention(100, '@kunde123 Das tut uns leid, bitte schreib uns eine DM.', 'Aerolux_Hilft'));
    const d = await discoverBrands(each(list), []);
    const [brand, ...more] = found(d);
    expect(more).toEqual([]);
    expect(brand!.name).toBe('Aerolux');
    expect(brand!.query).toBe('Aerolux OR #aerolux OR @aerolux OR #aeroluxfail OR @aerolux_hilft');
    // The author first; "@aerolux", which customers address, is the brand's too (QA finding 1).
    expect(brand!.accounts).toEqual(['@aerolux_hilft', '@aerolux']);
    const reply = list.at(-1)!;
    expect(assignBrands(reply, [brand!]).authorBrand).toBe('aerolux');
  });

  it('names the brand by its word when the support handle holding it is @mentioned more often (QA firestorm round 2)', async () => {
    const list = posts(
      ['@MediaMarkt_DE wo bleibt meine Lieferung?', 30],
      ['@MediaMarkt_DE Frechheit, schon wieder falsch geliefert', 20],
      ['MediaMarkt hat mich versetzt, nie wieder', 15],
      ['Das Wetter ist heute schön', 10],
    );
    const [brand, ...more] = found(await discoverBrands(each(list), []));
    expect(more).toEqual([]);
    expect(brand).toMatchObject({ id: 'mediamarkt', name: 'MediaMarkt', accounts: ['@mediamarkt_de'] });
    expect(brand!.query).toBe('MediaMarkt OR #mediamarkt OR @mediamarkt OR @mediamarkt_de');
  });

  it("takes a page that replies under the subject's own name as its account (Facebook records have names, not handles)", async () => {
    const list = posts(['Telekom, seit drei Tagen kein Internet!', 15], ['Nie wieder Telekom', 10], ['Danke für die Geduld', 5]);
    const reply = Mention.parse({
      id: 'json:900',
      source: 'json',
      author: { id: '100000123', name: 'Telekom' },
      text: 'Das tut uns leid, bitte schreib uns eine Nachricht.',
      createdAt: new Date(START + 3_600_000).toISOString(),
      thread: { rootId: 'json:1' },
      channel: 'reply',
    });
    list.push(reply);
    const [brand] = found(await discoverBrands(each(list), []));
    expect(brand!.accounts).toEqual(['@telekom']);
    expect(assignBrands(reply, [brand!]).authorBrand).toBe('telekom');
    // A customer is no account for sharing a word with the brand's name.
    expect(assignBrands(list[0]!, [brand!]).authorBrand).toBeUndefined();
  });

  it('builds a query the real brand-query compiler accepts and that matches exactly the posts naming the subject', async () => {
    const list = posts(
      ['Aerolux hat meinen Flug gestrichen', 8],
      ['#aerolux lost my luggage', 8],
      ['@Aerolux why is nobody answering?', 8],
      ['#aeroluxfail Frechheit!', 4],
      ['Bahnstreik in Köln, nichts geht', 12],
    );
    const [brand] = found(await discoverBrands(each(list), []));
    const matches = compileBrandQuery(brand!.query);
    const matched = list.filter((m) => matches(prepare(m.text).lower, prepare(m.text).tokens).matched);
    expect(matched).toHaveLength(28);
    expect(matched.every((m) => /aerolux/i.test(m.text))).toBe(true);
  });

  it('does not make a common word of the storm a second brand when it stands in posts that already name the first', async () => {
    const d = await discoverBrands(
      each(
        posts(
          ['Aerolux Flug gestrichen, keine Info, keine Hilfe', 20],
          ['Aerolux flight cancelled again, Flug LX12', 10],
          ['Aerolux Service ist super', 10],
          ['Mein Flug nach Rom war toll', 4],
        ),
      ),
      [],
    );
    expect(found(d).map((b) => b.id)).toEqual(['aerolux']);
  });

  it('takes neither a reshared private user nor a lower-case word of the storm for a second brand (QA firestorm round 2)', async () => {
    const d = await discoverBrands(
      each(
        posts(
          ['United dragged a passenger off a flight', 20],
          ['Shame on United', 20],
          ['RT @foodie_jaso8626: Just cut up my card ✂️', 25],
          ['overbooked again, never flying with them', 20],
          ['Nice weather today', 5],
        ),
      ),
      [],
    );
    expect(found(d).map((b) => b.id)).toEqual(['united']);
  });

  it('finds two competitors a file is about, each with the language of its posts', async () => {
    const d = await discoverBrands(
      each(
        posts(
          ['Telekom Störung seit heute Morgen, kein Internet', 25],
          ['Vodafone support has been ignoring me for days', 20],
          ['Telekom oder Vodafone, wer hat das bessere Netz?', 5],
          ['Schönes Wochenende allerseits', 10],
        ),
      ),
      [],
    );
    expect(found(d).map((b) => [b.id, b.name, b.language])).toEqual([
      ['telekom', 'Telekom', 'de'],
      ['vodafone', 'Vodafone', 'en'],
    ]);
    expect(describeDiscovery(d)[1]).toMatch(/^replay: no brand given; the posts are also about "Vodafone" \(42 % of them\): tracking it as brand vodafone/);
  });

  it('never takes the parts of a link written without its scheme for a subject (pic.twitter.com/…, bit.ly/…)', async () => {
    // A twint-style dump: every tweet with a picture carries "pic.twitter.com/<id>" in its text, 60 % of them here,
    // more than name the storm's subject (45 %); the rest is everyday chatter.
    const texts = chatter(200).map((m, i) => {
      const text = i % 20 < 9 ? `Aerolux hat meinen Flug ${i} gestrichen` : m.text;
      return i % 5 < 3 ? `${text} pic.twitter.com/Ab${i}Xy` : i % 5 === 3 ? `${text} bit.ly/3x${i}` : text;
    });
    const d = await discoverBrands(each(texts.map((t, i) => mention(i, t))), []);
    expect(found(d).map((b) => b.name)).toEqual(['Aerolux']);
  });

  it('finds nothing when no term is in a fifth of the posts, and says so with the top term', async () => {
    const d = await discoverBrands(each(chatter(100)), []);
    expect(d.kind).toBe('none');
    expect(describeDiscovery(d)).toEqual([
      'replay: no brand given and no subject stands out (top term "Dienstag" in 10 % of 100 posts): shitstorm and unanswered detection need a brand; pass --brand NAME[=QUERY]',
    ]);
  });

  it('finds nothing below 20 % of the posts', async () => {
    const list = [...posts(['Aerolux Koffer weg', 19]), ...chatter(81, 19)];
    const d = await discoverBrands(each(list), []);
    expect(d.kind).toBe('none');
    expect(describeDiscovery(d)[0]).toMatch(/no subject stands out \(top term "(Aerolux|Koffer)" in 19 % of 100 posts\)/);
  });

  it('needs 20 posts, however large their share', async () => {
    expect((await discoverBrands(each(posts(['Aerolux Koffer weg', 19])), [])).kind).toBe('none');
    expect((await discoverBrands(each(posts(['Aerolux Koffer weg', 20])), [])).kind).toBe('found');
  });

  it('leaves a file alone whose known brands match its posts, and says so when they match none', async () => {
    const list = posts(['Aerolux Koffer weg', 30]);
    const aerolux: Brand = { id: 'aerolux', name: 'Aerolux', query: 'Aerolux', accounts: [], language: 'de' };
    const zeppelin: Brand = { id: 'zeppelin', name: 'Zeppelin', query: 'Zeppelin', accounts: [], language: 'de' };
    expect(await discoverBrands(each(list), [zeppelin, aerolux])).toEqual({ kind: 'known-brands-match' });
    const d = await discoverBrands(each(list), [zeppelin]);
    expect(found(d).map((b) => b.id)).toEqual(['aerolux']);
    expect(describeDiscovery(d)[0]).toBe('replay: the brands of the config and the file (zeppelin) match no post of the file; looking for what the posts are about instead');
  });

  it('decides on counts of every post while keeping only a bounded sample of them', async () => {
    const list = [...chatter(150), ...posts(['Aerolux lost my bag', 50])];
    const d = await discoverBrands(each(list), [], 10);
    expect(d.kind === 'found' && d.brands.map((b) => [b.brand.id, b.posts, b.share])).toEqual([['aerolux', 50, 0.25]]);
  });
});

/**
 * A small storm: a quiet working day (25 posts an hour naming the brand, one in five a complaint, from regulars,
 * the brand's service account answering some), then an hour in which hundreds of new people complain.
 */
function stormFile(): string {
  const rows: object[] = [];
  const add = (at: number, author: string, text: string) =>
    rows.push({ id: `demo:${rows.length + 1}`, source: 'demo', author: { id: author, handle: author }, text, createdAt: new Date(at).toISOString(), thread: { rootId: `demo:${rows.length + 1}` }, channel: 'post' });
  const calm = ['Neues Lastenrad von Velotrax abgeholt, fährt super', 'Velotrax Werkstatt hat mein Rad schnell repariert, danke', 'Picked up my Velotrax e-bike today, love it', 'Welche Velotrax Modelle habt ihr so?'];
  for (let i = 0; i < 8 * 25; i++) {
    const at = START + i * (3_600_000 / 25);
    if (i % 5 === 0) add(at, `regular${i % 40}`, '@velotrax_hilfe Mein Velotrax Rad ist seit zwei Wochen in der Werkstatt, keine Antwort.');
    else if (i % 5 === 1) add(at, 'velotrax_hilfe', 'Danke für deine Nachricht, wir kümmern uns darum.');
    else add(at, `regular${i % 40}`, calm[i % calm.length]!);
  }
  const angry = [
    'Velotrax hat mein Rad seit drei Wochen nicht geliefert und die Hotline ist seit Stunden besetzt. Unfassbar! #velotraxfail',
    'Frechheit @velotrax_hilfe, Geld abgebucht und kein Rad geliefert! #velotraxfail',
    'Velotrax: worst customer service ever, still no bike and nobody answers #velotraxfail',
    'Nie wieder Velotrax! Rahmen gebrochen und der Kundenservice ignoriert mich. Unverschämt.',
  ];
  const onset = START + 8 * 3_600_000;
  for (let i = 0; i < 240; i++) add(onset + i * 15_000, `storm${i}`, angry[i % angry.length]!);
  return rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
}

describe('replay without --brand', () => {
  it('tracks the storm file’s subject as a brand and raises the shitstorm alert for it', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kr-replay-brands-'));
    const file = path.join(dir, 'storm.jsonl');
    writeFileSync(file, stormFile());
    // A config whose one brand is not in the file: its brand is found all the same, and the user is told why.
    const config = path.join(dir, 'kundenradar.yaml');
    writeFileSync(config, 'brands:\n  - id: zeppelin\n    name: Zeppelin\n    query: Zeppelin\n');
    const out = path.join(dir, 'alerts.jsonl');
    const lines: string[] = [];
    const summary = await runReplay({ file, format: 'jsonl', configFile: config, alertsOut: out, progress: (l) => lines.push(l) });
    expect(lines).toContain('replay: the brands of the config and the file (zeppelin) match no post of the file; looking for what the posts are about instead');
    expect(lines.find((l) => l.includes('tracking it as brand'))).toMatch(
      /^replay: no brand given; the posts are mostly about "Velotrax" \(91 % of them, 77 % by that name\): tracking it as brand velotrax \(Velotrax OR #velotrax OR @velotrax OR #velotraxfail OR @velotrax_hilfe; accounts @velotrax_hilfe; language de\)/,
    );
    const alerts = readFileSync(out, 'utf8').trim().split('\n').filter(Boolean).map((l) => Alert.parse(JSON.parse(l)));
    const storms = alerts.filter((a) => a.kind === 'shitstorm');
    expect(storms.map((a) => a.brand)).toContain('velotrax');
    expect(Date.parse(storms[0]!.openedAt)).toBeGreaterThanOrEqual(START + 8 * 3_600_000);

    const off = await runReplay({ file, format: 'jsonl', configFile: config, discoverBrands: false, progress: () => undefined });
    expect(off.mentions).toBe(summary.mentions);
    expect(off.alerts).toBe(0);
  }, 60_000);
});

// QA storm report defect 9: with --brand the brand had no accounts, so its apology and care replies counted as
// customer posts and it never answered anyone.
describe('replay --brand NAME: the brand\'s accounts', () => {
  it("takes the file's authors whose handle holds the brand's name as its accounts", async () => {
    const file = [
      mention(1, 'Dieser Werbespot ist widerlich @frischkauf', 'tobi'),
      mention(2, 'Wir entschuldigen uns für den Spot.', 'frischkauf'),
      mention(3, '@tobi Das tut uns leid, wir haben den Spot zurückgezogen.', 'Frischkauf_Hilft'),
      mention(4, 'Ich liebe #frischkauf', 'fan_of_bread'),
    ];
    expect((await accountsNamedLike(each(file), 'Frischkauf')).map((a) => a.account)).toEqual(['@frischkauf', '@Frischkauf_Hilft']);
    expect(await accountsNamedLike(each(file), 'DB')).toEqual([]);
  });

  it('replay treats those accounts\' posts as brand replies', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kr-brand-accounts-'));
    const file = path.join(dir, 'storm.jsonl');
    const out = path.join(dir, 'mentions.jsonl');
    writeFileSync(
      file,
      [mention(1, '@frischkauf Warum ist meine Bestellung nicht da?', 'kundin'), mention(2, '@kundin Sie kommt morgen früh.', 'frischkauf_hilft'), mention(3, '@frischkauf_hilft Wo bleibt mein Paket?', 'kunde2')]
        .map((m) => JSON.stringify(m))
        .join('\n'),
    );
    const lines: string[] = [];
    await runReplay({ file, format: 'jsonl', brands: ['Frischkauf'], mentionsOut: out, progress: (l) => lines.push(l) });
    const written = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { author: { isBrand: boolean }; brands: string[] });
    expect(written.map((m) => m.author.isBrand)).toEqual([false, true, false]);
    // Addressed only to the care account: the brand's too (the account joins the query).
    expect(written[2]?.brands).toEqual(['frischkauf']);
    expect(lines).toContain(
      'replay: brand frischkauf: accounts assumed @frischkauf_hilft (wrote 1 post, @mentioned in 1 post), @frischkauf (@mentioned in 1 post): their posts count as brand replies, posts to them as addressed to the brand (a config file chooses otherwise)',
    );
  });
});
