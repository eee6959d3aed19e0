/**
 * A twcs file brings its support accounts as brands; a configured brand that lists the account is that brand (QA
 * round 10: the file's brand replaced the configured one, so a German insurer's 120-minute SLA in office hours became
 * 60 minutes around the clock with English titles, or was tracked twice when the ids differed).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeFileBrands, withClaimingBrands } from '../../../src/commands/replay-file-brands.ts';
import { runReplay } from '../../../src/commands/replay.ts';
import type { Brand, Mention } from '../../../src/model.ts';

const fileBrand: Brand = { id: 'vitalisbkk', name: 'VitalisBKK', query: '@VitalisBKK', accounts: ['VitalisBKK'], language: 'en' };

describe('mergeFileBrands', () => {
  it('a brand listing the account claims the file brand, case and "@" aside; others stay', () => {
    const configured: Brand = { id: 'vitalis', name: 'Vitalis BKK', query: 'Vitalis*', accounts: ['@vitalisbkk'], language: 'de' };
    const other: Brand = { ...fileBrand, id: 'otherhelp', name: 'OtherHelp', query: '@OtherHelp', accounts: ['OtherHelp'] };
    const { unclaimed, claimedBy } = mergeFileBrands([fileBrand, other], [configured]);
    expect(unclaimed).toEqual([other]);
    expect([...claimedBy]).toEqual([['vitalisbkk', 'vitalis']]);
    const m = { brandContext: ['vitalisbkk', 'vitalis'] } as Mention;
    expect(withClaimingBrands(m, claimedBy).brandContext).toEqual(['vitalis']);
  });
});

describe('replay of a twcs file with a config naming its support account', () => {
  const csv = [
    'tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id',
    // Friday 17:30 Berlin: with office hours 08–18 and 120 minutes, due Monday 09:30.
    '1,4101,True,Fri Dec 04 16:30:00 +0000 2026,@VitalisBKK Seit sechs Wochen warte ich auf meine Erstattung. Langsam reicht es.,2,',
    '2,VitalisBKK,False,Mon Dec 07 08:00:00 +0000 2026,"@4101 Die Erstattung über 80 Euro ist heute an dich überwiesen worden, in 1–2 Tagen auf dem Konto. ^SK",,1',
  ].join('\n');

  it.each([['vitalisbkk'], ['vitalis']])('config brand id %s: one brand, its SLA and office hours, no alert for an answer in time', async (id) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kr-twcs-config-'));
    const file = path.join(dir, 'care.csv');
    writeFileSync(file, csv);
    const configFile = path.join(dir, 'config.yaml');
    writeFileSync(
      configFile,
      `brands:\n  - id: ${id}\n    name: Vitalis BKK\n    query: 'Vitalis*'\n    accounts: [VitalisBKK]\n    language: de\n    sla: { twitter: 120 }\n    businessHours: { timeZone: Europe/Berlin, days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' }\n`,
    );
    const mentionsOut = path.join(dir, 'mentions.jsonl');
    const alertsOut = path.join(dir, 'alerts.jsonl');
    const lines: string[] = [];
    await runReplay({ file, format: 'twcs', configFile, mentionsOut, alertsOut, progress: (l) => lines.push(l) });
    const read = <T>(f: string): T[] => readFileSync(f, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as T);
    expect(new Set(read<{ brands: string[] }>(mentionsOut).flatMap((m) => m.brands))).toEqual(new Set([id]));
    expect(read<{ kind: string }>(alertsOut).filter((a) => a.kind === 'unanswered')).toEqual([]);
    if (id !== 'vitalisbkk') expect(lines.some((l) => l.includes('the file\'s brand vitalisbkk is the account of brand vitalis'))).toBe(true);
  });
});
