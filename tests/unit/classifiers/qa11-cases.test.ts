/**
 * Readings QA round 11 (firestorm and unanswered replays) asked for: a short closing remark of praise after a failure is
 * sarcasm (cues.ts praiseTail); a post glad of the company it names while another fails is no complaint about it
 * (cues-frames.ts prefersThisOne); bargains landed and "30 % auf alles" are praise and adverts; headlines of a company
 * apologising or its customers demanding are news; help thanked for with a fault is the fault solved.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Classified } from '../../../src/model.ts';
import { shippedClassifier } from '../../helpers/shipped-classifier.ts';

let classify: (text: string) => Classified;
beforeAll(async () => {
  classify = await shippedClassifier();
});

const negative = (c: Classified): boolean => c.complaint.isComplaint || c.sentiment.label === 'negative';

describe('a failure, then a few words of praise: sarcasm', () => {
  it.each([
    'Ironvale took my money on the 1st and locked me out on the 1st. Nice.',
    "the app QR won't scan and there's no staff till 9. Brilliant start to the day",
    'Paket seit zwei Wochen verschwunden, Hotline legt auf. Toll gemacht!',
  ])('a complaint, negative: %s', (text) => {
    const c = classify(text);
    expect(c.complaint.isComplaint).toBe(true);
    expect(c.sentiment.label).toBe('negative');
  });

  it.each([
    'Nach dem Wasserschaden lief die Abwicklung mit der Versicherung besser als gedacht. Respekt an die Sachbearbeiterin',
    'Router was down for an hour, engineer fixed it the same day. Brilliant.',
  ])('praise after the failure was solved, or given before the remark, stays sincere: %s', (text) => {
    expect(classify(text).complaint.isComplaint).toBe(false);
  });
});

describe("another company's trouble, the named one preferred", () => {
  it.each([
    'Mate just texted me PulseFit is down across Leeds. Smug Ironvale member today',
    'PulseFit is a shambles. Never had this problem at Ironvale',
    "PulseFit doors won't open, Ironvale Headingley it is then",
    "PulseFit outage again?? Ironvale's looking better every week",
    'Telekom seit gestern komplett tot. Zum Glück bin ich bei Vodafone',
  ])('no complaint, not negative: %s', (text) => {
    expect(negative(classify(text))).toBe(false);
  });

  it.each([
    "Never had this problem with Ironvale until today, doors won't open",
    'Bei Vodafone hatte ich so ein Problem bisher nie, aber seit Montag kein Netz',
  ])('"until now" turns the comparison into a complaint: %s', (text) => {
    expect(classify(text).complaint.isComplaint).toBe(true);
  });
});

describe('bargains and sale adverts', () => {
  it.each([
    'Endlich den Mantel von Velura im Sale geschnappt!!',
    'Wer noch Geschenke braucht: Velura hat grad 30 % auf alles',
    'Hab bei Velura zugeschlagen, drei Pullis für den Preis von zwei 🛍️',
  ])('no complaint, not negative: %s', (text) => {
    expect(negative(classify(text))).toBe(false);
  });

  it('a bargain that arrived broken is still a complaint', () => {
    expect(classify('Im Sale geschnappt, aber die Jacke kam kaputt an und die Retoure wird abgelehnt').complaint.isComplaint).toBe(true);
  });
});

describe('headlines and more failures', () => {
  it.each(['Leeds gym chain Ironvale apologises after members locked out by app failure', "Ironvale criticised over 'rest days' post as entry system fails"])(
    'a headline about the company is news, not negative: %s',
    (text) => {
      expect(negative(classify(text))).toBe(false);
    },
  );

  it.each([
    'Booked wheelchair assistance at Bristol for SV640 and nobody has come. Flight boards in 40 min.',
    '£50 to fix a typo in my name on the booking. Daylight robbery.',
  ])('a complaint: %s', (text) => {
    expect(classify(text).complaint.isComplaint).toBe(true);
  });

  it('help thanked for with the fault it fixed is praise, not a complaint', () => {
    const c = classify('Super schnelle Hilfe gestern bei der Störung, danke an den Techniker! 👍');
    expect(c.complaint.isComplaint).toBe(false);
    expect(c.sentiment.label).toBe('positive');
    expect(classify('Keine Hilfe bei der Störung, seit 3 Tagen kein Netz').complaint.isComplaint).toBe(true);
  });
});

describe('set 15: models, fixes, notices, defenders and gripes at no company', () => {
  it.each([
    "Octopus Energy refunded my overpayment within 24 hours of asking. Why can't every company be like this?",
    "I'm not saying British Airways is perfect, but I've flown with them 30+ times and never had a single problem.",
    'My Sky box died last night, engineer came this morning and swapped it in 10 minutes. Great stuff.',
    'Reminder: the Household Waste & Recycling Centre on Mill Lane is closed Monday 4th for maintenance. Please plan your trips accordingly.',
    'Before anyone blames @AmazonUK: the parcel was delivered fine, my flatmate hid it in the oven "for safety". Amazon is innocent.',
    'Toll, schon wieder Glatteis. Danke, Winter. 🙄',
    'Schon wieder verloren. 0:3 gegen Bochum. Ich kann nicht mehr #S04',
    'Hab mein Fitnessstudio-Abo seit März nicht genutzt und zahle trotzdem brav jeden Monat. Selbst schuld 🙈',
  ])('no complaint: %s', (text) => {
    expect(classify(text).complaint.isComplaint).toBe(false);
  });

  it.each([
    "Polite request: could @thameswater please let us know when the water in SE15 will be back on? It's been off since 6am. Thanks in advance.",
    "Why can't you answer the phone, three days now",
    'Oh great, PayPal froze £2,300 of my business money \'for review\' and the chat bot just loops me back to the FAQ. Love that for me. Can\'t pay my suppliers.',
  ])('a complaint: %s', (text) => {
    expect(classify(text).complaint.isComplaint).toBe(true);
  });
});

describe('new goods that came worn, a refund refused', () => {
  it.each([
    "Mein neues Video ist online: 12 Teile bei Velura bestellt, 7 davon waren GETRAGEN. Make-up am Kragen, Deo-Flecken, abgeschnittene Etiketten. Und die Erstattung? 'Nicht möglich, Ware mit Gebrauchsspuren zurückgesendet.' 🤯 Ganzes Video in Bio #Velura",
    'The dress arrived used with makeup stains on the collar',
  ])('a complaint: %s', (text) => {
    expect(classify(text).complaint.isComplaint).toBe(true);
  });

  it('goods bought second-hand on purpose are no complaint', () => {
    expect(classify('Hab die Jacke gebraucht gekauft, top Zustand').complaint.isComplaint).toBe(false);
  });
});

describe('QA round 12: the same failure again, switching to the brand, star ratings', () => {
  it('"Great job" beside the fourth estimated bill in a row is sarcasm', () => {
    const c = classify('@VoltwiseEnergy Great job, 4th estimated bill in a row 👏👏');
    expect(c.complaint.isComplaint).toBe(true);
    expect(c.sentiment.label).toBe('negative');
    expect(classify('Third win in a row for the lads!').complaint.isComplaint).toBe(false);
  });

  it('thinking of switching to the brand asked about is no threat to leave it', () => {
    const c = classify('Does anyone know if @VoltwiseEnergy charge exit fees on the Flex tariff? Thinking of switching to them');
    expect(c.complaint.isComplaint).toBe(false);
    expect(c.intents).not.toContain('cancellation_threat');
    expect(classify('Fed up, switching to Vodafone next month').intents).toContain('cancellation_threat');
  });

  it('a four-star review praising line and prices with one wish is no complaint', () => {
    const c = classify('★★★★☆ Gute Leitung, faire Preise. Nur die App könnte schöner sein.');
    expect(c.complaint.isComplaint).toBe(false);
    expect(classify('Schlechte Leitung, keine faire Preise').complaint.isComplaint).toBe(true);
  });

  it('a one-star rating is shown as one, not as "nie wieder"', () => {
    const c = classify('★☆☆☆☆ Seit drei Wochen kein Internet');
    expect(c.complaint.isComplaint).toBe(true);
    expect(c.complaint.cues.map((x) => x.cue).join(' ')).toContain('ein Stern');
    expect(c.complaint.cues.map((x) => x.cue).join(' ')).not.toContain('nie wieder');
  });
});
