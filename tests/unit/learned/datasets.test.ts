import { describe, expect, it } from 'vitest';
import { parseComplaintsCsv } from '../../../src/datasets/complaints.ts';
import { DatasetError, isGermEvalComplaint, parseGermEval } from '../../../src/datasets/germeval.ts';
import { stratifiedFolds } from '../../../src/datasets/folds.ts';
import { newestSnowflakeDay, snowflakeDate } from '../../../src/datasets/snowflake.ts';

const XML = `<Documents>
  <Document id="http://twitter.com/a/statuses/731599624112050176">
    <Opinions><Opinion category="Zugfahrt#Haupt" from="4" to="15" target="Versp&#228;tung" polarity="negative" /></Opinions>
    <relevance>true</relevance><sentiment>negative</sentiment>
    <text>Die Versp&#228;tung nervt &amp; ich warte &quot;immer noch&quot;</text>
  </Document>
  <Document id="x:2"><relevance>false</relevance><sentiment>neutral</sentiment><text>Gr&#252;&#223;e aus London</text></Document>
</Documents>`;

describe('GermEval reader', () => {
  it('decodes numeric and named entities and reads labels and aspect opinions', () => {
    const docs = parseGermEval(XML);
    expect(docs).toHaveLength(2);
    expect(docs[0]).toMatchObject({ text: 'Die Verspätung nervt & ich warte "immer noch"', relevance: true, sentiment: 'negative' });
    expect(docs[0]?.opinions).toEqual([{ category: 'Zugfahrt#Haupt', polarity: 'negative', target: 'Verspätung' }]);
    expect(docs[1]?.text).toBe('Grüße aus London');
    expect(docs.map(isGermEvalComplaint)).toEqual([true, false]);
  });

  it('rejects an unknown sentiment with the document number', () => {
    expect(() => parseGermEval('<Documents><Document id="1"><relevance>true</relevance><sentiment>angry</sentiment><text>x</text></Document></Documents>')).toThrow(
      /document #1 has sentiment "angry"/,
    );
    expect(() => parseGermEval('<Other/>')).toThrow(DatasetError);
  });
});

describe('GermEval TSV layout', () => {
  it('reads id, text, relevance, sentiment and aspects, and names a bad line', async () => {
    const { parseGermEvalTsv } = await import('../../../src/datasets/germeval.ts');
    const docs = parseGermEvalTsv(
      'http://a.de/1\tZug fällt schon wieder aus &amp; keiner sagt was\ttrue\tnegative\tZugfahrt#Haupt:negative Allgemein#Haupt:negative\n' +
        'http://a.de/2\tNeue ICE-Strecke eröffnet\tfalse\tneutral\t\n',
    );
    expect(docs).toEqual([
      { id: 'http://a.de/1', text: 'Zug fällt schon wieder aus & keiner sagt was', relevance: true, sentiment: 'negative', opinions: [{ category: 'Zugfahrt#Haupt', polarity: 'negative' }, { category: 'Allgemein#Haupt', polarity: 'negative' }] },
      { id: 'http://a.de/2', text: 'Neue ICE-Strecke eröffnet', relevance: false, sentiment: 'neutral', opinions: [] },
    ]);
    expect(() => parseGermEvalTsv('x\ttext\tmaybe\tneutral\n')).toThrow(/line 1 has relevance "maybe"/);
  });
});

describe('complaints CSV reader', () => {
  it('decodes Twitter HTML escaping and keeps an empty severity as "not annotated"', () => {
    const rows = parseComplaintsCsv('tweet_id,text,complaint,domain,severity\n1,"@AmazonHelp echo &amp; dot, broken",1,retail,\n2,hi,0,random_tweet,3\n');
    expect(rows).toEqual([
      { id: '1', text: '@AmazonHelp echo & dot, broken', complaint: true, severity: null, domain: 'retail' },
      { id: '2', text: 'hi', complaint: false, severity: 3, domain: 'random_tweet' },
    ]);
  });

  it('names the row of a bad label', () => {
    expect(() => parseComplaintsCsv('tweet_id,text,complaint,domain,severity\n1,x,maybe,retail,\n')).toThrow(/row 2: label "maybe"/);
  });

  it('reads other exports: column names, label spellings, a language column, no id', () => {
    const rows = parseComplaintsCsv('Content,Label,Language\n"Paket nie angekommen",complaint,de\nthanks!,not_complaint,EN\n"still broken",TRUE,\n');
    expect(rows.map((r) => [r.id, r.text, r.complaint, r.lang])).toEqual([
      ['2', 'Paket nie angekommen', true, 'de'],
      ['3', 'thanks!', false, 'en'],
      ['4', 'still broken', true, undefined],
    ]);
    expect(() => parseComplaintsCsv('id,body\n1,x\n')).toThrow(/needs a text column .* and a label column/);
  });

  it('reads a file saved with semicolons or tabs, as German spreadsheets do (QA: refused for want of a text column)', () => {
    const semicolon = parseComplaintsCsv('text;label\n"Paket nie angekommen, Frechheit";1\nAlles gut;0\n');
    expect(semicolon.map((r) => [r.text, r.complaint])).toEqual([['Paket nie angekommen, Frechheit', true], ['Alles gut', false]]);
    expect(parseComplaintsCsv('text\tlabel\nstill broken\t1\n').map((r) => r.complaint)).toEqual([true]);
  });

  it('reads a labelled listening export by the same header names as replay ("Resource Id", "Full Text")', () => {
    const rows = parseComplaintsCsv('Resource Id,Full Text,Label\n9911,"Koffer seit drei Tagen weg, keiner meldet sich",complaint\n9912,Great crew today,0\n');
    expect(rows.map((r) => [r.id, r.complaint])).toEqual([
      ['9911', true],
      ['9912', false],
    ]);
  });
});

describe('stratified folds', () => {
  it('are deterministic and keep each class spread over all folds', () => {
    const labels = Array.from({ length: 100 }, (_, i) => (i % 10 === 0 ? 'rare' : 'common'));
    const a = stratifiedFolds(labels, 5);
    expect(stratifiedFolds(labels, 5)).toEqual(a);
    for (let f = 0; f < 5; f++) expect(labels.filter((l, i) => l === 'rare' && a[i] === f)).toHaveLength(2);
    expect(() => stratifiedFolds(labels, 1)).toThrow(RangeError);
  });
});

describe('snowflake dates', () => {
  it('date a tweet id and ignore non-snowflakes', () => {
    expect(snowflakeDate('731599624112050176')?.toISOString().slice(0, 10)).toBe('2016-05-14');
    expect(snowflakeDate('12345')).toBeUndefined();
    expect(newestSnowflakeDay(['http://twitter.com/a/statuses/731599624112050176', 'x:2'])).toBe('2016-05-14');
    // Facebook post numbers look like snowflakes but are not timestamps.
    expect(newestSnowflakeDay(['http://www.facebook.com/152033178165965/posts/99999999999999999999'])).toBeUndefined();
  });
});
