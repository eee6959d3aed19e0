import { describe, expect, it } from 'vitest';
import { isExperienceRequest, isHearsayResearch, isHypotheticalQuestion, isInformationQuestion } from '../../../classifiers/info-question.ts';

describe('isInformationQuestion', () => {
  it('recognises one how-to or availability question, after handles and a greeting', () => {
    for (const text of [
      'Wie kann ich bei Telekom meinen Tarif wechseln?',
      'Kann man bei DHL eigentlich die Lieferadresse nachträglich ändern?',
      '@DB_Bahn gibt es in Wannsee Anschluss nach Potsdam mit der S-Bahn?',
      'Hallo @Vattenfall, wo finde ich meine Zählernummer? 🙏',
      'Hallo @Telekom_hilft, wann wird der Glasfaserausbau in 24109 Kiel abgeschlossen?',
    ]) expect(isInformationQuestion(text, 'de'), text).toBe(true);
    // The last two read a backslash-escaped letter class literally until QA round 6 noticed.
    for (const text of ['Is there a way to change my delivery address after ordering?', '@AmazonHelp hi, how do I add a gift note? #help', 'Does anyone know if Prime includes free returns?', 'Is the seat upgrade refundable?', 'Which flights are affected?', 'Is the Switch version getting online co-op or is it PC only?']) {
      expect(isInformationQuestion(text, 'en'), text).toBe(true);
    }
  });

  it('leaves out why- and where-is questions, problem reports before the question and rhetorical questions', () => {
    for (const text of [
      'Warum ist mein Paket immer noch nicht da?',
      'Kann man bei euch eigentlich auch mal jemanden erreichen?',
      'Gibt es überhaupt noch jemanden, der bei euch arbeitet?',
      'Mein Router ist kaputt. Wie kann ich ihn umtauschen?',
      'Wie kann ich meinen Tarif wechseln? Seit Wochen keine Antwort.',
      // "When will my …" asks after something owed to the writer, as "where is my bill" does: left to the models.
      'Wann kommt mein Paket?',
      'Wann kommt die Bahn endlich mal pünktlich?',
    ]) expect(isInformationQuestion(text, 'de'), text).toBe(false);
    for (const text of [
      '@nationalgridus where is my bill for this month?',
      '@beatsbydre hi, my earphones are falling apart from the seams. How do I get this repaired?',
      'Is there anyone at Comcast who can actually help me?',
      'Can I ever get through to a human?',
      // An either/or question that asks whether the fault is the writer's alone is a problem report.
      'Is the app broken or is it just me?',
    ]) expect(isInformationQuestion(text, 'en'), text).toBe(false);
  });

  it('with context allowed (the caller saw no failure, negative word or irony), a question may have a sentence or two around it', () => {
    const withContext = { context: true };
    expect(isInformationQuestion('Hab auch die Mail bekommen. Weiß jemand, ob die Kündigung per App reicht?', 'de', withContext)).toBe(true);
    expect(isInformationQuestion('Wie meldet man bei Nordbahn Mobilitätshilfe an? Telefon oder App? Meine Mutter fährt nächsten Monat.', 'de', withContext)).toBe(true);
    expect(isInformationQuestion('Anyone had luck getting Parcelo to redirect a package to a pickup point?', 'en', withContext)).toBe(true);
    // Without the option the single-sentence rule holds.
    expect(isInformationQuestion('Hab auch die Mail bekommen. Weiß jemand, ob die Kündigung per App reicht?', 'de')).toBe(false);
    // Rhetorical words, a question without an opener and long stories stay out.
    expect(isInformationQuestion('Ich warte seit Tagen. Kann man bei euch überhaupt jemanden erreichen?', 'de', withContext)).toBe(false);
    expect(isInformationQuestion('Neuer Tarif seit Montag. Ist das euer Ernst?', 'de', withContext)).toBe(false);
    expect(isInformationQuestion('Erst dies. Dann das. Dann noch was. Weiß jemand, wie das geht?', 'de', withContext)).toBe(false);
  });

  it('needs a question mark, and knows no opener in other languages', () => {
    expect(isInformationQuestion('Wie kann ich bei Telekom meinen Tarif wechseln', 'de')).toBe(false);
    expect(isInformationQuestion('Is there a way to change my address?', 'other')).toBe(false);
  });
});

// QA round 6: a greeting that names the company, questions before becoming a customer, conditionals.
describe('greetings with a name, experience requests and hypothetical questions', () => {
  it('a greeting may name the company before its comma', () => {
    expect(isInformationQuestion('Hi Stromfux, is the shop in Bristol open on Sundays?', 'en')).toBe(true);
    expect(isInformationQuestion('Hallo Stromfux, wo finde ich meine Vertragsnummer?', 'de')).toBe(true);
    expect(isInformationQuestion('Hey Flimmerbox, is the new season out this week?', 'en')).toBe(true);
  });

  it('asking others about the company is an experience request; "anyone else" is not', () => {
    for (const text of ['Has anyone switched to Stromfux? Worth it?', 'Considering moving to Stromfux, any thoughts?']) expect(isExperienceRequest(text, 'en'), text).toBe(true);
    expect(isExperienceRequest('Hat jemand Erfahrungen mit Stromfux?', 'de')).toBe(true);
    expect(isExperienceRequest('Anyone else with Stromfux had no power since noon?', 'en')).toBe(false);
  });

  it('weighing a company up on what others say is research; telling of one\'s own service is not', () => {
    expect(isHearsayResearch('Überlege, zu Stromfux zu wechseln. Man liest ja öfter, dass die Hotline nie erreichbar ist. Stimmt das?', 'de')).toBe(true);
    expect(isHearsayResearch('Thinking of getting a Voltcar but keep reading horror stories about service waits. Owners, is it that bad?', 'en')).toBe(true);
    expect(isHearsayResearch('Überlege zu Stromfux zu wechseln, mein Internet fällt seit Wochen aus und man hört Gutes. Erfahrungen?', 'de')).toBe(false);
    expect(isHearsayResearch('Thinking of leaving Voltcar, heard nothing back about my refund in weeks.', 'en')).toBe(false);
  });

  it('a question about a case that has not happened is hypothetical; one that has happened again is not', () => {
    expect(isHypotheticalQuestion('Falls der Techniker nicht kommt, muss ich den Termin dann trotzdem zahlen?', 'de')).toBe(true);
    expect(isHypotheticalQuestion('In case my parcel is lost, who pays?', 'en')).toBe(true);
    expect(isHypotheticalQuestion('If my parcel is lost again, who pays?', 'en')).toBe(false);
    expect(isHypotheticalQuestion('If it breaks, I want my money back.', 'en')).toBe(false);
  });
});
