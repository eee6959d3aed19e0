import { describe, expect, it } from 'vitest';
import type { CueAnalysis } from '../../../classifiers/cues.ts';
import {
  COMPOSITE_THRESHOLD,
  CUE_LIFT,
  ENGLISH_UNSUPPORTED_SURE,
  GERMAN_NEGATIVE_FROM_COMPLAINT,
  GERMAN_STRONG_CUE,
  INFO_QUESTION_CAP,
  INFO_QUESTION_SURE,
  LONG_POST_CHARS,
  OTHER_STRONG_CUE,
  GERMAN_PRAISE_DRAG,
  PRAISE_DRAG,
  RESOLVED_CAP,
  RESOLVED_SURE,
  compositeComplaintScore,
  germanSentimentLabel,
  GERMAN_NEGATIVE_FROM_CUES,
  rescaleToThreshold,
} from '../../../classifiers/composite.ts';
import { shippedClassifier } from '../../helpers/shipped-classifier.ts';

const evidence = { failure: 1, negative: 0, positive: 0, commentary: 0, customer: 0.5, question: false, irony: false };
const cue = (score: number, commentary = 0) => ({ score, evidence: { ...evidence, commentary, customer: commentary > 0 ? 0 : 0.5 } });
const T = 0.3; // a learned threshold: p = 0.3 rescales to 0.5

describe('compositeComplaintScore', () => {
  it('short post: the cue score lifts an uncertain learned score over the line, by at most CUE_LIFT', () => {
    const p = 0.25; // rescaled ≈ 0.417: below the line, within CUE_LIFT of it
    expect(rescaleToThreshold(p, T)).toBeGreaterThan(COMPOSITE_THRESHOLD - CUE_LIFT);
    const s = compositeComplaintScore(p, T, cue(0.85), 80, 'en');
    expect(s).toBeGreaterThanOrEqual(COMPOSITE_THRESHOLD);
    expect(s).toBeCloseTo(rescaleToThreshold(p, T) + CUE_LIFT, 10);
  });

  it('short post: cues short of the strong bar do not overrule a learned model that is sure it is no complaint', () => {
    const p = 0.05; // rescaled ≈ 0.083
    expect(compositeComplaintScore(p, T, cue(OTHER_STRONG_CUE - 0.01), 80, 'en')).toBeLessThan(COMPOSITE_THRESHOLD);
  });

  it('never lowers the learned score, and a learned complaint stays one without cues', () => {
    for (const p of [0.05, 0.2, 0.3, 0.6, 0.9]) {
      expect(compositeComplaintScore(p, T, cue(0), 80, 'en')).toBeCloseTo(rescaleToThreshold(p, T), 10);
      expect(compositeComplaintScore(p, T, cue(0.4), 80, 'en')).toBeGreaterThanOrEqual(rescaleToThreshold(p, T));
    }
  });

  it('long post (blog, forum thread): either model at its own threshold', () => {
    expect(compositeComplaintScore(0.05, T, cue(0.85), LONG_POST_CHARS + 1, 'en')).toBe(0.85);
    expect(compositeComplaintScore(0.05, T, cue(0.85), LONG_POST_CHARS, 'en')).toBeLessThan(COMPOSITE_THRESHOLD);
  });

  it('short post: a strong cue score decides even against a sure learned model, at 0.7 in German and 0.9 in English', () => {
    const sure = 0.05; // the learned model is sure it is no complaint
    expect(compositeComplaintScore(sure, T, cue(GERMAN_STRONG_CUE), 80, 'de')).toBe(GERMAN_STRONG_CUE);
    expect(compositeComplaintScore(sure, T, cue(GERMAN_STRONG_CUE - 0.01), 80, 'de')).toBeLessThan(COMPOSITE_THRESHOLD);
    expect(compositeComplaintScore(sure, T, cue(0.85), 80, 'en')).toBeLessThan(COMPOSITE_THRESHOLD);
    expect(compositeComplaintScore(sure, T, cue(OTHER_STRONG_CUE), 80, 'en')).toBe(OTHER_STRONG_CUE);
  });

  it('a post that is one information question stays below the line unless the learned model is sure of a complaint', () => {
    const question = { score: 0, evidence: { ...evidence, failure: 0, question: true, infoQuestion: true } };
    const unsure = 0.5; // rescaled ≈ 0.64
    expect(rescaleToThreshold(unsure, T)).toBeLessThan(INFO_QUESTION_SURE);
    expect(compositeComplaintScore(unsure, T, question, 80, 'de')).toBe(INFO_QUESTION_CAP);
    expect(compositeComplaintScore(unsure, T, question, 80, 'en')).toBe(INFO_QUESTION_CAP);
    expect(compositeComplaintScore(0.05, T, question, 80, 'en')).toBeCloseTo(rescaleToThreshold(0.05, T), 10);
    expect(compositeComplaintScore(0.95, T, question, 80, 'en')).toBeCloseTo(rescaleToThreshold(0.95, T), 10);
  });

  it('praise and nothing else pulls the learned score down by PRAISE_DRAG: one praise cue in English, two in German', () => {
    const praise = (positive: number) => ({ score: 0, evidence: { ...evidence, failure: 0, positive } });
    const p = 0.4; // rescaled ≈ 0.571: a weak learned complaint
    expect(compositeComplaintScore(p, T, praise(0.7), 80, 'en')).toBeCloseTo(rescaleToThreshold(p, T) - PRAISE_DRAG, 10);
    expect(compositeComplaintScore(p, T, praise(0.7), 80, 'de')).toBeCloseTo(rescaleToThreshold(p, T), 10);
    expect(compositeComplaintScore(p, T, praise(1.4), 80, 'de')).toBeCloseTo(rescaleToThreshold(p, T) - GERMAN_PRAISE_DRAG, 10);
    // A learned model sure of a complaint (sarcasm the cue lists do not know) still flags it.
    expect(compositeComplaintScore(0.9, T, praise(1.4), 80, 'de')).toBeGreaterThan(COMPOSITE_THRESHOLD);
    // Praise beside a negative word or a failure is not plain praise.
    expect(compositeComplaintScore(p, T, { score: 0.3, evidence: { ...evidence, failure: 0, negative: 0.6, positive: 1.4 } }, 80, 'de')).toBeGreaterThanOrEqual(
      rescaleToThreshold(p, T),
    );
  });

  it('a problem reported solved, with thanks, stays below the line unless the learned model is sure of a complaint', () => {
    const resolved = (positive: number) => ({ score: 0.1, evidence: { ...evidence, failure: 0.2, negative: 0.06, positive, resolved: true } });
    const p = 0.5; // rescaled ≈ 0.64: the learned model reads the problem words
    expect(rescaleToThreshold(p, T)).toBeLessThan(RESOLVED_SURE);
    expect(compositeComplaintScore(p, T, resolved(1.3), 80, 'de')).toBe(RESOLVED_CAP);
    expect(compositeComplaintScore(p, T, resolved(0.7), 80, 'en')).toBe(RESOLVED_CAP);
    // German needs thanks or praise beside the resolution (two praise cues' worth), as for plain praise.
    expect(compositeComplaintScore(p, T, resolved(0.7), 80, 'de')).toBeGreaterThanOrEqual(rescaleToThreshold(p, T));
    expect(compositeComplaintScore(0.95, T, resolved(1.3), 80, 'de')).toBeCloseTo(rescaleToThreshold(0.95, T), 10);
  });

  it("an observer's commentary is decided by the cue model alone, short or long", () => {
    expect(compositeComplaintScore(0.9, T, cue(0.1, 3), 80, 'en')).toBe(0.1);
    expect(compositeComplaintScore(0.9, T, cue(0.1, 3), 5000, 'en')).toBe(0.1);
  });
});

describe('shipped classifier on German complaints about brands other than the railway', () => {
  it('flags plain complaints the railway-trained model alone reads as no complaint, and leaves questions and praise alone', async () => {
    const post = await shippedClassifier();
    for (const text of [
      'Vodafone hat mir 50 Euro zu viel abgebucht. Frechheit!',
      'Lufthansa hat meinen Koffer verloren und niemand hilft',
      'Aerolux hat meinen Flug gestrichen, Abzocke!',
      'Hermes hat mein Paket einfach beim Nachbarn 3 Straßen weiter abgegeben, danke für nichts',
      'Seit 2 Wochen warte ich auf meine Erstattung von Zalando',
      'DHL hat das Paket einfach vor die Tür gestellt, jetzt ist es weg',
    ]) {
      expect(post(text).complaint.isComplaint, text).toBe(true);
      expect(post(text).sentiment.label, text).toBe('negative');
    }
    for (const text of [
      'Danke @o2 für die schnelle Hilfe heute, Problem gelöst!',
      'Die neue Otto App ist echt gut geworden 👍',
      // Colloquial praise and relief the railway-trained model reads as a complaint (0.68 before the cues knew them).
      'Das neue 5G Unlimited ist der Hammer! Endlich kein Drosseln mehr 🎉',
    ]) {
      expect(post(text).complaint.isComplaint, text).toBe(false);
    }
  });
});

describe('shipped classifier on the cross-domain probe (telcos, energy, banks, parcels, airlines)', () => {
  it('flags broken expectations the railway-trained model missed, as negative, and reads a fixed problem with thanks as none', async () => {
    const post = await shippedClassifier();
    for (const text of [
      'Die Stromrechnung ist dieses Jahr fast doppelt so hoch, obwohl wir weniger verbraucht haben. Wie kann das sein?',
      'Paket laut Sendungsverfolgung zugestellt, aber hier ist nichts angekommen. Super gemacht, Hermes.',
      'Abbuchung zweimal erfolgt, Geld ist weg und die Hotline legt einfach auf.',
      'Unser Gas wurde abgestellt, obwohl alles bezahlt ist. Mitten im Winter!',
      'Flug gestrichen, kein Ersatz angeboten, keine Info. Wir sitzen mit zwei Kindern am Flughafen fest.',
    ]) {
      expect(post(text).complaint.isComplaint, text).toBe(true);
      expect(post(text).sentiment.label, text).toBe('negative');
    }
    for (const text of ['Der Techniker war da, alles funktioniert wieder. Danke!', 'Engineer came this morning, all sorted now. Thanks!']) {
      expect(post(text).complaint.isComplaint, text).toBe(false);
      expect(post(text).sentiment.label, text).not.toBe('negative');
    }
  });
});

describe('shipped classifier on questions and praise outside the training domains', () => {
  it('how-to questions are no complaints and not negative; complaints put as questions still are', async () => {
    const post = await shippedClassifier();
    for (const text of [
      'Wie kann ich bei Telekom meinen Tarif wechseln?',
      'Kann man bei DHL eigentlich die Lieferadresse nachträglich ändern?',
      'Is there a way to change my Amazon delivery address after ordering?',
      'Hallo @Telekom_hilft, wann wird der Glasfaserausbau in 24109 Kiel abgeschlossen?',
    ]) {
      expect(post(text).complaint.isComplaint, text).toBe(false);
      expect(post(text).sentiment.label, text).not.toBe('negative');
      expect(post(text).intents, text).toContain('question');
    }
    for (const text of [
      'Warum ist mein Paket immer noch nicht da? Bestellt vor zwei Wochen!',
      '@AmazonHelp how do I get my money back? You charged me twice!',
      'Lufthansa lost my luggage again. Third time this year.',
      'Is there a reason why @Uber charged me $80 for a 10 minute ride?',
      'Do you know your app logs me out every 5 minutes?',
      'Gibt es einen Grund, warum die Hotline um 18 Uhr schon zu ist?',
      'Wo kann ich mich über euren Kundenservice beschweren?',
      'Wann kommt die Bahn endlich mal pünktlich?',
    ]) {
      expect(post(text).complaint.isComplaint, text).toBe(true);
    }
  });

  it('plain praise is no complaint; sarcasm beside a failure still is', async () => {
    const post = await shippedClassifier();
    for (const text of [
      'Router läuft seit dem Update störungsfrei, danke!',
      'Just switched to Verizon, so far so good',
      'Thanks for the quick fix @AmazonHelp!',
      'Mega Service bei @IKEA_de, Küche kam pünktlich und vollständig 👍',
      "Ordering pizza from @dominos tonight, can't wait",
    ]) {
      expect(post(text).complaint.isComplaint, text).toBe(false);
      expect(post(text).sentiment.label, text).toBe('positive');
    }
    for (const text of [
      'Toller Service, wirklich. Drei Wochen auf eine Antwort gewartet.',
      'Oh great, lost my bag AGAIN. Fantastic service 🙄',
      'Love how @Ryanair charges £50 to print a boarding pass',
      'Läuft seit dem Update nicht mehr störungsfrei, danke Vodafone',
      'Der Wechsel lief alles andere als problemlos, danke Telekom',
      'Super Service, seit 2 Stunden in der Warteschleife',
      "Can't wait to spend another 3 hours on hold with @Comcast",
    ]) {
      expect(post(text).complaint.isComplaint, text).toBe(true);
    }
  });
});

  it('understatement ("nicht schlecht", "not bad") is no complaint; beside a failure or a negative word it still is', async () => {
    const post = await shippedClassifier();
    for (const text of [
      'Nicht schlecht, die Lieferung kam einen Tag früher als angekündigt.',
      'Der neue Tarif ist echt nicht schlecht, bin zufrieden.',
      'Not bad at all, delivery came a day early.',
      'Not bad at all, @Delta, smooth flight today',
    ]) {
      expect(post(text).complaint.isComplaint, text).toBe(false);
      expect(post(text).sentiment.label, text).not.toBe('negative');
    }
    for (const text of [
      'Nicht schlecht, schon wieder 40 Minuten Verspätung.',
      'Not bad, only lost my luggage twice this year.',
      'Nicht schlecht, aber die Hotline ist dauerbesetzt.',
      'Not bad, @Comcast, third outage this week. Pathetic.',
    ]) {
      expect(post(text).complaint.isComplaint, text).toBe(true);
    }
  });

describe('shipped classifier (learned + cue model) on posts that address no one', () => {
  it('flags sarcastic praise and an un-addressed switch threat, with or without a handle', async () => {
    const post = await shippedClassifier();
    for (const text of ['Oh great, lost my bag AGAIN. Fantastic service 🙄', "I'm switching to another provider, done with this garbage service"]) {
      expect(post(text).complaint.isComplaint, text).toBe(true);
      expect(post(text).sentiment.label, text).toBe('negative');
      expect(post(`@united ${text}`).complaint.isComplaint, text).toBe(true);
    }
  });
});

describe('German sentiment of the shipped classifier', () => {
  it('reads a clear complaint as negative where the GermEval head says neutral, and changes nothing else', () => {
    expect(germanSentimentLabel('neutral', GERMAN_NEGATIVE_FROM_COMPLAINT)).toBe('negative');
    expect(germanSentimentLabel('neutral', GERMAN_NEGATIVE_FROM_COMPLAINT - 0.01)).toBe('neutral');
    expect(germanSentimentLabel('positive', 0.99)).toBe('positive');
    expect(germanSentimentLabel('negative', 0.1)).toBe('negative');
  });

  it('reads a complaint the cues see clearly as negative where the head says neutral, not a weak cue or a non-complaint', () => {
    expect(germanSentimentLabel('neutral', 0.55, undefined, GERMAN_NEGATIVE_FROM_CUES)).toBe('negative');
    expect(germanSentimentLabel('neutral', 0.55, undefined, GERMAN_NEGATIVE_FROM_CUES - 0.01)).toBe('neutral');
    expect(germanSentimentLabel('neutral', 0.45, undefined, 0.9)).toBe('neutral');
    expect(germanSentimentLabel('positive', 0.55, undefined, 0.9)).toBe('positive');
  });

  it('reads plain praise that is no complaint as positive where the head says negative, and sarcasm not', async () => {
    const post = await shippedClassifier();
    const praise: CueAnalysis['evidence'] = { failure: 0, negative: 0, positive: 1.5, commentary: 0, customer: 0, question: false, irony: false, maybeIronic: false };
    expect(germanSentimentLabel('negative', 0.3, praise)).toBe('positive');
    expect(germanSentimentLabel('negative', 0.6, praise)).toBe('negative');
    expect(germanSentimentLabel('negative', 0.3, { ...praise, failure: 1 })).toBe('negative');
    expect(germanSentimentLabel('negative', 0.3, { ...praise, maybeIronic: true })).toBe('negative');
    expect(germanSentimentLabel('negative', 0.3, { ...praise, positive: 0.7 })).toBe('negative');
    expect(post('Läuft bei der Bahn. Super, wieder 40 Minuten Verspätung.').sentiment.label).toBe('negative');
  });

  it('reads clear praise as positive where the head says neutral, shouting allowed, one praise word or irony not (QA round 6)', async () => {
    const post = await shippedClassifier();
    const praise: CueAnalysis['evidence'] = { failure: 0, negative: 0, positive: 1.3, commentary: 0, customer: 0, question: false, irony: false, maybeIronic: false };
    expect(germanSentimentLabel('neutral', 0.2, praise)).toBe('positive');
    expect(germanSentimentLabel('neutral', 0.2, { ...praise, negative: 0.35 })).toBe('positive');
    expect(germanSentimentLabel('neutral', 0.2, { ...praise, negative: 0.8 })).toBe('neutral');
    expect(germanSentimentLabel('neutral', 0.2, { ...praise, positive: 0.7 })).toBe('neutral');
    expect(germanSentimentLabel('neutral', 0.2, { ...praise, irony: true })).toBe('neutral');
    expect(germanSentimentLabel('neutral', 0.6, praise)).toBe('neutral');
    for (const text of ['Danke Netzfalke, super Service!', 'Tolle Beratung bei Kontiva heute, vielen Dank!', 'SKYVIA IHR SEID DIE BESTEN!!! UPGRADE IN DIE BUSINESS BEKOMMEN 😍😍']) {
      expect(post(text).sentiment.label, text).toBe('positive');
    }
    expect(post('Toll, Voltana erhöht zum dritten Mal dieses Jahr die Preise. Ich bin begeistert 🙄').sentiment.label).toBe('negative');
  });

  it('a complaint about a provider outside the training domain (Deutsche Bahn) is negative', async () => {
    const post = await shippedClassifier();
    const text = 'Seit drei Wochen kein Internet und die Telekom-Hotline legt einfach auf. Unfassbar.';
    const c = post(text);
    expect(c.complaint.isComplaint).toBe(true);
    expect(c.sentiment.label).toBe('negative');
    expect(c.sentiment.score).toBeLessThan(0);
  });
});

describe('shipped classifier on complaints and questions about companies other than the railway (QA, session 8)', () => {
  it('flags German complaints whose failure comes with a demand, impatience, damage, a cancellation or an outage in dialect', async () => {
    const post = await shippedClassifier();
    for (const text of [
      'Rechnung doppelt abgebucht, bitte sofort erstatten!',
      'Paket beschädigt angekommen, Glas zerbrochen. Wie bekomme ich Ersatz?',
      'Flug LX2 gestrichen, Hotline seit 2 Stunden besetzt. Wie komme ich jetzt nach Hause?',
      'Wann kommt endlich der Techniker? Warte seit Montag.',
      'Strom is seit heut morgen wech…',
    ]) {
      expect(post(text).complaint.isComplaint, text).toBe(true);
    }
  });

  it('reads praise for a reachable hotline, and plain availability and price questions, as no complaint', async () => {
    const post = await shippedClassifier();
    for (const text of ['Aerolux Hotline war heute schnell erreichbar', 'Do you offer fibre in Leeds yet?', 'What is the baggage allowance on SK221?', 'Was kostet das Deutschlandticket?']) {
      expect(post(text).complaint.isComplaint, text).toBe(false);
    }
    expect(post('Aerolux Hotline war heute schnell erreichbar').intents).not.toContain('support_unreachable');
    expect(post('Hotline war heute nicht gut erreichbar').intents).toContain('support_unreachable');
    // The same openers stay complaints when they carry one.
    for (const text of ['Do you offer refunds when the train is 2 hours late?', 'What is the point of your customer service?', 'Do you have any idea how long I have been waiting?']) {
      expect(post(text).complaint.isComplaint, text).toBe(true);
    }
  });
});

// A shitstorm's posts are outrage more often than a service failure of the writer's own: boycotts (also as the
// storm's hashtag), shaming, no more custom. The shitstorm detector counts a post as negative when it is a
// complaint or its sentiment is negative; these read as neither before the boycott cues.
/** Whether the shipped classifier reads `text` as a complaint or as negative, with the figures for a failure message. */
async function readsNegative(text: string): Promise<{ negative: boolean; figures: string }> {
  const c = (await shippedClassifier())(text);
  return { negative: c.complaint.isComplaint || c.sentiment.label === 'negative', figures: `${c.complaint.score} ${c.sentiment.label}` };
}

/** Expects the shipped classifier to read `text` as a complaint or negative (`negative` true), or as neither. */
async function expectReading(text: string, negative: boolean): Promise<void> {
  const reading = await readsNegative(text);
  expect(reading.negative, reading.figures).toBe(negative);
}

describe('shipped classifier on public outrage (shitstorm posts)', () => {
  it.each([
    'Was erlaubt sich @Edeka da eigentlich? Ich kaufe da nicht mehr ein.',
    '#EdekaBoykott ich bin dabei',
    'Werbung mit so einem Klischee, schämt euch @Edeka',
    'Ihr solltet euch schämen, @Edeka. #edeka_boykott',
    // QA storm report defect 5: outrage the learned sides read as neutral or even positive.
    'They dragged him down the aisle. He was bleeding. Absolutely disgraceful.',
    'RT @jenna_travels: They dragged him down the aisle. He was bleeding. Absolutely disgraceful.',
    'put profit over people. Disgraceful.',
    'Pfui Teufel, @frischkauf',
    'Das war euer letzter Cent von mir',
    'Wir kaufen ab heute woanders. #FrischkaufBoykott',
    'Ich kaufe eure Milch ab heute nicht mehr.',
    'Hab all meine Velora Produkte weggeschmissen #BoycottVelora',
    'Für mich ist Sonnental gestorben.',
    'Ihr habt wohl den Schuss nicht gehört',
    'Hab gerade eine Beschwerde an den Verbraucherschutz geschrieben.',
    // QA live run: a storm's German posts read neutral.
    'Kein Wort zum Datenleck in eurem Post. Feige.',
    'Nu gugge ma, die Elbtalwerke langen richtsch zu. Ich wechsel, das is ja nich auszuhalten!',
    // Moral outrage without a service failure: read as neutral before the petition and "wie kann man" cues.
    'Wie kann man nur so mit Frauen umgehen, @Edeka? Shame on you #aufschrei',
    'Unterschreibt die Petition gegen @Edeka! #stopedeka',
    'Who approved this ad @Velora? Tone deaf does not begin to cover it',
  ])('negative: %s', async (text) => expectReading(text, true));

  it.each(['Boykott-Aufrufe gegen Edeka: was Marketingexperten dazu sagen', 'Boycott calls grow as the airline apologises', 'Ich finde die Aufregung um den Spot übertrieben.'])(
    'reporting on the storm is no boycott of the writer\'s own: %s',
    async (text) => {
      const { analyseText } = await import('../../../classifiers/index.ts');
      expect(analyseText(text).cues.map((c) => c.cue).filter((c) => /^(?:Empörung\/Boykott|outrage\/boycott)/u.test(c)), text).toEqual([]);
    },
  );
});

// QA firestorm replay 9 (a supermarket's security video, a telco's outage and joking tweet): a third of the German outrage
// and half the English mockery read neutral. Goodbyes, the company's silence, demands, blame and mockery of its PR,
// none naming a failure of the writer's own. Phrased here as other storms would say them, not the replay's own posts.
describe('shipped classifier on storm talk beyond the boycott word', () => {
  it.each([
    'Gestern war mein letzter Einkauf bei @Kornfeld. Reicht.',
    'Das war das letzte Mal, dass ich bei euch buche.',
    'Niemand aus meiner Familie fährt da mehr hin.',
    'Meine Kundenkarte hab ich grad zerschnitten.',
    'Wie lange wollt ihr eigentlich noch schweigen, @Kornfeld?',
    'Der Vorstand duckt sich weg.',
    'Eure Pressemitteilung macht es nur noch schlimmer.',
    'Der Konzern muss sich bei den Opfern öffentlich entschuldigen',
    'Statt PR-Blabla hätte ich gern Antworten',
    'Jetzt schieben sie die Schuld auf den Subunternehmer. Billig.',
    'Ihr seid bei mir unten durch.',
    'Sie löschen munter Kommentare unter dem Post.',
    'So behandelt man keine Menschen, @Kornfeld.',
    'Just cancelled. 14 years with them.',
    'Bye @NorthLink 👋 you won\'t be missed',
    'Leaving NorthLink after 12 years. That ad was the final straw',
    'Getting my PAC code tomorrow, done with this lot',
    'Their contempt for customers is something else',
    'They should be properly fined for this',
    'That statement aged like milk',
    'imagine being the poor intern who pressed send on that',
    'NorthLink speedrunning how to lose customers',
    'NorthLink social media team right now 🔥🔥',
    'This is the most tone deaf ad of the year',
  ])('negative: %s', async (text) => expectReading(text, true));

  it.each([
    'Das letzte Mal war ich im Sommer da, alles bestens',
    'Gutschein eingelöst, hat super geklappt',
    'Wie kann ich meine Kommentare löschen?',
    'Polizei ermittelt nach Vorfall in der Filiale wegen Körperverletzung',
    'I cancelled my old contract and moved to NorthLink, no regrets',
    'Proud of our social media team today 💙',
  ])('the storm-talk cue stays out of: %s', async (text) => {
    const { analyseText } = await import('../../../classifiers/index.ts');
    expect(analyseText(text).cues.map((c) => c.cue).filter((c) => /^(?:Sturm: Abschied|storm talk)/u.test(c)), text).toEqual([]);
  });

  // The same replay's defenders, read as negative: sympathy for staff and perspective, not a stance against the company.
  it.each([
    'Immer diese Empörungswellen, nächste Woche redet keiner mehr drüber',
    'Sie haben sich entschuldigt, mehr kann man wirklich nicht verlangen',
    'Boykott hilft keinem, am Ende trifft es die Azubis',
    'Glitches happen to every airline, bit of perspective please',
    "Please don't shout at the gate staff, they didn't write the policy",
    'Criticise the company, not the intern',
  ])('a defender is not negative: %s', async (text) => expectReading(text, false));
});

// QA firestorm round 4: a launch and a viral story of good service raised critical storm alerts, their praise read as
// complaints or negative; and a recall's posts read neutral, so its first wave raised none.
describe('shipped classifier on praise waves and product-safety storms', () => {
  it.each([
    'This is how you do customer service. Take notes everyone. @Lumio',
    'Wow, Lumio. Respekt. So geht Kundenservice!',
    'My son dropped his Lumio in the bath the day before his exam. Messaged @Lumio_Support at 11pm, they couriered a replacement by 9am. No charge. Never seen anything like it. Thank you.',
    'Lumio X3 hands-on: the camera is INSANE 🔥 #LumioX3',
    'Lumio X3 keynote was so wholesome, the engineer crying at the end 🥹 #LumioX3',
    'Hab das X3 im Store in der Hand gehabt. Wahnsinn wie leicht es ist. @Lumio ihr habt\'s geschafft',
    // QA firestorm round 5: a storm alert's example, read as a complaint (0.55).
    'Velmar Werkstatt in Ulm hat mich super beraten',
  ])('praise, neither a complaint nor negative: %s', async (text) => expectReading(text, false));

  // QA firestorm round 5: a data leak's posts in Austrian, Swiss and English read neutral; defenders read negative.
  it.each([
    'Oida, Velora hat meine Wohnadresse geleakt. Des is a Wahnsinn. #VeloraLeak',
    'Velora Datenleck: Meine Fahrten sind öffentlich einsehbar. Ich bin fassungslos.',
    "Huere Seich, Velora. 400'000 Lüt und ihr säged nüt?!",
    "Velora leaked ride histories AND home addresses, a stalker's dream",
    'Ich wechsle zur Volksbank. Reicht jetzt',
  ])('a leak or a goodbye is negative: %s', async (text) => expectReading(text, true));

  it.each(["I've flown Corvana 50 times, staff are always lovely. Don't judge them by one video", 'Corvana crew are humans too, stop the hate'])(
    'a defender of the staff is not negative: %s',
    async (text) => expectReading(text, false),
  );

  it.each(['Salmonellen bei Frischkauf. Na lecker.', 'Listerien im Käse von Frischkauf, unfassbar', 'My kids got sick after eating the Snacko crisps. Contaminated batch?'])(
    'a product that endangers its buyers is negative: %s',
    async (text) => expectReading(text, true),
  );
});

// Asking how to cancel is a request for the procedure; the cancellation intent still marks the churn risk.
describe('shipped classifier on how-to questions about cancelling', () => {
  it.each(['Wie kündige ich meinen Vertrag?', 'Wie kann ich meinen Handyvertrag kündigen?', 'Was ist die Kündigungsfrist bei euch?', 'How do I cancel my subscription?', 'Can I cancel my order before it ships?'])(
    'a question, not a complaint, with the intent kept: %s',
    async (text) => {
      const classify = await shippedClassifier();
      const c = classify(text);
      expect(c.complaint.isComplaint, `${c.complaint.score}`).toBe(false);
    },
  );

  it.each(['Ich will kündigen, wie geht das?', 'How do I cancel? Worst service I have ever had.', 'Wie kündige ich diesen Saftladen endlich?'])('leaving in anger stays a complaint: %s', async (text) => {
    const classify = await shippedClassifier();
    expect(classify(text).complaint.isComplaint).toBe(true);
  });

  it('the cancellation intent stays', async () => {
    const classify = await shippedClassifier();
    expect(classify('How do I cancel my subscription?').intents).toContain('cancellation_threat');
  });
});

// QA storm report defect 6: news about a storm and its bystanders counted as complaints against the brand.
describe('shipped classifier on reporting about a storm', () => {
  it.each([
    'Shitstorm gegen Edeka: Supermarktkette zieht Werbespot zurück',
    'Edeka-Werbespot sorgt für Empörung',
    'Boycott calls grow as the airline apologises',
    'Vantair CEO under fire for "re-accommodate" remark',
  ])('an observer, no complaint: %s', async (text) => {
    const classify = await shippedClassifier();
    expect(classify(text).complaint.isComplaint).toBe(false);
  });
});

// Fresh posts, set 9: what the learned models read from the failure words alone, whoever they happened to and whether they
// happened (cues-frames.ts), and praise the lexicon does not know.
describe("shipped classifier on others' trouble, suppositions, notices, conceded praise and slang (set 9)", () => {
  it.each([
    ['Bei uns zu Hause läuft das WLAN einwandfrei, aber meine Oma im Nachbarort hat seit Montag keins.', false, 'neutral'],
    ['My broadband is working fine, but my parents have had no signal since Monday. Outage in Hull?', false, 'neutral'],
    ['Falls das Netz jemals ausfällt, bin ich weg.', false, 'neutral'],
    ["If my order is ever late, I'm switching to another app.", false, 'neutral'],
    ['Unsere Techniker arbeiten mit Hochdruck an der Störung im Raum Linz. Wir informieren euch, sobald es Neuigkeiten gibt.', false, 'neutral'],
    ["We're aware that some customers can't log in to the app and our engineers are working on a fix.", false, 'neutral'],
    ['Lovely staff at the branch, but my card has been blocked for a week and nobody can say why.', true, 'negative'],
    ['Die App ist ja eigentlich schön, aber seit dem Update lädt sie gar nicht mehr.', true, 'negative'],
    ['Ich gebe euch noch drei Tage, dann geht das an den Anwalt.', true, 'negative'],
    ["Either someone calls me back by Friday or I'm cancelling.", true, 'negative'],
    ['Voll geil, der Zug fällt schon wieder aus.', true, 'negative'],
    ['this new update slaps, way faster', false, 'positive'],
    ['Voll leiwand, Lieferung scho do!', false, 'positive'],
  ] as const)('%s: complaint %s, %s', async (text, complaint, sentiment) => {
    const c = (await shippedClassifier())(text);
    expect(c.complaint.isComplaint).toBe(complaint);
    expect(c.sentiment.label).toBe(sentiment);
  });

  it('German: the head\'s negative reading of a supposition or of someone else\'s trouble is neutral, of praise in one positive', () => {
    const supposed: CueAnalysis['evidence'] = { failure: 0, negative: 0, positive: 0, commentary: 0, customer: 0, question: false, irony: false, supposition: true };
    expect(germanSentimentLabel('negative', 0.3, supposed)).toBe('neutral');
    expect(germanSentimentLabel('negative', 0.3, { ...supposed, supposition: undefined, othersTrouble: true })).toBe('neutral');
    expect(germanSentimentLabel('negative', 0.3, { ...supposed, positive: 1.3 })).toBe('positive');
    expect(germanSentimentLabel('negative', 0.6, supposed)).toBe('negative');
  });
});

describe('shipped classifier on notices, grievances at no company, either/or questions and bookings not kept (set 10)', () => {
  it.each([
    ['Hinweis: Wegen eines Updates ist unser Kundenportal am Samstag von 22 bis 24 Uhr nicht erreichbar. Wir bitten um Verständnis.', false, 'neutral'],
    ['Sick of this rain, third grey week in a row.', false, 'negative'],
    ['Bitcoin verliert heute wieder 5 Prozent.', false, 'neutral'],
    ['Is the tour coming to Dublin or is it UK only?', false, 'neutral'],
    ['Das Hotel hat unsere Buchung einfach storniert, wir standen um elf Uhr nachts ohne Zimmer da.', true, 'negative'],
    ["The airline's not to blame, but the booking site sold us seats that didn't exist. Stuck in Perth overnight.", true, 'negative'],
  ] as const)('%s: complaint %s, %s', async (text, complaint, sentiment) => {
    const c = (await shippedClassifier())(text);
    expect(c.complaint.isComplaint).toBe(complaint);
    expect(c.sentiment.label).toBe(sentiment);
  });

  it("German: the head's negative reading of a notice or news item is neutral; a grievance at no company keeps it", () => {
    const notice: CueAnalysis['evidence'] = { failure: 1, negative: 0, positive: 0, commentary: 2, customer: 0, question: false, irony: false };
    expect(germanSentimentLabel('negative', 0, notice)).toBe('neutral');
    expect(germanSentimentLabel('negative', 0, { ...notice, noCompany: true })).toBe('negative');
    expect(germanSentimentLabel('negative', 0, { ...notice, negative: 1 })).toBe('negative');
  });
});

describe('shipped classifier on conditions that open a post, switches and blunders owned (sets 27–28)', () => {
  it.each([
    ['If my @Skyvia flight tomorrow gets cancelled because of the strike, do I get compensation? asking before I panic', false],
    ['@Lieferblitz Falls meine Bestellung heute wegen dem Sturm später kommt, passt schon. Sicherheit der Fahrer geht vor!', false],
    ['@Funkwelle Drei Jahre Dauerfunkloch beim alten Anbieter, seit dem Wechsel zu euch volle Balken im Keller 💪', false],
    ['@Brightcell switched over from Netzo 6 months ago and no more dropped calls in my basement. should have done it years ago', false],
    ['@Wohnwerk Hab beim Aufbau die Tür falsch rum montiert und dabei ein Scharnier verbogen 🤦‍♂️ komplett mein Fehler. Kann man Scharniere einzeln nachkaufen?', false],
    ['@Brightcell totally my fault, spilled coffee all over the keyboard 🤦 does the accidental damage cover handle that?', false],
    // An ultimatum about a failure that is already there, and a blunder disowned, stay complaints.
    ['If you don\'t fix my internet by tomorrow I\'m leaving. Third outage this week.', true],
    ['Das war nicht mein Fehler: Funkwelle hat die Rechnung doppelt abgebucht und reagiert nicht.', true],
  ] as const)('%s: complaint %s', async (text, complaint) => {
    const c = (await shippedClassifier())(text);
    expect(c.complaint.isComplaint).toBe(complaint);
  });
});

describe('English learned readings without cue support (ENGLISH_UNSUPPORTED_SURE)', () => {
  const nothing = { failure: 0, negative: 0, positive: 0, commentary: 0, customer: 0, question: false, irony: false };
  // A learned probability whose rescaled score is `target` (T is the learned threshold).
  const p = (target: number) => T + ((target - 0.5) * (1 - T)) / 0.5;

  it('a short English post the cue model reads nothing wrong in needs a surer learned model to be a complaint', () => {
    expect(compositeComplaintScore(p(ENGLISH_UNSUPPORTED_SURE - 0.05), T, { score: 0, evidence: nothing }, 80, 'en')).toBeLessThan(COMPOSITE_THRESHOLD);
    expect(compositeComplaintScore(p(ENGLISH_UNSUPPORTED_SURE + 0.05), T, { score: 0, evidence: nothing }, 80, 'en')).toBeGreaterThanOrEqual(COMPOSITE_THRESHOLD);
  });

  it('not with a failure or a negative word, not with praise that may be sarcasm, and not in German', () => {
    const s = p(ENGLISH_UNSUPPORTED_SURE - 0.05);
    expect(compositeComplaintScore(s, T, { score: 0.3, evidence: { ...nothing, failure: 0.6 } }, 80, 'en')).toBeGreaterThanOrEqual(COMPOSITE_THRESHOLD);
    expect(compositeComplaintScore(s, T, { score: 0, evidence: { ...nothing, positive: 0.7, maybeIronic: true } }, 80, 'en')).toBeGreaterThanOrEqual(COMPOSITE_THRESHOLD);
    expect(compositeComplaintScore(s, T, { score: 0, evidence: nothing }, 80, 'de')).toBeGreaterThanOrEqual(COMPOSITE_THRESHOLD);
  });

  it("a storm's outrage the cue lists do not know stays negative though it is no complaint", async () => {
    const c = (await shippedClassifier())("Pay your drivers, Parcelo. It's not that complicated.");
    expect(c.complaint.isComplaint).toBe(false);
    expect(c.sentiment.label).toBe('negative');
  });
});

describe('shipped classifier on others\' trouble heard of and providers kept (sets 29–30)', () => {
  it.each([
    ["Seeing loads of people say the Northbank app is down this morning. Mine's working fine for what it's worth, maybe a regional thing?", false],
    ["My mates switch broadband every year chasing deals. I've been with Zenlink for 7 years, never had a reason to leave. Not switching.", false],
    ['Nach den ganzen Horrorgeschichten hier zum Glasfaser-Anschluss: bei mir hat die Funkwelle alles pünktlich gemacht, läuft seit Tag 1 stabil.', false],
    // The writer's own trouble beside others' stays a complaint.
    ["Loads of people say the Northbank app is down and mine has been broken since Monday too. Fix it.", true],
  ] as const)('%s: complaint %s', async (text, complaint) => {
    expect((await shippedClassifier())(text).complaint.isComplaint).toBe(complaint);
  });
});
