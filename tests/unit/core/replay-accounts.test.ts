/**
 * QA finding 1: a brand that never replies in a replayed file had no accounts, so no complaint addressed to its
 * handle opened an unanswered thread and the replay reported "0 alerts". Handles that customers @mention and that
 * hold the brand's name are its accounts now, with --brand NAME, --brand NAME=QUERY and without --brand.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { accountsNamedLike, looksLikeBrand } from '../../../src/commands/replay-accounts.ts';
import { brandFromArgument, runReplay } from '../../../src/commands/replay.ts';
import { compileBrandQuery } from '../../../classifiers/brand-query.ts';
import { prepare } from '../../../classifiers/text.ts';
import { Alert } from '../../../src/model.ts';

async function* each<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items;
}

const post = (handle: string, text: string) => ({ author: { id: handle, handle }, text });

/** Customers writing to the care handle, which never answers in the file: German and English side by side. */
const IGNORED = [
  '@aerolux_hilft Koffer weg, niemand meldet sich. Unverschämt!',
  '@aerolux_hilft Flug gestrichen und keine Info. Frechheit!',
  '@aerolux_hilft my suitcase is lost and nobody answers. Disgraceful!',
];

function csvFile(rows: number): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kr-replay-accounts-'));
  const file = path.join(dir, 'ignored.csv');
  const lines = Array.from({ length: rows }, (_, i) => `${i + 1},2026-12-01 ${String(8 + Math.floor(i / 6)).padStart(2, '0')}:${String((i % 6) * 10).padStart(2, '0')},@kunde_${i},"${IGNORED[i % IGNORED.length]}"`);
  writeFileSync(file, ['id,date,author,text', ...lines].join('\n') + '\n');
  return file;
}

async function replayAlerts(file: string, brands?: string[]): Promise<{ alerts: Alert[]; lines: string[] }> {
  const out = path.join(path.dirname(file), `alerts-${Math.random().toString(36).slice(2)}.jsonl`);
  const lines: string[] = [];
  await runReplay({ file, ...(brands ? { brands } : {}), clock: 'event', alertsOut: out, progress: (l) => lines.push(l) });
  const alerts = readFileSync(out, 'utf8').split('\n').filter(Boolean).map((l) => Alert.parse(JSON.parse(l)));
  return { alerts, lines };
}

describe('which handles look like the brand', () => {
  it('holds the name, case and separators ignored', () => {
    expect(looksLikeBrand('aerolux_hilft', 'Aerolux')).toBe(true);
    expect(looksLikeBrand('AeroluxHelp', 'Aerolux')).toBe(true);
    expect(looksLikeBrand('nord_bahn_hilfe', 'Nord Bahn')).toBe(true);
    expect(looksLikeBrand('DB_Bahn', 'Bahn')).toBe(true);
    expect(looksLikeBrand('kunde_x', 'Aerolux')).toBe(false);
  });

  it('a name under three letters must be a word of the handle: @DB_Bahn and @DBNavigator, not @dbrown', () => {
    expect(looksLikeBrand('DB_Bahn', 'DB')).toBe(true);
    expect(looksLikeBrand('DBNavigator', 'DB')).toBe(true);
    expect(looksLikeBrand('dbrown', 'DB')).toBe(false);
    expect(looksLikeBrand('feedback', 'DB')).toBe(false);
  });

  it('a name of three or four letters must start the handle or be one of its words: @ING_Deutschland, not @Josh_King', () => {
    expect(looksLikeBrand('ING_Deutschland', 'ING')).toBe(true);
    expect(looksLikeBrand('ingdiba', 'ING')).toBe(true);
    expect(looksLikeBrand('Josh_King', 'ING')).toBe(false);
    expect(looksLikeBrand('darling_de', 'ING')).toBe(false);
    expect(looksLikeBrand('DB_Bahn', 'Bahn')).toBe(true);
    expect(looksLikeBrand('autobahnfan', 'Bahn')).toBe(false);
    expect(looksLikeBrand('roestgut_hh', 'Röstgut')).toBe(true);
    expect(looksLikeBrand('rostgut', 'Röstgut')).toBe(true);
  });
});

describe('a Facebook page as a replayed brand\'s account', () => {
  it('is taken by its name when it writes under it with no handle (QA firestorm round 2: a Netvizz export)', async () => {
    async function* posts() {
      yield { author: { name: 'Jens N.' }, text: 'Immer nur eine Kasse offen bei EDEKA' };
      yield { author: { name: 'EDEKA' }, text: 'Das tut uns leid, Jens!' };
      yield { author: { name: 'Edeka' }, text: 'Wir kümmern uns.' };
    }
    expect(await accountsNamedLike(posts(), 'EDEKA')).toEqual([{ account: 'EDEKA', wrote: 2, mentioned: 0, fromQuery: false }]);
  });
});

describe('a replayed brand\'s accounts', () => {
  it('takes handles customers @mention, not only those that wrote posts; an e-mail address is no handle', async () => {
    const file = [post('kunde_x', IGNORED[0]!), post('kunde_y', '@Aerolux_Hilft @kunde_x same here, mail to service@aerolux.de bounced'), post('kunde_z', '@AeroluxHelp lost my bag')];
    const found = await accountsNamedLike(each(file), 'Aerolux');
    expect(found.map((a) => [a.account, a.wrote, a.mentioned])).toEqual([
      ['@aerolux_hilft', 0, 2],
      ['@AeroluxHelp', 0, 1],
    ]);
  });

  it('takes the @handles of a given query whatever they are called, but none under NOT', async () => {
    const found = await accountsNamedLike(each([post('kunde_x', '@flyhelp wo ist mein Koffer?')]), 'Aerolux', 'Aerolux OR @flyhelp OR @ax_service NOT @aerolux_jobs');
    expect(found.map((a) => [a.account, a.fromQuery, a.mentioned])).toEqual([
      ['@flyhelp', true, 1],
      ['@ax_service', true, 0],
    ]);
  });
});

describe('replay of complaints the brand never answers', () => {
  it('--brand NAME: complaints to its care handle raise unanswered alerts, and replay names the account it assumed', async () => {
    const { alerts, lines } = await replayAlerts(csvFile(3), ['Aerolux']);
    expect(alerts.filter((a) => a.kind === 'unanswered' && a.brand === 'aerolux')).toHaveLength(3);
    expect(lines).toContain(
      'replay: brand aerolux: accounts assumed @aerolux_hilft (@mentioned in 3 posts): their posts count as brand replies, posts to them as addressed to the brand (a config file chooses otherwise)',
    );
  }, 30_000);

  it('--brand NAME=QUERY: an @handle of the query is an account', async () => {
    const { alerts, lines } = await replayAlerts(csvFile(2), ['Fluglinie=@aerolux_hilft']);
    expect(alerts.filter((a) => a.kind === 'unanswered' && a.brand === 'fluglinie')).toHaveLength(2);
    expect(lines.find((l) => l.startsWith('replay: brand fluglinie:'))).toContain('@aerolux_hilft (in the query, @mentioned in 2 posts)');
  }, 30_000);

  it('without --brand: the discovered subject\'s handle is its account', async () => {
    const { alerts, lines } = await replayAlerts(csvFile(24));
    expect(lines.find((l) => l.includes('tracking it as brand'))).toContain('accounts @aerolux_hilft;');
    expect(alerts.filter((a) => a.kind === 'unanswered')).toHaveLength(24);
  }, 30_000);

  it('warns when a --brand matches no post of the file, and says it found no account', async () => {
    const { alerts, lines } = await replayAlerts(csvFile(2), ['Zeppelin']);
    expect(alerts).toEqual([]);
    expect(lines).toContain(
      'replay: warning: --brand Zeppelin matched no post of the file (query "Zeppelin" OR @Zeppelin OR #Zeppelin): no complaint, storm or unanswered post can be counted for it; check the name or pass --brand NAME=QUERY',
    );
    expect(lines.find((l) => l.startsWith('replay: brand zeppelin:'))).toMatch(/^replay: brand zeppelin: no accounts assumed/);
  }, 30_000);
});

describe('--brand NAME of two words', () => {
  it('also finds the name written as one word, its handle, and the storm tags built on it', () => {
    const brand = brandFromArgument('Frisch Kauf');
    expect(brand.query).toBe('"Frisch Kauf" OR FrischKauf OR @FrischKauf OR #FrischKauf');
    const query = compileBrandQuery(brand.query);
    const found = (text: string) => {
      const p = prepare(text);
      return query(p.lower, p.tokens).matched;
    };
    expect(['Frisch Kauf ist furchtbar', 'Frischkauf ist furchtbar', 'bei Frisch-Kauf', '@frischkauf hallo', '#FrischKaufBoykott'].map(found)).toEqual([true, true, true, true, true]);
    expect(found('frisch gekauft')).toBe(false);
  });
});

// QA firestorm round 4: a care account answering under its own handle, which customers never @mention, was no account
// when no --brand was given, and its replies counted as customer posts.
describe('discovered brand: care accounts that answer in the file', () => {
  it('an author holding the name who mostly addresses customers is an account; one who posts on their own is not', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kr-replay-care-'));
    const file = path.join(dir, 'care.csv');
    const rows: string[] = [];
    for (let i = 0; i < 24; i++) {
      const at = `2026-12-01 ${String(8 + Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}`;
      const complaint = ['Aerolux hat meinen Flug gestrichen', 'Bei Aerolux geht niemand ans Telefon', 'Aerolux: Gepäck seit Tagen verschwunden'][i % 3];
      rows.push(`c${i},${at},kunde_${i},"${complaint}"`);
      if (i % 3 === 0) rows.push(`r${i},${at.slice(0, -2)}09,AeroluxCare,"@kunde_${i} Das tut uns leid, schreib uns bitte deine Buchungsnummer."`);
      if (i % 6 === 0) rows.push(`h${i},${at.slice(0, -2)}11,AeroluxSucks,"Aerolux ist der schlechteste Laden überhaupt"`);
    }
    writeFileSync(file, ['id,date,author,text', ...rows].join('\n') + '\n');
    const { lines } = await replayAlerts(file);
    const discovery = lines.find((l) => l.includes('tracking it as brand')) ?? '';
    expect(discovery).toContain('@AeroluxCare');
    expect(discovery).not.toContain('@AeroluxSucks');
  }, 30_000);
});

// QA firestorm round 4: `-b "Bäckerei Kornblum"` counted only the posts naming it in full (a storm's peak 41 instead of 130).
describe('--brand NAME of several words: posts naming only one of them', () => {
  it('are said, with the query that counts them', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kr-replay-partial-'));
    const file = path.join(dir, 'partial.csv');
    const rows = Array.from({ length: 12 }, (_, i) => `p${i},2026-12-01 ${String(8 + i).padStart(2, '0')}:00,kunde_${i},"${i < 2 ? 'Bäckerei Kornblum hat zu' : 'Maus bei Kornblum gesehen, ekelhaft'}"`);
    writeFileSync(file, ['id,date,author,text', ...rows].join('\n') + '\n');
    const { lines } = await replayAlerts(file, ['Bäckerei Kornblum']);
    expect(lines).toContain(
      'replay: hint: 10 more posts name "Kornblum" without "Bäckerei Kornblum" (2 name it in full) and are not counted for it; --brand \'Bäckerei Kornblum=Kornblum\' counts them too',
    );
  }, 30_000);
});

// QA firestorm round 5: `--brand Lindhoff` on a page export said "no accounts assumed", then that the page answers there.
describe('a page answering under a longer name that starts with the brand\'s', () => {
  it('is its account once it wrote a few posts; a commenter of that name with one post is not', async () => {
    const page = { author: { name: 'Lindhoff Modehaus' }, text: 'Das tut uns leid, bitte schreib uns eine PN.' };
    const found = await accountsNamedLike(each([page, page, page, { author: { name: 'Lindhoff Fan' }, text: 'Ich liebe euren Laden' }]), 'Lindhoff');
    expect(found.map((a) => a.account)).toEqual(['Lindhoff Modehaus']);
  });
});
