import { describe, expect, it } from 'vitest';
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

  it('"in order to" is not a delivery', () => {
    expect(intents('I called in order to ask about the new tariffs.')).toEqual([]);
  });

  it('points at the phrase behind each intent', () => {
    const p = prepare('Wo bleibt meine Lieferung?');
    const d = detectIntents(p).find((i) => i.intent === 'delivery');
    expect(d && p.lower.slice(...d.span)).toBe('lieferung');
  });
});
