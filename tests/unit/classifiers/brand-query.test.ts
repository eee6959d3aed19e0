import { describe, expect, it } from 'vitest';
import { assignBrands, matchBrands } from '../../../classifiers/brand-assignment.ts';
import { BrandQueryError, checkBrandQuery, compileBrandQuery } from '../../../classifiers/brand-query.ts';
import { prepare } from '../../../classifiers/text.ts';
import { Brand, Mention } from '../../../src/model.ts';

function matches(query: string, text: string) {
  const p = prepare(text);
  return compileBrandQuery(query)(p.lower, p.tokens);
}

describe('brand queries: terms, phrases, case and umlauts', () => {
  it.each([
    ['"Deutsche Bahn"', 'Die deutsche bahn ist zu spät', true],
    ['"Deutsche Bahn"', 'Die Deutsche-Bahn ist zu spät', true],
    ['"Deutsche Bahn"', 'Deutsche Post und die Bahn', false],
    ['„Deutsche Bahn“', 'DEUTSCHE BAHN!!!', true],
    ['Müller', 'Drogerie Mueller hat zu', true],
    // A hyphenated compound names its parts (QA round 3: "Talbahn-App" was assigned to no brand); to leave the dairy
    // out, say so: Mueller NOT "Müller-Milch".
    ['Mueller', 'Müller-Milch', true],
    ['Mueller NOT "Müller-Milch"', 'Müller-Milch', false],
    ['Talbahn', 'Die Talbahn-App stürzt ständig ab', true],
    ['Talbahn', 'Der Kunden-Talbahn-Service war nett', true],
    ['Talbahn', 'Talbahnhof', false],
    ['"Deutsche Bahn"', 'Die Deutsche Bahn-App', true],
    ['"Deutsche Bahn"', 'Deutsche-Bahn-Chaos in Köln', true],
    ['Mueller', 'bei Müller gekauft', true],
    ['Straße', 'Hauptstrasse gesperrt', false],
    ['Strasse', 'Die Straße ist gesperrt', true],
    ['Bahn', 'Bahnhof geschlossen', false],
    ['Bahn', 'mal wieder #Bahn', true],
    // Styled full-width letters read as their ASCII forms (QA round 6).
    ['Funkwelle', 'ＦＵＮＫＷＥＬＬＥ ihr seid raus', true],
    ['"Deutsche Bahn"', 'Ｄｅｕｔｓｃｈｅ Ｂａｈｎ', true],
  ])('%s on %j → %s', (query, text, expected) => expect(matches(query, text).matched).toBe(expected));
});

// QA finding 6: "Brightwatt's customer service…" got no brand, the apostrophe being part of the token.
describe('brand queries: English possessives', () => {
  it.each([
    ['Brightwatt', "Brightwatt's customer service is a joke, 2 hours on hold.", true],
    ['Brightwatt', 'Brightwatt’s app logs me out every 5 minutes.', true],
    ['Brightwatt', "BRIGHTWATT'S billing is a mess", true],
    ['"Deutsche Bahn"', "Deutsche Bahn's trains are late again", true],
    ['Brightwatt AND app', 'Brightwatt’s app crashed', true],
    ['Brightwatt', "Brightwatt'd never answer", false],
    ['Brightwatt', 'Brightwatts Kundenservice ist schlecht', false],
    ['Brightwatt', "Brightwatt'ss", false],
    // Words whose 's is "is": a brand called "Here" or "It" is not named by "Here's" / "it's".
    ['Here', "Here's the thing about my bill", false],
    ['It', "it's broken again", false],
    ['It', 'its app is broken', false],
    ['Here', "HERE's map is wrong", false],
  ])('%s on %j → %s', (query, text, expected) => expect(matches(query, text).matched).toBe(expected));

  it('reports the term as written in the query', () => {
    expect(matches('Brightwatt OR @brightwatt_help', 'Brightwatt’s app logs me out').terms).toEqual(['Brightwatt']);
  });

  it('leaves the tokenizer alone: the cue model and learned classifiers still read "it\'s" and "Brightwatt\'s" as one word', () => {
    expect(prepare("Brightwatt's app, it's broken").tokens.filter((t) => t.kind === 'word').map((t) => t.text)).toEqual(["brightwatt's", 'app', "it's", 'broken']);
  });
});

describe('brand queries: operators', () => {
  it.each([
    ['Nordbahn AND Verspätung', 'Nordbahn hat Verspätung', true],
    ['Nordbahn AND Verspätung', 'Nordbahn pünktlich', false],
    ['Nordbahn Verspätung', 'Verspätung bei der Nordbahn', true], // implicit AND
    ['Nordbahn OR Südbahn', 'Die Südbahn fährt', true],
    ['Bahn NOT Modellbahn', 'Bahn und Modellbahn', false],
    ['Bahn -Modellbahn', 'Die Bahn kommt', true],
    ['Bahn -Modellbahn', 'Bahn und Modellbahn', false],
    ['(Funkwelle OR @funkwelle_hilft) AND (Netz OR Störung)', '@Funkwelle_Hilft kein Netz', true],
    ['(Funkwelle OR @funkwelle_hilft) AND (Netz OR Störung)', 'Funkwelle neue Tarife', false],
    ['a OR b AND c', 'a', true], // AND binds tighter than OR
    ['a OR b AND c', 'b', false],
    ['NOT x AND y', 'y', true],
  ])('%s on %j → %s', (query, text, expected) => expect(matches(query, text).matched).toBe(expected));

  it('lowercase "and"/"or"/"not" are plain words, so they can be searched for', () => {
    expect(matches('"not working"', 'app not working').matched).toBe(true);
    expect(matches('not', 'it is not').matched).toBe(true);
  });
});

describe('brand queries: handles, hashtags, wildcards', () => {
  it('@handles match mentions of that handle only, case-insensitively', () => {
    expect(matches('@Nordbahn_Service', 'hallo @nordbahn_service').matched).toBe(true);
    expect(matches('@Nordbahn_Service', 'nordbahn_service').matched).toBe(false);
  });
  it('#hashtags match hashtags only', () => {
    expect(matches('#bahnchaos', 'Heute #BahnChaos pur').matched).toBe(true);
    expect(matches('#bahnchaos', 'Heute Bahnchaos pur').matched).toBe(false);
  });
  it('a trailing * is a prefix wildcard, umlaut-insensitive', () => {
    expect(matches('verspät*', 'Zug verspaetet sich').matched).toBe(true);
    expect(matches('verspät*', 'Wieder Verspätungen').matched).toBe(true);
    expect(matches('verspät*', 'spät dran').matched).toBe(false);
    expect(matches('"Kranich Versa*"', 'kranich versand liefert nicht').matched).toBe(true);
  });
  it('reports which terms matched, as written in the query', () => {
    expect(matches('Nordbahn OR @nordbahn_service OR #nordbahn', '@nordbahn_service die Nordbahn #nordbahn').terms).toEqual([
      'Nordbahn',
      '@nordbahn_service',
      '#nordbahn',
    ]);
    expect(matches('Nordbahn NOT Modellbahn', 'Nordbahn').terms).toEqual(['Nordbahn']);
  });
});

// A firestorm gathers under a tag built on the brand's name, and many of its posts name the brand nowhere else.
describe('brand queries: storm hashtags built on the name', () => {
  it.each([
    ['Frischkauf', '#FrischkaufBoykott jetzt erst recht', true],
    ['Frischkauf', 'schon wieder #frischkauffail', true],
    ['Telekom', 'Seit Stunden #TelekomStörung', true],
    ['Uber', '#DeleteUber', true],
    ['Nike', '#BoycottNike', true],
    ['#Frischkauf', '#frischkaufskandal', true],
    ['"Deutsche Bahn"', 'Wieder mal #DeutscheBahnChaos', true],
    ['"Deutsche Bahn"', '#deutschebahn', true],
    ['"Deutsche Bahn"', '#BoykottDeutscheBahn', true],
    // Any other compound is another word: no storm tag.
    ['Telekom', 'Studium der #Telekommunikation', false],
    ['Uber', 'Wir sind #Uberall', false],
    ['Bahn', 'Treffen am #Bahnhof', false],
    ['"Deutsche Bahn"', '#DeutscheBahnhof', false],
    // A wildcard term or a phrase part is no storm-tag stem.
    ['Frisch*', '#FrischkaufBoykott', true],
    ['"Frisch Kauf"', '#Frischboykott', false],
  ])('%s in %j: %s', (query, text, expected) => {
    expect(matches(query, text).matched).toBe(expected);
  });
});

describe('brand queries: parse errors name the position', () => {
  it.each([
    ['', 0, 'empty query'],
    ['(Bahn OR Zug', 0, 'unclosed parenthesis'],
    ['Bahn OR Zug)', 11, 'unmatched ")"'],
    ['Bahn OR', 7, 'query ends where a term was expected'],
    ['"Deutsche Bahn', 0, 'unterminated quoted phrase'],
    ['Bahn AND ()', 10, 'empty parentheses'],
    ['ver*spätet', 3, 'a wildcard * is only allowed at the end of a term'],
    ['a*', 0, 'a wildcard needs at least 2 letters before the *'],
    ['NOT Modellbahn', 0, 'the query matches every post; add at least one term it requires'],
    ['Bahn AND OR Zug', 9, 'unexpected OR where a term was expected'],
  ])('%j → %s at %i', (query, position, reason) => {
    const err = checkBrandQuery(query);
    expect(err).toBeInstanceOf(BrandQueryError);
    expect(err?.position).toBe(position);
    expect(err?.reason).toBe(reason);
    expect(err?.message).toContain(`position ${position + 1}`);
  });
  it('accepts a valid query', () => expect(checkBrandQuery('"Deutsche Bahn" OR @DB_Bahn OR (Bahn AND verspät*)')).toBeNull());
  it.each([
    ['parentheses', `Bahn AND ${'('.repeat(20_000)}Zug${')'.repeat(20_000)}`],
    ['NOTs', `Bahn AND ${'NOT '.repeat(20_000)}Zug`],
  ])('reports absurdly deep nesting of %s as a BrandQueryError, not a stack overflow', (_what, query) => {
    const err = checkBrandQuery(query);
    expect(err).toBeInstanceOf(BrandQueryError);
    expect(err?.reason).toMatch(/nested too deeply/);
  });
  it('still accepts reasonable nesting', () => expect(checkBrandQuery(`${'('.repeat(20)}Bahn${')'.repeat(20)}`)).toBeNull());
});

const brands = [
  Brand.parse({ id: 'nordbahn', name: 'Nordbahn', query: 'Nordbahn OR @nordbahn_service', accounts: ['@Nordbahn_Service', 'nordbahn-page-1'] }),
  Brand.parse({ id: 'funkwelle', name: 'Funkwelle', query: 'Funkwelle OR @funkwelle_hilft', accounts: ['Funkwelle Kundenservice'] }),
];
const mention = (over: Partial<Record<string, unknown>>) =>
  Mention.parse({
    id: 'demo:1',
    source: 'demo',
    author: { id: 'u1', handle: 'kundin_k' },
    text: 'irgendein Text',
    createdAt: '2026-11-20T10:00:00Z',
    thread: { rootId: 'demo:1' },
    channel: 'post',
    ...over,
  });

describe('matchBrands', () => {
  it('finds brands by query', () => {
    expect(matchBrands(mention({ text: 'Die Nordbahn ist wieder zu spät' }), brands)).toEqual(['nordbahn']);
    expect(matchBrands(mention({ text: 'Nordbahn und Funkwelle, beide schlecht' }), brands)).toEqual(['nordbahn', 'funkwelle']);
  });
  it('finds brands by the source-provided brand context (a comment on the brand page)', () => {
    expect(matchBrands(mention({ text: 'Warum antwortet hier keiner?', brandContext: ['funkwelle'] }), brands)).toEqual(['funkwelle']);
  });
  it('finds brands whose own account wrote the post, by handle, id or name, ignoring case and a leading @', () => {
    const byHandle = assignBrands(mention({ author: { id: '99', handle: 'nordbahn_service' }, text: 'Wir kümmern uns.' }), brands);
    expect(byHandle).toMatchObject({ brands: ['nordbahn'], authorBrand: 'nordbahn' });
    expect(assignBrands(mention({ author: { id: 'NORDBAHN-PAGE-1' }, text: 'Danke!' }), brands).authorBrand).toBe('nordbahn');
    expect(assignBrands(mention({ author: { id: 'x', name: 'funkwelle kundenservice' }, text: 'Hallo' }), brands).authorBrand).toBe('funkwelle');
    expect(assignBrands(mention({ text: 'Hallo' }), brands).authorBrand).toBeUndefined();
  });
  it('searches the title of blog posts and articles too', () => {
    expect(matchBrands(mention({ title: 'Ärger mit der Funkwelle', text: 'Seit Tagen kein Netz.' }), brands)).toEqual(['funkwelle']);
  });
  it('assigns the brand to a possessive in German-English mixed posts (QA finding 6)', () => {
    const brightwatt = Brand.parse({ id: 'brightwatt', name: 'Brightwatt', query: 'Brightwatt', language: 'en' });
    expect(matchBrands(mention({ text: "Brightwatt's customer service is a joke, 2 hours on hold." }), [brightwatt])).toEqual(['brightwatt']);
    expect(matchBrands(mention({ text: 'Brightwatt’s App meldet mich ständig ab.' }), [brightwatt])).toEqual(['brightwatt']);
  });
  it('returns no brand for unrelated posts', () => {
    expect(matchBrands(mention({ text: 'Schönes Wetter heute' }), brands)).toEqual([]);
  });
});
