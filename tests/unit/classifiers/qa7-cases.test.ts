/**
 * German complaint families that QA round 7 (200 posts written and labelled before any run) found missed: German
 * recall 0.640 against English 0.896. The cases are variants of its error patterns written for these tests, not its
 * sentences, and each family has posts beside it that must stay no complaint.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Classified } from '../../../src/model.ts';
import { shippedClassifier } from '../../helpers/shipped-classifier.ts';

let classify: (text: string) => Classified;
beforeAll(async () => {
  classify = await shippedClassifier();
});

describe('shipped classifier on the seventh QA round\'s German families', () => {
  it.each([
    // irony variants
    'Danke für überhaupt nichts, Stromfux.',
    'Vielen Dank für gar nix, liebe Lieferlöwe.',
    // money not returned, charged without consent, fees
    'Mein Geld ist nach vier Wochen immer noch nicht zurück.',
    'Habe noch keinen Cent zurückbekommen.',
    'Die Werkstatt hat einfach neue Reifen montiert und berechnet. Hat mich niemand gefragt.',
    'Jetzt kassieren sie auch noch eine Bearbeitungsgebühr fürs Kündigen.',
    'Die Nachzahlung zahle ich nicht, bevor mir das jemand erklärt.',
    'Der Kostenvoranschlag wurde um 400 Euro überschritten.',
    // supply missing for days, contact unanswered
    'Seit gestern keine Heizung und der Vermieter meldet sich nicht.',
    'Seit drei Tagen kein Warmwasser im ganzen Haus.',
    'Die Hausverwaltung reagiert auf keine einzige Mail.',
    'Telefonisch ist da nie jemand erreichbar.',
    'Seit vier Wochen hören wir nichts.',
    'Habe bis heute nichts von euch gehört.',
    'Schimmel seit Monaten gemeldet, passiert ist nichts.',
    // stops working
    'Die App stürzt bei jedem Start ab.',
    'Der Stream bricht alle zehn Minuten ab.',
    'Das Bild ruckelt bei jedem Film, vorher lief alles flüssig.',
    'Die App loggt mich ständig aus.',
    // left behind, parcels
    'Der Bus ist mir vor der Nase weggefahren, obwohl er mich gesehen hat.',
    'Der Fahrer hat uns an der Haltestelle einfach stehen lassen.',
    'Das Paket hängt seit einer Woche im Verteilzentrum.',
    'Paket angeblich beim Nachbarn. Welchen Nachbarn? Keiner hat was.',
    // negated praise, sarcastic praise as a headline
    'Also zufrieden bin ich mit dem Stromanbieter wirklich nicht.',
    'Die Beratung war alles andere als kompetent.',
    'Toller Service von Lieferlöwe: Paket als zugestellt markiert, ich war den ganzen Nachmittag da.',
    // dialect
    'Dat Esse wor widder kalt un dä Fahrer hät nit ens jeklingelt.',
    'Des zoi i ned, de Rechnung is a Witz.',
  ])('a German complaint: %s', (text) => {
    expect(classify(text).complaint.isComplaint).toBe(true);
  });

  it.each([
    'Vielen Dank für die schnelle Erstattung, Geld ist schon da.',
    'Seit drei Tagen wieder Warmwasser, danke an den Hausmeister.',
    'Router läuft seit dem Update störungsfrei, danke!',
    'Die App stürzt nicht mehr ab, danke fürs Update.',
    'Zufrieden bin ich auf jeden Fall.',
    'Die Beratung war alles andere als schlecht.',
    'Heute ohne Verspätung angekommen, keine Beschwerden 😄',
    'Hat mir wirklich geholfen, danke an das Team!',
    'Nach 2 Minuten hatte ich eine echte Person am Telefon, super.',
    'Wie hoch ist die Kontoführungsgebühr bei euch?',
    'Wer braucht noch ein Ticket für Samstag? Ich hab eins übrig.',
    'Paket beim Nachbarn abgegeben, hat alles geklappt.',
    'Ich zahle gern 5 Euro mehr für Ökostrom.',
    'Habe nichts zu meckern, alles gut.',
    'Ich höre nichts Schlechtes über euch, nur Gutes.',
  ])('no German complaint: %s', (text) => {
    expect(classify(text).complaint.isComplaint).toBe(false);
  });

  it('a service compared to a lottery is a customer\'s complaint, not the brand\'s giveaway', () => {
    const c = classify('Die Hotline wirft mich nach 20 Minuten Warten wieder raus. Jedes Mal wie ein Gewinnspiel.');
    expect(c.complaint.cues.some((q) => q.cue.startsWith('Kommentar/commentary'))).toBe(false);
    expect(classify('Unser Gewinnspiel: wir verlosen 3 Gutscheine!').complaint.isComplaint).toBe(false);
  });
});
