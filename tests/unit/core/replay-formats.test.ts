import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv, readGermEvalXml, readJsonl, readTwcs, readUtf8, slugify } from '../../../ingestors/replay-formats.ts';

const shared = path.resolve(__dirname, '../../../../shared/data');

describe('replay formats', () => {
  it('jsonl: keeps good lines, reports bad ones with line number and reason, orders by time', () => {
    const good = (id: string, at: string) =>
      JSON.stringify({ id: `demo:${id}`, source: 'demo', author: { id: 'u' }, text: 'Zug fällt aus', createdAt: at, thread: { rootId: `demo:${id}` }, channel: 'post' });
    const text = [good('2', '2026-01-02T10:00:00Z'), '{not json', good('1', '2026-01-01T10:00:00+01:00'), JSON.stringify({ id: 'demo:3', surprise: true })].join('\n');
    const input = readJsonl(text);
    expect(input.mentions.map((m) => m.id)).toEqual(['demo:1', 'demo:2']);
    expect(input.mentions[0]!.createdAt).toBe('2026-01-01T09:00:00.000Z');
    expect(input.errors).toHaveLength(2);
    expect(input.errors[0]).toMatchObject({ line: 2 });
    expect(input.errors[0]!.reason).toMatch(/malformed JSON/);
    expect(input.errors[1]!.line).toBe(4);
    expect(input.errors[1]!.reason).toMatch(/unknown field\(s\) surprise/);
  });

  it('csv: finds columns by name, uses the file id or the row number', () => {
    const input = readCsv('tweet_id,tweet,date\n42,"Paket kommt nicht, seit 3 Tagen",2026-03-01T10:00:00Z\n,no id here,2026-03-01T11:00:00Z\n7,,2026-03-01T12:00:00Z\n', {
      fallbackTime: new Date('2026-01-01T00:00:00Z'),
    });
    expect(input.mentions.map((m) => m.id)).toEqual(['csv:42', 'csv:2']);
    expect(input.mentions[0]!.text).toBe('Paket kommt nicht, seit 3 Tagen');
    expect(input.errors).toEqual([{ line: 4, reason: 'empty text' }]);
  });

  it('csv: refuses a file without a text column, naming what it expects', () => {
    expect(() => readCsv('a,b\n1,2\n')).toThrow(/no text column: expected one of text, tweet/);
  });

  it('reads the real complaints corpus', () => {
    const input = readCsv(readUtf8(path.join(shared, 'complaints-en/complaints.csv')));
    expect(input.mentions.length).toBeGreaterThan(2700);
    expect(input.mentions[0]!.id).toMatch(/^csv:\d+$/);
  });

  it('twcs: brand accounts from outbound authors, threads from reply links, brand context for inbound', () => {
    const input = readTwcs(readUtf8(path.join(shared, 'twcs/sample.csv')));
    expect(input.errors).toEqual([]);
    expect(input.brands.map((b) => b.name)).toContain('AppleSupport');
    const inbound = input.mentions.find((m) => m.id === 'twitter:119237')!;
    expect(inbound.author.isBrand).toBe(false);
    expect(inbound.brandContext).toContain('applesupport');
    const outbound = input.mentions.find((m) => m.id === 'twitter:119238')!;
    expect(outbound.author.isBrand).toBe(true);
    expect(outbound.thread.parentId).toBe('twitter:119239');
    for (let i = 1; i < input.mentions.length; i++) {
      expect(Date.parse(input.mentions[i]!.createdAt)).toBeGreaterThanOrEqual(Date.parse(input.mentions[i - 1]!.createdAt));
    }
  });

  it('germeval: document ids become mention ids and urls', () => {
    const input = readGermEvalXml(readUtf8(path.join(shared, 'germeval2017/test_dia.xml')));
    expect(input.mentions.length).toBeGreaterThan(1800);
    const tweet = input.mentions.find((m) => m.url?.includes('twitter.com'));
    expect(tweet?.id.startsWith('germeval:http')).toBe(true);
    expect(input.mentions.some((m) => /[äöüß]/.test(m.text))).toBe(true);
  });

  it('names the byte where a file stops being UTF-8', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kr-utf8-'));
    const file = path.join(dir, 'latin1.csv');
    writeFileSync(file, Buffer.concat([Buffer.from('text\nZug f'), Buffer.from([0xe4]), Buffer.from('llt aus\n')]));
    expect(() => readUtf8(file)).toThrow(/invalid UTF-8 near byte 10/);
  });

  it('makes brand ids from account names', () => {
    expect(slugify('AppleSupport')).toBe('applesupport');
    expect(slugify('Deutsche Bahn AG')).toBe('deutsche-bahn-ag');
    expect(slugify('Müller & Söhne')).toBe('muller-sohne');
  });
});
