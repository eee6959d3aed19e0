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

  it('a goodbye with "good riddance" is negative about the brand', () => {
    expect(classify('Cancelled my Brightwatt contract today. Best decision ever, good riddance!').sentiment.label).toBe('negative');
  });
});
