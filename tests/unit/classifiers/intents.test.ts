import { describe, expect, it } from 'vitest';
import { askedQuestion } from '../../../classifiers/asked-question.ts';
import { detectIntents } from '../../../classifiers/intents.ts';
import { prepare } from '../../../classifiers/text.ts';

const intents = (text: string) => detectIntents(prepare(text)).map((i) => i.intent).sort();

describe('intents, German and English side by side', () => {
  it.each([
    ['Mein Paket ist immer noch nicht zugestellt', 'My parcel still has not been delivered', ['delivery']],
    ['Schon die zweite Mahnung, und das Inkasso droht', 'Second reminder already and now a debt collector', ['billing']],
    ['Seit einer Stunde in der Warteschleife der Hotline', 'On hold for an hour, nobody answers', ['support_unreachable']],
    ['Ich kündige und wechsle zu einem anderen Anbieter', "I'm switching to another provider, cancel everything", ['cancellation_threat']],
    ['Router defekt, kein Internet', 'Router is broken, no internet', ['product_defect']],
    ['Der Schaffner war extrem unfreundlich', 'The staff at the counter were rude', ['staff_behaviour']],
  ])('%s | %s → %j', (de, en, expected) => {
    expect(intents(de)).toEqual(expected);
    expect(intents(en)).toEqual(expected);
  });

  it('reads a threat to leave without the word "kündigen", and not a question about changing plans', () => {
    expect(intents('Vattenfall hat den Abschlag verdoppelt. Werde wechseln.')).toContain('cancellation_threat');
    expect(intents('Überlege ernsthaft zu wechseln, dritte Störung diesen Monat')).toContain('cancellation_threat');
    expect(intents('Wie kann ich bei der Telekom meinen Tarif wechseln?')).not.toContain('cancellation_threat');
  });

  // QA firestorm round 4: "Okay I'm switching to Lumio after reading this" was a cancellation threat against Lumio.
  it('reads switching to the brand the post names, and no other, as no threat to leave it', () => {
    const named = (text: string, name: string) => {
      const p = prepare(text);
      const spans: Array<[number, number]> = [];
      for (let at = p.lower.indexOf(name); at !== -1; at = p.lower.indexOf(name, at + 1)) spans.push([at, at + name.length]);
      return detectIntents(p, spans).map((i) => i.intent);
    };
    expect(named("Okay I'm switching to Lumio after reading this", 'lumio')).not.toContain('cancellation_threat');
    expect(named('Ich wechsle zu @lumio, die können Service', 'lumio')).not.toContain('cancellation_threat');
    expect(named('Switching to Vodafone, done with Lumio', 'lumio')).toContain('cancellation_threat');
    expect(named("I'm switching to another provider, Lumio", 'lumio')).toContain('cancellation_threat');
  });

  it('reads "cancel" as a threat only when the customer cancels, not when the company cancelled something', () => {
    for (const text of ["I'm cancelling my subscription if this isn't fixed", 'Going to cancel my contract tomorrow', 'I will cancel, done waiting', 'Cancelled my account today after 10 years']) {
      expect(intents(text), text).toContain('cancellation_threat');
    }
    for (const text of ['Aerolux cancelled my flight, what a scam!', 'Train cancelled again, no announcement.', 'My order was cancelled without any reason']) {
      expect(intents(text), text).not.toContain('cancellation_threat');
    }
  });

  it('staff who hang up or act arrogantly, in German too', () => {
    expect(intents('Die Mitarbeiterin an der Hotline hat einfach aufgelegt')).toContain('staff_behaviour');
    expect(intents('Total arrogante Beratung im Shop')).toContain('staff_behaviour');
  });

  it('finds several intents in one post', () => {
    expect(intents('Rechnung falsch, Hotline nicht erreichbar, ich kündige!')).toEqual(['billing', 'cancellation_threat', 'support_unreachable']);
  });

  it('question: a question mark, or an unambiguous question opener', () => {
    expect(intents('Wann kommt der nächste Zug')).toEqual(['question']);
    expect(intents('Is there a student discount?')).toEqual(['question']);
    expect(intents('Wie immer zu spät.')).toEqual([]);
    expect(intents('Was für ein Chaos heute.')).toEqual([]);
  });

  it.each([
    ['Wie kann ich meinen Zählerstand online melden?', 'How can I submit a meter reading online?'],
    ['Wann kommt der Techniker, seit Montag kein Internet?', 'No internet since Monday, when will the engineer come?'],
    ['Gibt es eine Störung in 10115?', 'Is there an outage in Bristol?'],
    ['Kann ich das Ticket im nächsten Zug nutzen?', 'Can I use my ticket on the next train?'],
    ['Was passiert, wenn die Lieferung nicht kommt?', 'What happens if my parcel never shows up?'],
    ['Warum wurde mir im März doppelt abgebucht?', 'Why was I charged twice in March?'],
  ])('a question that asks for information: %s | %s', (de, en) => {
    expect(intents(de)).toContain('question');
    expect(intents(en)).toContain('question');
  });

  it.each([
    ['Wie kann es sein, dass die Rechnung schon wieder falsch ist?', 'Seriously?'],
    ['Wie kann man nur so unfähig sein?', 'Are you kidding me?'],
    ['Warum ist das bei euch immer so kompliziert?', 'Why is it always this hard?'],
    ['Was soll das?', 'How is this acceptable, @Skyline?'],
    ["Geht's noch?", 'What is the point of having a hotline?'],
    ['Wie oft denn noch?', 'How hard can it be to deliver a parcel?'],
    ['Ist das euer Ernst, Vodafone?', 'Does anyone even read these messages?'],
    ['Liest das hier überhaupt jemand?', 'How am I supposed to work without internet?'],
    ['Wie soll man da pünktlich ankommen?', "That's a joke, right?"],
  ])('a rhetorical question is no question: %s | %s', (de, en) => {
    expect(intents(de)).not.toContain('question');
    expect(intents(en)).not.toContain('question');
  });

  it('a real question beside a rhetorical one still asks', () => {
    expect(intents('Seriously? When will my refund arrive?')).toContain('question');
    expect(intents('Was soll das? Wann kommt mein Geld zurück?')).toContain('question');
    // "Was soll das kosten?" asks a price; "Is it possible to …?" a way.
    expect(intents('Was soll das kosten?')).toContain('question');
    expect(intents('How is it possible to change my address?')).toContain('question');
  });

  it.each([
    ['Schon wieder 4,90 € Versandgebühr', 'Another £4.99 delivery fee'],
    ['Liefergebühr trotz Mindestbestellwert', 'Shipping charge added at checkout'],
    ['Jetzt auch noch ein Verspätungszuschlag', 'A late delivery surcharge now?!'],
  ])('a fee named after a delivery or a delay is billing, and no delivery by its name: %s | %s', (de, en) => {
    expect(intents(de)).toContain('billing');
    expect(intents(de)).not.toContain('delivery');
    expect(intents(en)).toContain('billing');
    expect(intents(en)).not.toContain('delivery');
  });

  it('a fee beside a delivery problem keeps both; free delivery names no fee', () => {
    expect(intents('Paket kam nie an, aber die Versandkosten habt ihr kassiert')).toEqual(expect.arrayContaining(['billing', 'delivery']));
    expect(intents('Paid the delivery fee and my parcel never arrived')).toEqual(expect.arrayContaining(['billing', 'delivery']));
    expect(intents('Delivery was free of charge but the parcel never arrived')).toEqual(['delivery']);
  });

  it('a new or raised fee is a billing problem, not only its topic', () => {
    const problem = (text: string) => detectIntents(prepare(text)).find((i) => i.intent === 'billing')?.problem;
    expect(problem('Die Kontoführungsgebühr wurde schon wieder erhöht')).toBe(true);
    expect(problem('The delivery fee went up again')).toBe(true);
    expect(problem('Plötzlich eine neue Servicepauschale auf der Rechnung')).toBe(true);
    expect(problem('Wie hoch ist die Versandgebühr?')).toBe(false);
  });

  it('"in order to" is not a delivery', () => {
    expect(intents('I called in order to ask about the new tariffs.')).toEqual([]);
  });

  it('points at the phrase behind each intent', () => {
    const p = prepare('Wo bleibt meine Lieferung?');
    const d = detectIntents(p).find((i) => i.intent === 'delivery');
    expect(d && p.lower.slice(...d.span)).toBe('lieferung');
  });
});

describe('a short question the writer answers with a bare "none" is no question', () => {
  it.each([
    ['Abschlag um 38 € erhöht. Begründung? Fehlanzeige. Verbrauch gleich geblieben.', false],
    ['Three emails about my refund. Response? Nothing so far.', false],
    ['Wann kommt mein Paket? Nichts passiert seit Montag.', true],
    ['Tracking? None. Where is my parcel?', true],
  ] as const)('%s → question %s', (text, asks) => {
    expect(askedQuestion(prepare(text)) !== undefined).toBe(asks);
  });
});
