/**
 * Posts from the QA analyst run that the shipped classifier got embarrassingly wrong: praise read as a complaint
 * (one opened a critical unanswered alert), a shouting shop assistant missed, a churn goodbye read as positive.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Classified } from '../../../src/model.ts';
import { shippedClassifier } from '../../helpers/shipped-classifier.ts';

let classify: (text: string) => Classified;
beforeAll(async () => {
  classify = await shippedClassifier();
});

describe('shipped classifier on the QA analyst run\'s cases', () => {
  it.each([
    'Die Rechnung von Funkwelle ist korrekt, danke.',
    'Der Kundenservice von Funkwelle ist super freundlich gewesen.',
    'Funkwelle Spätschicht-Hotline: Maß aller Dinge 👍',
    'Not bad at all, @brightwatt_care fixed my meter reading within an hour!',
  ])('praise is no complaint: %s', (text) => {
    expect(classify(text).complaint.isComplaint).toBe(false);
  });

  it('a shop assistant who shouted at the customer is a complaint about staff behaviour', () => {
    const c = classify('Der Mitarbeiter im Funkwelle Shop war total unfreundlich und hat mich angeschrien.');
    expect(c.complaint.isComplaint).toBe(true);
    expect(c.intents).toContain('staff_behaviour');
  });

  it('sarcasm about a company cancelling trains is a complaint, and a customer cancelling a booking with ease is not', () => {
    expect(classify('Love how Nordbahn cancels every train when it snows. Brilliant. 👏').complaint.isComplaint).toBe(true);
    expect(classify('Great, the app let me cancel my booking in two taps.').complaint.isComplaint).toBe(false);
  });

  it('a customer who cancelled their own flight and got the refund fast is thanking, not complaining; a company cancelling it still is', () => {
    expect(classify('I cancelled my flight myself, refund came in a day, thanks @aerolux!').complaint.isComplaint).toBe(false);
    expect(classify('Cancelled my Aerolux booking online, refund arrived within a day. Thanks!').complaint.isComplaint).toBe(false);
    expect(classify('Aerolux cancelled my flight and I am still waiting for the refund').complaint.isComplaint).toBe(true);
  });

  // Written for the defence cues, not taken from the storm fixtures: bystanders defending the company or its staff
  // are not part of the storm (classifiers/shitstorm-window.ts isNegative), sarcasm and criticism after a "but" are.
  it.each([
    'Stell dich nicht so an, die Bahn kann auch nichts für das Wetter',
    'Mimimi, heul doch. @DB_Bahn macht einen super Job bei dem Chaos',
    'Die Leute hier sind echt unmöglich, das Personal der Bahn gibt sein Bestes',
    'Die Hetze gegen die Servicekräfte von Funkwelle geht echt zu weit.',
    "calm down, it is not Meridian's fault that there was a storm",
    'People complaining about Meridian are so entitled. First world problems',
    'Death threats against the Meridian cabin crew? Criticise, sure. Threats, no.',
  ])('a bystander defending the company is not negative about it: %s', (text) => {
    const c = classify(text);
    expect(c.complaint.isComplaint).toBe(false);
    expect(c.sentiment.label).not.toBe('negative');
  });

  it('defending the staff and then turning on the company is still negative; sarcasm stays a complaint', () => {
    const turned = classify('Die Kassiererin kann nix dafür, aber die Zentrale von Preisblitz soll sich in Grund und Boden schämen.');
    expect(turned.complaint.isComplaint || turned.sentiment.label === 'negative').toBe(true);
    expect(classify('Great job @MeridianAir, lost my bag again. Love it.').complaint.isComplaint).toBe(true);
  });

  it('QA analyst run 2: a problem solved in minutes is praise, "thanks for nothing" and "how long must I wait" are complaints', () => {
    const solved = classify('Die Funkwelle-Hotline war super freundlich, Problem in 5 Minuten gelöst.');
    expect(solved.complaint.isComplaint).toBe(false);
    expect(solved.sentiment.label).not.toBe('negative');
    const ironic = classify('Thanks for nothing Brightwatt');
    expect(ironic.complaint.isComplaint).toBe(true);
    expect(ironic.sentiment.label).toBe('negative');
    expect(classify('Funkwelle, wie lange soll ich noch auf den Techniker warten?').complaint.isComplaint).toBe(true);
    expect(classify('How long do I have to wait for an engineer, Brightwatt?').complaint.isComplaint).toBe(true);
    expect(classify('Brightwatt have just sent me a £900 bill for a one bed flat. What?!').complaint.isComplaint).toBe(true);
    // Praise that names the hotline is no "support unreachable"; a complaint that it cannot be reached is.
    expect(classify('Funkwelle Hotline: super freundlich, Problem sofort gelöst. Danke!').intents).not.toContain('support_unreachable');
    expect(classify('Die Funkwelle-Hotline ist seit Tagen nicht erreichbar!').intents).toContain('support_unreachable');
  });

  it('a goodbye with "good riddance" is negative about the brand', () => {
    expect(classify('Cancelled my Brightwatt contract today. Best decision ever, good riddance!').sentiment.label).toBe('negative');
  });

  it('a brand\'s name is no intent: "Kranich Versand" passing data on is no delivery problem, its parcel missing is', async () => {
    const { createClassifier, createTextModel } = await import('../../../classifiers/index.ts');
    const withBrand = createClassifier({
      brands: [{ id: 'kranich', name: 'Kranich Versand', query: '"Kranich Versand"', accounts: [], language: 'de' }],
      textModel: createTextModel('learned'),
      clock: () => new Date(0),
    });
    const post = (text: string) =>
      withBrand({ id: 't', source: 'test', author: { id: 'u', isBrand: false }, text, createdAt: '2026-01-01T00:00:00Z', thread: { rootId: 't' }, metrics: { likes: 0, shares: 0, replies: 0 }, channel: 'post', brandContext: [] });
    expect(post('Kranich Versand hat meine Daten an Dritte weitergegeben – Datenschutzverstoß, ich melde das der Behörde.').intents).not.toContain('delivery');
    expect(post('Kranich Versand: mein Paket ist seit zwei Wochen nicht angekommen, Sendungsverfolgung zeigt nichts.').intents).toContain('delivery');
  });
});

// QA round 2: 240 fresh posts written and labelled before any run (German F1 0.717, English 0.780 before these fixes).
describe('shipped classifier on the second QA round\'s cases', () => {
  it.each([
    'Keine Beschwerden, @Flimmerbox läuft bei uns seit Jahren ohne Probleme.',
    'Ich versteh die ganze Aufregung um @Kaufmeile nicht. Ich bestelle da seit Jahren, nie ein Problem gehabt.',
    'Nothing to complain about with @Streamora, the new documentary series is brilliant.',
    'Zero issues with @Streamora in years. Just works.',
    "Don't get the fuss about @Shoplane. Been ordering for years, never had a problem.",
    'Braced myself for a fight but @Ironleaf handled my claim without any hassle.',
    'Nicht schlecht, @Talkora. Störung gemeldet, nach 2 Stunden lief alles wieder.',
    'Not bad @Wellnet. Reported the outage, fixed within 2 hours.',
  ])('praise that names a problem only to deny it is no complaint: %s', (text) => {
    expect(classify(text).complaint.isComplaint).toBe(false);
  });

  it.each([
    'The agent at @Ironleaf was incredibly rude, actually laughed when I asked about my claim.',
    'Phone support told me to use chat. Chat told me to message on Facebook. Facebook told me to call. @Wellnet you\'re a joke.',
    'Automatische Antwort: "Wir melden uns innerhalb von 48 Stunden." Das war vor 9 Tagen, @Kaufmeile.',
    'Wenn @Stromfux die Abschläge noch einmal ohne Begründung verdoppelt, bin ich weg. Hab schon das Vergleichsportal offen.',
    'Das Streaming bei @Flimmerbox ruckelt jeden Abend ab 20 Uhr. 4K bezahlen, 480p bekommen.',
    '@Wellnet engineer window was 8–12. It\'s now 3pm. Nobody here, nobody calling.',
    'Techniker-Termin heute 8–12 Uhr, ich hab mir extra freigenommen, und keiner kam. Kein Anruf, nichts.',
    '@eichenlust_hilft Beim Regal "Birke" fehlen 8 Schrauben und zwei Böden. Aufbau heute also gestorben. Super.',
    "wot's the point @Wellnet, router turned up but no cable in the box. brilliant.",
  ])('a complaint the learned model alone missed: %s', (text) => {
    expect(classify(text).complaint.isComplaint).toBe(true);
  });

  it.each([
    '@Streamora is season 2 of "Northern Lights" coming to you?',
    'Hey @Wellnet, how much is roaming in Switzerland on the Basic plan?',
    '@Sparhaus Ist die Filiale in Giesing noch offen oder wurde die geschlossen?',
  ])('an information question is no complaint: %s', (text) => {
    expect(classify(text).complaint.isComplaint).toBe(false);
  });
});

// QA round 3: 200 more fresh posts, scored once as they came (German complaint F1 0.588, English 0.763), then these.
describe('shipped classifier on the third QA round\'s cases', () => {
  it.each([
    'Flinkmiete nie wieder.',
    'Vodafone hat ohne Rückfrage 50 Euro abgebucht',
    'lieferlöwe fahrer hat das essen einfach unten vor die haustür gestellt, 4. stock, geklingelt hat keiner.',
    '„Vielen Dank für Ihre Nachricht. Wir melden uns innerhalb von 48 Stunden bei Ihnen.“ – das war vor 12 Tagen, liebe @Wattwerk. Nur so als Info.',
  ])('one clear German cue is enough: %s', (text) => {
    expect(classify(text).complaint.isComplaint).toBe(true);
  });

  it.each([
    'Wattwerk hat mir nach dem Umzug ohne Nachfrage das Guthaben überwiesen. Unkompliziert. Gern so.',
    "Was annoyed about the long hold at CareShield but the agent was so knowledgeable and kind that I've forgiven them 😊",
  ])('a problem settled in the company\'s favour is no complaint: %s', (text) => {
    expect(classify(text).complaint.isComplaint).toBe(false);
  });

  it.each([
    'Ganz ehrlich, VitaKasse: 11 Wochen Bearbeitungszeit für einen Hilfsmittelantrag. Mein Vater braucht den Rollator JETZT, nicht im Frühjahr.',
    'Bei Technikhafen sagt man mir, der Fernseher ist erst in 3 Wochen wieder da. Der Laden gegenüber hatte ihn sofort. Hätte ich gleich dort kaufen sollen.',
    'Was ist eigentlich aus "Lieferung in 30 Minuten oder gratis" geworden, @Lieferloewe? 70 Minuten und voller Preis.',
    'Hearthwood sofa: "ships in 2 weeks". It\'s week 9. Every call: "it\'s on a container".',
  ])('an implicit complaint (a figure, a competitor, a promise) is one: %s', (text) => {
    expect(classify(text).complaint.isComplaint).toBe(true);
  });

  it('praise first and then the problem stays a complaint', () => {
    expect(classify('Nice staff but my parcel never arrived').complaint.isComplaint).toBe(true);
  });

  it('"kündigt … an" is news of a plan, not a cancellation', () => {
    const c = classify('Talbahn kündigt für 2027 eine neue Direktverbindung Freiburg–Basel an. Fahrzeit soll unter 50 Min liegen.');
    expect(c.intents).not.toContain('cancellation_threat');
    expect(c.complaint.cues.some((x) => x.cue.startsWith('Kündigung'))).toBe(false);
  });
});

// QA firestorm round 2: German storm posts the detector did not count.
describe('shipped classifier on German storm posts', () => {
  it.each(['Danke, ING. Nicht.', 'Läuft bei euch, ING. Nicht.', 'Super Service. Nicht.', 'Was soll das?'])('counts as negative: %s', (text) => {
    const c = classify(text);
    expect(c.complaint.isComplaint || c.sentiment.label === 'negative').toBe(true);
  });

  it('a plain "nicht." that ends a sentence is no irony marker', () => {
    expect(classify('Ich weiß es nicht. Nicht mal die Hotline.').complaint.cues.some((c) => c.cue.includes('„. Nicht'))).toBe(false);
  });
});

// QA round 4: 200 more fresh posts in other sectors and styles, scored held out first (German 0.741, English 0.848).
describe('shipped classifier on the fourth QA round\'s cases', () => {
  it.each([
    'Ein Stern, weil null nicht geht.',
    'One star. Would give zero if I could.',
    'Wo ist mein Geld, @Apotheka? Seit drei Wochen.',
    'Bin bedient. Nie wieder Kino bei CineMax.',
    'Für den Preis erwarte ich mehr als kalte Nachos.',
  ])('a complaint: %s', (text) => {
    expect(classify(text).complaint.isComplaint).toBe(true);
  });

  it.each(['CloudNest support fixed my sync issue in 10 minutes, legends', 'refund landed in 2 days 👍 thanks RideGo', 'Die Sterne standen gut: 5 Sterne für die Bäckerei!'])(
    'no complaint: %s',
    (text) => {
      expect(classify(text).complaint.isComplaint).toBe(false);
    },
  );
});

// QA round 6: 240 fresh posts (150 German, 90 English) written and labelled before any run (German complaint F1 0.629,
// English 0.784 before these fixes). Written as variants of its error patterns, not its sentences.
describe('shipped classifier on the sixth QA round\'s patterns', () => {
  it.each([
    'Stromfux ist echt nicht schlecht, seit dem Umzug kein einziger Ausfall.',
    'Keine Probleme, keine Wartezeit, kein Papierkram. So stell ich mir eine Bank vor 👏',
    'Nie wieder Stress mit dem Ablesen, Stromfux schickt jetzt eine Erinnerung. Top.',
    'Ich kann nicht sagen, dass ich mit Stromfux unzufrieden wäre.',
  ])('German praise by denial is no complaint: %s', (text) => {
    expect(classify(text).complaint.isComplaint).toBe(false);
  });

  it('a quoted apology does not hide the complaint, and when the observer rule decides its reason is listed', () => {
    const quoted = classify("Aerolux lost my suitcase. All I got was 'we apologise for any inconvenience'.");
    expect(quoted.complaint.isComplaint).toBe(true);
    const notice = classify('Dear customers, we apologise for any inconvenience caused by tonight\'s planned maintenance.');
    expect(notice.complaint.isComplaint).toBe(false);
    expect(notice.complaint.cues.some((c) => c.cue.startsWith('Kommentar/commentary: ') && c.weight < 0)).toBe(true);
  });

  it.each([
    'Stromfux kündigt für 2027 den Bau von 2.400 Ladesäulen in Hessen an.',
    'Verbraucherzentrale mahnt Stromfux wegen unklarer Vertragsklauseln ab.',
    '🔥 Nur heute: 30% auf alle Matratzen bei Schlafgut! Jetzt im Onlineshop sichern. #Anzeige',
    'Switch to Flimmerbox this month and get 2 months free. T&Cs apply. #ad',
    'Lieferlöwe is hiring riders in Leeds, flexible hours, apply in the app.',
    'Northgate Bank is closing 20 branches in Wales, the bank confirmed on Monday.',
    'Schicht-Alltag bei Stromfux: Kunde brüllt mich an, weil er den Zählerstand falsch abgelesen hat.',
  ])('news, an advert, a job post or staff talking is no complaint: %s', (text) => {
    expect(classify(text).complaint.isComplaint).toBe(false);
  });

  it.each([
    'Hey Flimmerbox, is the new season out next week?',
    'Hi Northgate, is the branch in York open on Saturdays?',
    'Anyone switched to Stromfux lately? Worth it?',
    'Thinking of moving to Northgate Bank, anyone got experience?',
    'If Aerolux cancels my flight, am I entitled to compensation?',
    'Falls der Techniker morgen nicht kommt, bekomme ich dann einen neuen Termin?',
  ])('a question that reports nothing is no complaint and not negative: %s', (text) => {
    const c = classify(text);
    expect(c.complaint.isComplaint).toBe(false);
    expect(c.sentiment.label).not.toBe('negative');
  });

  it.each(["I'm leaving Flimmerbox after this price hike.", 'Cancelling my Flimmerbox sub. Price up again.', "Third outage this week. I'm done, porting my number."])(
    'leaving is a complaint with the cancellation intent and severity at least 2: %s',
    (text) => {
      const c = classify(text);
      expect(c.complaint.isComplaint).toBe(true);
      expect(c.intents).toContain('cancellation_threat');
      expect(c.complaint.severity).toBeGreaterThanOrEqual(2);
    },
  );

  it.each([
    'Drei Mails geschrieben. Keine einzige Antwort.',
    'Das Sofa sollte heute kommen. Jetzt heißt es, die Lieferung verschiebt sich um 6 Wochen.',
    'Bei Stromfux gibt es nur noch Chatbots. Ich will mit einem Menschen reden!!',
    'Der Bote hat mein Paket über den Zaun geworfen. Inhalt: Porzellan.',
    'LIEFERLÖWE IHR SEID DER ALLERLETZTE LADEN!!!',
  ])('a plain German fact is a complaint: %s', (text) => {
    expect(classify(text).complaint.isComplaint).toBe(true);
  });
});
