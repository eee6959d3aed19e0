/**
 * Readings the fresh sets and QA round 10 asked for: German praise with one praise cue is positive outside rail talk,
 * where GermEval's convention (the attitude towards Deutsche Bahn; praise of anything else neutral) does not apply
 * (composite.ts isPraiseBeyondRail, rail-talk.ts); news headlines and columns are commentary; short product questions
 * ask, they do not complain.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { talksRail } from '../../../classifiers/rail-talk.ts';
import type { Classified } from '../../../src/model.ts';
import { shippedClassifier } from '../../helpers/shipped-classifier.ts';

let classify: (text: string) => Classified;
beforeAll(async () => {
  classify = await shippedClassifier();
});

describe('talksRail: the GermEval domain', () => {
  it.each([
    ['Die S-Bahn war heute pünktlich', true],
    ['Mit dem ICE nach Hamburg', true],
    ['Schaffnerin im RE 7 super nett', true],
    ['ÖBB-Railjet ab Salzburg', true],
    ['Meine EC-Karte wurde gesperrt', false],
    ['Re: Tolles Angebot, danke!', false],
    ['Die Werkstatt hat mein Auto in zwei Stunden repariert', false],
    ['Icebreaker-Jacke vom Outdoorladen', false],
  ] as const)('%s → %s', (text, rail) => {
    expect(talksRail(text)).toBe(rail);
  });
});

describe('German praise outside rail talk', () => {
  it.each([
    'Die Werkstatt Kunz hat den Ölwechsel in 20 Minuten gemacht. Top!',
    'Die Krankenkasse hat meine Rechnung in drei Tagen erstattet. Danke!',
    'Neue Version der Banking-App startet endlich flott. Respekt.',
    'Nicht schlecht. Die neue Version der Banking-App startet endlich in unter zwei Sekunden.',
    'Kann mich nicht beschweren. Die Werkstatt hat die Inspektion zum vereinbarten Preis gemacht.',
  ])('one praise cue, or an understatement of its weight, and nothing wrong is positive: %s', (text) => {
    expect(classify(text).sentiment.label).toBe('positive');
  });

  it.each([
    // Mixed, asked, ironic or long: the rule leaves them to the other readings.
    'Das Hotel ist schön gelegen, aber die Baustelle nebenan hätte man uns sagen müssen.',
    'Top Angebot, gilt das auch für Bestandskunden?',
    'Danke für nix, seit drei Tagen kein Internet.',
  ])('not when mixed, asked or a failure stands beside it: %s', (text) => {
    expect(classify(text).sentiment.label).not.toBe('positive');
  });
});

describe('news headlines and columns are commentary, not complaints (QA firestorm round 10)', () => {
  it.each([
    'Preiserhöhung bei Telvio: Was Kunden jetzt wissen müssen',
    'Kommentar: Telvio unterschätzt die Wut der Bestandskunden',
    'Verbraucherzentrale NRW kritisiert Preisanpassung von Telvio',
    'Watchdog slams Oakcrust over allergy reply',
    "Here's what customers need to know about the Voltel price rise",
  ])('%s', (text) => {
    expect(classify(text).complaint.isComplaint).toBe(false);
  });

  it('a customer who went to the consumer advice centre still complains', () => {
    expect(classify('Hab mich an die Verbraucherzentrale gewandt, seit Wochen keine Antwort von Telvio.').complaint.isComplaint).toBe(true);
  });
});

describe('short product questions are no complaints (QA round 10)', () => {
  it('"Wie kündige ich …?" asks how; "Ich kündige jetzt!" is the threat', () => {
    expect(classify('Wie kündige ich eigentlich Netflix, wenn ich über Apple abgerechnet werde?').complaint.isComplaint).toBe(false);
    expect(classify('Ich kündige jetzt! Seit drei Wochen kein Netz.').complaint.isComplaint).toBe(true);
  });

  it.each(['Is this UK only?', 'Does the 2-for-1 work with the student discount too?', 'Does this apply to existing customers?'])('%s', (text) => {
    expect(classify(text).complaint.isComplaint).toBe(false);
  });
});

describe('storm talk: goodbyes, a sarcasm tag, defenders (QA firestorm round 10)', () => {
  it.each([
    'Ich finde es total fair, dass Telvio mitten im Vertrag erhöht. /s',
    'bye bye telvio. war schön, nein war es nicht',
    'Done with Oakcrust. Done. 🤬',
    'deleted the oakcrust app. bye.',
  ])('negative: %s', (text) => {
    expect(classify(text).sentiment.label).toBe('negative');
  });

  it.each(['Mit der U/S-Bahn zum Hafen, Treffpunkt Landungsbrücken', 'Ganz ehrlich, alle Anbieter erhöhen gerade. Telvio ist da nicht schlimmer als die anderen'])(
    'no complaint: %s',
    (text) => {
      expect(classify(text).complaint.isComplaint).toBe(false);
    },
  );
});

describe('a fix followed by "??" or "!!" is still resolved: punctuation is no problem coming back', () => {
  it.each([
    ['My landlord actually fixed the boiler the same day I reported it. Is this what adulthood feels like?? 😂', true],
    ['They fixed the boiler last week. Broken again today!!', false],
  ] as const)('%s → resolved %s', async (text, resolved) => {
    const { analyseCues } = await import('../../../classifiers/cues.ts');
    const { prepare } = await import('../../../classifiers/text.ts');
    expect(analyseCues(prepare(text), 'en').evidence.resolved === true).toBe(resolved);
  });
});

describe('a queue at the counter is a complaint; a queue that moved quickly is not', () => {
  it.each([
    ['In der Filiale am Hauptplatz ist nur noch ein Schalter besetzt, die Schlange geht bis auf die Straße.', true],
    ['Only one till open at the supermarket again, queue out the door, 25 minutes for a meal deal.', true],
    ['Nur eine Kasse offen, aber es ging trotzdem schnell.', false],
  ] as const)('%s → %s', (text, complaint) => {
    expect(classify(text).complaint.isComplaint).toBe(complaint);
  });
});
