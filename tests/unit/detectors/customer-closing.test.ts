/**
 * What customers write that ends or needs no brand answer (QA8): their matter is over ("alles geklärt", "kam dann doch",
 * "Internet ist wieder da", "my bad"), thanks with a failure word in what is thanked for, another customer thanked,
 * comments between customers on a page, a crowd's information question, a member of staff on a private account.
 */
import { describe, expect, it } from 'vitest';
import { expectsAnswer, reportsSolved, thanksAnotherPerson } from '../../../classifiers/unanswered-cues.ts';
import type { ThreadContext } from '../../../classifiers/unanswered-context.ts';
import { post } from './helpers.ts';

const tweet = (text: string, lang: 'de' | 'en', complaint = false) =>
  post({ id: 'x1', text, at: '2026-05-04T09:00:00Z', author: 'kundin', brandContext: ['b'], lang, complaint });
const pageComment = (text: string, complaint = false, lang: 'de' | 'en' = 'de') =>
  post({ id: 'c9', text, at: '2026-05-04T09:00:00Z', author: 'fb-9', handle: null, name: 'Vera Lutz', source: 'facebook', channel: 'page_comment', parentId: 'p1', rootId: 'p1', brandContext: ['b'], lang, complaint });
const page: ThreadContext = { brandNames: ['lindenau energie', 'lindenau'], tagsAreNames: true, fellows: [] };

describe('reportsSolved: the customer ends their own matter', () => {
  it.each([
    ['Per Mail geklärt, danke euch!', 'de'],
    ['Hat der Techniker heute alles geklärt 👍', 'de'],
    ['Ist inzwischen erledigt.', 'de'],
    ['Die Karte kam dann doch noch, danke', 'de'],
    ['Paket ist doch noch angekommen 🙈', 'de'],
    ['Internet ist wieder da 🎉', 'de'],
    ['Hamma wieder Strom, merci!', 'de'],
    ['Lag an mir, falsches Passwort eingegeben 🙈', 'de'],
    ['War wohl mein Router. Sorry!', 'de'],
    ['Sorted via DM, thanks!', 'en'],
    ['it turned up after all, ignore me', 'en'],
    ['refund just came through, cheers', 'en'],
    ["power's back on 👍", 'en'],
    ['my bad, typed the wrong postcode', 'en'],
    ['thanks I guess? money is showing now', 'en'],
  ] as const)('over: %s', (text, lang) => {
    expect(reportsSolved(tweet(text, lang))).toBe(true);
    expect(expectsAnswer(tweet(text, lang))).toBe(false);
  });

  it.each([
    ['Der Fehler ist wieder da', 'de'],
    ['Mein Konto war gesperrt, jetzt wieder offen?', 'de'],
    ['Ist das jetzt geklärt?', 'de'],
    ['Paket kam jetzt doch nicht, wo ist es?', 'de'],
    ['Kam dann doch, aber kaputt.', 'de'],
    ['The error is back again', 'en'],
    ['refund in 5 days, they said', 'en'],
    ['my bad? you lost my parcel!', 'en'],
  ] as const)('not over: %s', (text, lang) => {
    expect(reportsSolved(tweet(text, lang))).toBe(false);
  });
});

describe('expectsAnswer: a thank-you is read without what it thanks for', () => {
  it.each([
    ['Für den Hagel kann man euch wirklich nichts vorwerfen. Danke für die schnelle Reparatur!', 'de', true],
    ['Da könnt ihr ja nix dafür. Danke fürs flotte Reparieren!', 'de', true],
    ['thanks for the fast refund last week, great service!', 'en', false],
    ['Not your fault at all. Thanks for the quick repair!', 'en', true],
  ] as const)('no answer owed: %s', (text, lang, flagged) => {
    expect(expectsAnswer(tweet(text, lang, flagged))).toBe(false);
  });

  it.each([
    ['thanks for the late refund, six weeks!', 'en'],
    ['Danke für nix, da kann man euch alles vorwerfen', 'de'],
    ['Danke für die schnelle Erstattung, aber es fehlen 20 €', 'de'],
  ] as const)('still a complaint: %s', (text, lang) => {
    expect(expectsAnswer(tweet(text, lang, true))).toBe(true);
  });
});

describe('expectsAnswer: talk between customers on a page', () => {
  it('a reply opening with a fellow commenter\'s first name is for them; the same words to nobody known are not', () => {
    const text = 'Jonas, bei uns stand das im Brief: auch minus 5 %.';
    expect(expectsAnswer(pageComment(text, true), { ...page, fellows: ['jonas keller'] })).toBe(false);
    expect(expectsAnswer(pageComment(text, true), page)).toBe(true);
  });

  it.each([
    ['Sabine, hast du den Brief auch bekommen?'],
    ['Martin Huber schau, bei euch auch?'],
    ['Ute, kannst du mir das Rezept schicken?'],
  ])('a name, then "du" or "schau": %s', (text) => {
    expect(expectsAnswer(pageComment(text), page)).toBe(false);
  });

  it.each([
    ['Hallo, hast du einen Tipp, wo ich den Zählerstand eintrage?'],
    ['Guten Morgen, kannst du mir die Rechnung erklären?'],
    ['Strom, Gas und Wasser: alles teurer, wieso?'],
  ])('a greeting or a noun is no name: %s', (text) => {
    expect(expectsAnswer(pageComment(text), page)).toBe(true);
  });

  it.each([
    ['Weiß wer, ob in Lindau-Nord auch der Strom ausgefallen ist?', true, 'de'],
    ['Kann mir wer sagen, wo die Zählernummer steht?', false, 'de'],
    ['Woaß wer, wann de Störung vorbei is?', true, 'de'],
    ['Does anyone know if the outage reaches Park Road too?', true, 'en'],
  ] as const)('a question for information to the readers: %s', (text, flagged, lang) => {
    expect(expectsAnswer(pageComment(text, flagged, lang), page)).toBe(false);
  });

  it.each([
    ['Weiß jemand, wann mein Geld endlich kommt?'],
    ['Kann mir jemand von euch sagen, wo meine Rechnung bleibt?'],
    ['Weiß wer, ob es in Lindau einen Ausfall gibt? Bei uns seit Montag kein Strom!'],
    ['Weiß wer, ob Lindenau Energie die Abschläge senkt?'],
  ])('still for the brand: %s', (text) => {
    expect(expectsAnswer(pageComment(text, true), page)).toBe(true);
  });

  it('"Kann mir jemand helfen?" asks whoever reads the page for help, the brand included', () => {
    expect(expectsAnswer(pageComment('Kann mir jemand helfen? Die App zeigt keinen Verbrauch mehr'), page)).toBe(true);
  });

  it('under a comment that waits for no brand answer, a reply is that conversation unless it asks or reports a failure', () => {
    const talk = { ...page, repliesToConversation: true };
    expect(expectsAnswer(pageComment('Ja, leider 😒', true), talk)).toBe(false);
    expect(expectsAnswer(pageComment('Oben rechts, gleich unter der Adresse'), talk)).toBe(false);
    expect(expectsAnswer(pageComment('Oben rechts, gleich unter der Adresse'), page)).toBe(true);
    expect(expectsAnswer(pageComment('Bei mir auch seit gestern kein Strom!', true), talk)).toBe(true);
    expect(expectsAnswer(pageComment('Ja, und wann kommt der Techniker?'), talk)).toBe(true);
  });
});

describe('expectsAnswer: a member of staff on a private account', () => {
  const x: ThreadContext = { brandNames: ['lindenau_hilft', 'lindenau energie', 'lindenau'] };
  it.each([
    ['@kundin Hi, I work at Lindenau and have passed this to billing', 'en'],
    ["@kundin I'm from the Lindenau team, a colleague will call you", 'en'],
    ['@kundin Ich arbeite bei Lindenau Energie, hab es an die Technik gegeben', 'de'],
  ] as const)('speaks for the brand: %s', (text, lang) => {
    expect(expectsAnswer(tweet(text, lang), x)).toBe(false);
  });

  it.each([
    ["@lindenau_hilft my husband works at Lindenau and even he can't fix my bill", 'en'],
    ['@lindenau_hilft I work from home and my internet keeps dropping', 'en'],
  ] as const)('a customer: %s', (text, lang) => {
    expect(expectsAnswer(tweet(text, lang, true), x)).toBe(true);
  });
});

describe('thanksAnotherPerson: the asker thanks someone who is not the brand', () => {
  const x: ThreadContext = { brandNames: ['lindenau_hilft', 'lindenau'] };
  it.each([
    ['@lena_b oh cool, thanks!', 'en', x, true],
    ['@lena_b danke, gefunden! 🙏', 'de', x, true],
    ['@lindenau_hilft thanks!', 'en', x, false],
    ['@lena_b thanks, but it still fails', 'en', x, false],
  ] as const)('on X: %s', (text, lang, context, expected) => {
    expect(thanksAnotherPerson(tweet(text, lang), context)).toBe(expected);
  });

  it.each([
    ['Ah prima, danke Petra!', true],
    ['Merci Vreni 🙏', true],
    ['Danke Team!', false],
    ['Danke Lindenau!', false],
    ['Danke Petra, aber das hilft mir nicht', false],
  ] as const)('on a page: %s', (text, expected) => {
    expect(thanksAnotherPerson(pageComment(text), page)).toBe(expected);
  });
});
