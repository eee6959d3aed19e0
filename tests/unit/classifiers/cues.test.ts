import { describe, expect, it } from 'vitest';
import { analyseCues, createCueModel, CUE_MODEL_NAME } from '../../../classifiers/cues.ts';
import { detectLanguage } from '../../../classifiers/language.ts';
import { prepare } from '../../../classifiers/text.ts';
import { loadSeedMentions, SEED_IS_COMPLAINT, seedsAvailable } from '../../fixtures/seeds.ts';

const analyse = (text: string) => {
  const p = prepare(text);
  return analyseCues(p, detectLanguage(p.tokens, p.lower).lang);
};
const isComplaint = (text: string) => analyse(text).score >= 0.5;

// German and English side by side: each row states the same situation in both languages.
describe('complaints: service failures a customer reports', () => {
  it.each([
    ['@nordbahn Seit drei Tagen keine Antwort auf meine Mail. Unverschämt!', '@brightwatt still waiting for a reply after 2 weeks. Worst customer service ever.'],
    ['Immer noch nicht geliefert, Bestellung vom 3. November.', "Where is my order? It still hasn't arrived."],
    ['Heute die zweite Mahnung bekommen, obwohl ich längst bezahlt habe.', 'Got a letter from a debt collector although I paid the bill weeks ago.'],
    ['45 Minuten in der Warteschleife und dann aufgelegt.', "been on hold for 50 mins, can't reach anyone"],
    ['Wenn das so weitergeht, kündige ich meinen Vertrag.', "I'm cancelling my subscription if this isn't fixed today"],
    ['Der Zugbegleiter war total unfreundlich und hat mich angeschnauzt.', 'The driver was rude and refused to let me on.'],
  ])('%s | %s', (de, en) => {
    expect(isComplaint(de)).toBe(true);
    expect(isComplaint(en)).toBe(true);
    expect(analyse(de).sentiment.label).toBe('negative');
    expect(analyse(en).sentiment.label).toBe('negative');
  });

  it('explains itself: every cue names the phrase and points at it in the original text', () => {
    const text = 'Seit drei Tagen KEINE ANTWORT!!! Unverschämt 😡';
    const a = analyse(text);
    expect(a.cues.length).toBeGreaterThanOrEqual(3);
    for (const c of a.cues) {
      expect(c.span).toBeDefined();
      const [s, e] = c.span as [number, number];
      expect(c.cue).toContain(text.slice(s, e));
    }
    expect(a.cues.map((c) => c.cue).join(' ')).toMatch(/keine Antwort „KEINE ANTWORT“/);
  });
});

describe('negation: "nicht schlecht" is not negative', () => {
  it.each([
    ['Der Service war nicht schlecht, danke!', 'Not bad at all, the engineer fixed it in an hour. Thanks!'],
    ['Kein Problem, danke für die Info!', 'No problem, thanks for the info!'],
  ])('%s | %s', (de, en) => {
    for (const t of [de, en]) {
      expect(isComplaint(t)).toBe(false);
      expect(analyse(t).sentiment.label).toBe('positive');
    }
  });

  it.each([['Nicht zufrieden mit dem neuen Tarif, gar nicht gut.', 'Not happy with the new tariff at all.']])('negated praise is criticism: %s | %s', (de, en) => {
    expect(analyse(de).sentiment.label).toBe('negative');
    expect(analyse(en).sentiment.label).toBe('negative');
  });

  it('a negator further away belongs to another phrase ("did not resolve my issue" is no "no issue")', () => {
    expect(analyse('@brand you did not resolve my issue').sentiment.label).toBe('negative');
    expect(isComplaint('@brand you did not resolve my issue')).toBe(true);
  });
});

describe('irony: praise around a failure is criticism', () => {
  it.each([
    ['Super, schon wieder 40 Minuten Verspätung. Danke für nichts, Nordbahn 🙄', 'Oh great, another outage. Thanks for nothing @funkwelle 🙄'],
    ['Na toll, Paket wieder nicht da. Läuft bei euch.', 'Thanks @shop for losing my parcel again. Just great.'],
    ['Klasse, Koffer weg und keiner weiß wo. 👏👏', 'Brilliant, lost my bag and nobody knows where. 👏👏'],
  ])('%s | %s', (de, en) => {
    for (const t of [de, en]) {
      expect(isComplaint(t)).toBe(true);
      expect(analyse(t).sentiment.label).toBe('negative');
    }
  });
});

describe('not complaints: praise and neutral questions', () => {
  it.each([
    ['Vielen Dank für die schnelle Hilfe, top Service!', 'Love the new app, great job team!'],
    ['Danke @kranich_shop, Paket ist da 😍', 'Parcel arrived a day early, thank you! 👍'],
    // Colloquial German praise and relief: "der Hammer" is great, "endlich kein … mehr" a nuisance gone.
    ['Das neue 5G Unlimited ist der Hammer! Endlich kein Drosseln mehr 🎉', 'The new 5G Unlimited is awesome! Finally no throttling 🎉'],
  ])('praise: %s | %s', (de, en) => {
    for (const t of [de, en]) {
      expect(isComplaint(t)).toBe(false);
      expect(analyse(t).sentiment.label).toBe('positive');
    }
  });

  it.each([
    ['Wann fährt der erste Zug nach Hamburg?', 'How do I update my payment details?'],
    ['Kann man bei euch auch mit PayPal bezahlen?', 'Is there a student discount on the fibre plans?'],
  ])('questions: %s | %s', (de, en) => {
    for (const t of [de, en]) {
      const a = analyse(t);
      expect(a.score).toBeLessThan(0.5);
      expect(a.sentiment.label).toBe('neutral');
      expect(a.evidence.question).toBe(true);
    }
  });

  it('a question about a failure is still a complaint', () => {
    expect(isComplaint('Warum antwortet seit einer Woche niemand auf meine Mails?')).toBe(true);
    expect(isComplaint('Why has nobody replied to my emails for a week?')).toBe(true);
  });
});

describe('dialect, typos, emoji', () => {
  it.each([
    'Des is a Schmarrn, scho wieder koa Netz',
    'Seid 3 Tagen kein internet, kundnservice nicht ereichbar',
    'Paket schon wieder nicht da 😡😡',
    'recieved my parcel damaged, very dissapointed',
    'Sooooo schleeeecht, seit Stunden kein Netz',
  ])('%s is a complaint', (t) => expect(isComplaint(t)).toBe(true));

  it('anger emoji alone make the sentiment negative, heart emoji positive', () => {
    expect(analyse('@funkwelle 😡🤬').sentiment.label).toBe('negative');
    expect(analyse('@funkwelle ❤️😍').sentiment.label).toBe('positive');
  });
});

describe('severity (1 no explicit reproach … 4 blame)', () => {
  it('reports facts without reproach as 1', () => {
    expect(analyse('Mein Paket ist noch nicht angekommen.').severity).toBe(1);
    expect(analyse("My parcel hasn't arrived yet.").severity).toBe(1);
  });
  it('disapproval as 2', () => {
    expect(analyse('Sehr enttäuscht, schon wieder zu spät.').severity).toBe(2);
    expect(analyse('Very disappointed, late again.').severity).toBe(2);
  });
  it('accusations addressed to the brand as 3', () => {
    expect(analyse('Ihr habt mir doppelt abgebucht, ärgerlich!').severity).toBe(3);
    expect(analyse('You charged me twice, annoying!').severity).toBe(3);
  });
  it('blame as 4', () => {
    expect(analyse('Abzocke! Das ist Betrug, ich gehe zur Verbraucherzentrale.').severity).toBe(4);
    expect(analyse('This is a scam. Shame on you, I am calling my lawyer.').severity).toBe(4);
  });
});

describe('the seed posts', () => {
  it.skipIf(!seedsAvailable())('000–003 are complaints, 004 (commentary about a provider bashing its customer) is not', () => {
    for (const m of loadSeedMentions()) {
      const a = analyse(m.text);
      expect({ id: m.id, complaint: a.score >= 0.5 }).toEqual({ id: m.id, complaint: SEED_IS_COMPLAINT[m.id] });
    }
  });

  it.skipIf(!seedsAvailable())('004 is read as commentary by an observer, and says so in its cues', () => {
    const seed = loadSeedMentions().find((m) => m.id === 'seed:004');
    const a = analyse(seed?.text ?? '');
    expect(a.evidence.commentary).toBeGreaterThanOrEqual(1);
    expect(a.evidence.failure).toBe(0);
    expect(a.cues.some((c) => c.cue.startsWith('Kommentar/commentary') && c.weight < 0)).toBe(true);
    // Critical, but not a customer's complaint.
    expect(a.sentiment.label).toBe('negative');
  });

  it('the same criticism in first person, as a customer, is a complaint', () => {
    const text =
      'Ich habe bei meinem Dienstleister angerufen und um ein Angebot gebeten. Seitdem keine Rückmeldung, ' +
      'auch nach zwei Mails nicht. Stattdessen macht er sich auf Twitter über Kunden lustig. Unverschämt.';
    expect(isComplaint(text)).toBe(true);
  });
});

describe('createCueModel (TextModel)', () => {
  it('is named cues-v1 and answers complaint, sentiment and severity consistently', () => {
    const model = createCueModel();
    expect(model.name).toBe(CUE_MODEL_NAME);
    const text = 'Seit drei Tagen keine Antwort. Frechheit!';
    const c = model.complaint(text, 'de');
    expect(c.score).toBeGreaterThan(0.5);
    expect(model.sentiment(text, 'de').label).toBe('negative');
    expect(model.severity(text, 'de')).toBe(4);
    // The memo never leaks one text's answer into another's.
    expect(model.complaint('Danke, alles bestens!', 'de').score).toBe(0);
    expect(model.sentiment('Danke, alles bestens!', 'de').label).toBe('positive');
  });
});
