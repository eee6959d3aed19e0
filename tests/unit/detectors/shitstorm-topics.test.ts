import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../../../classifiers/shitstorm-score.ts';
import { learnTopics, newTopics, topicBurst, topicsFromState, topicsToState, TopicsState, usualCount, type Topics } from '../../../classifiers/shitstorm-topics.ts';

/** A week of a small brand's complaints (about 340 posts), mostly about delays and hard rolls. */
function usualWeek(): Topics {
  const t = newTopics();
  for (let bucket = 0; bucket < 2016; bucket++) {
    if (bucket % 6 !== 0) {
      learnTopics(t, {}, 0);
      continue;
    }
    learnTopics(t, bucket % 12 === 0 ? { verspätung: 1, lieferung: 1 } : { brötchen: 1, hart: 1, [`wort${bucket}`]: 1 }, 1);
  }
  return t;
}

const window = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe('shitstorm topics: what a brand’s complaints are usually about', () => {
  it('a term new to the brand in four of six negative posts is a topic beyond chance', () => {
    const burst = topicBurst(usualWeek(), window({ schimmel: 4, ekelhaft: 2, brot: 3, verspätung: 1 }), 6);
    expect(burst).toMatchObject({ term: 'schimmel', posts: 4, of: 6 });
    expect(burst?.surprise).toBeGreaterThan(4.5);
  });

  it('the brand’s usual subject crowding a window is no topic burst, nor is a new term in too few of the posts', () => {
    const t = usualWeek();
    expect(topicBurst(t, window({ verspätung: 4, lieferung: 3 }), 6)?.surprise ?? 0).toBeLessThan(2);
    // Two people using the same word, and a word in 3 of 30 negatives, are not what a window is about.
    expect(topicBurst(t, window({ schimmel: 2 }), 4)).toBeUndefined();
    expect(topicBurst(t, window({ schimmel: 3 }), 30)).toBeUndefined();
  });

  it('a young history makes every term look common: no topic before the brand’s complaints are known', () => {
    const young = newTopics();
    learnTopics(young, { verspätung: 1 }, 3);
    expect(topicBurst(young, window({ schimmel: 4 }), 6)?.surprise ?? 0).toBeLessThan(DEFAULT_THRESHOLDS.minSurprise);
  });

  it('forgets what it has not heard for weeks and round-trips through state exactly', () => {
    const t = usualWeek();
    expect(usualCount(t, 'verspätung')).toBeGreaterThan(50);
    expect(usualCount(t, 'schimmel')).toBe(0);
    const copy = topicsFromState(TopicsState.parse(JSON.parse(JSON.stringify(topicsToState(t, 0, 0)))));
    expect(copy?.neg).toBe(t.neg);
    expect(copy?.counts).toEqual(t.counts);
    // A term heard once is forgotten within four quiet weeks, the brand's everyday subject within eight.
    for (let i = 0; i < 4 * 2016; i++) learnTopics(t, {}, 0);
    expect(usualCount(t, 'wort6')).toBe(0);
    expect(usualCount(t, 'verspätung')).toBeLessThan(2);
    for (let i = 0; i < 4 * 2016; i++) learnTopics(t, {}, 0);
    expect(t.counts.every((c) => c === 0)).toBe(true);
    expect(t.neg).toBeLessThan(1);
  });

  it('an unreadable snapshot is refused, not read as an empty history', () => {
    expect(topicsFromState({ neg: 3, counts: 'bm90IGRlZmxhdGVk', through: 0, at: 0 })).toBeUndefined();
  });
});
