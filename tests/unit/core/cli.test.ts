/** The command line as a user runs it: a real process, real files. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { Alert, Classified } from '../../../src/model.ts';
import { openSqliteStore } from '../../../src/store/sqlite.ts';
import { post } from '../dashboards/fixtures.ts';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../../..');
const cli = path.join(root, 'bin/kundenradar.js');
const twcs = path.resolve(root, '../shared/data/twcs/sample.csv');

describe('kundenradar CLI', () => {
  it('replays the twcs sample with event time and writes mentions and alerts as JSON lines', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kr-cli-'));
    const mentionsOut = path.join(dir, 'mentions.jsonl');
    const { stdout, stderr } = await run(process.execPath, [cli, 'replay', twcs, '--format', 'twcs', '--clock', 'event', '--mentions-out', mentionsOut, '--alerts-out', '-'], {
      cwd: dir,
      env: { ...process.env, LOG_LEVEL: 'error' },
      timeout: 120_000,
    });
    const mentions = readFileSync(mentionsOut, 'utf8').trim().split('\n').map((l) => Classified.parse(JSON.parse(l)));
    const rows = (parseCsv(readFileSync(twcs, 'utf8'), { columns: true }) as unknown[]).length;
    expect(mentions).toHaveLength(rows); // every tweet of the sample, none lost or doubled
    expect(mentions.every((m) => m.id.startsWith('twitter:'))).toBe(true);
    expect(mentions.filter((m) => m.author.isBrand).every((m) => m.replyKind !== undefined)).toBe(true);
    const alerts = stdout.trim().split('\n').filter(Boolean).map((l) => Alert.parse(JSON.parse(l)));
    expect(alerts.some((a) => a.kind === 'unanswered')).toBe(true);
    expect(stderr).toMatch(/replay: \d+ mentions/);
  }, 150_000);

  it('refuses replay --time-zone with a zone Intl does not know, naming it, before reading the file', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kr-cli-'));
    const failure = await run(process.execPath, [cli, 'replay', path.join(dir, 'gone.csv'), '--time-zone', 'Mars/Base'], { cwd: dir, env: { ...process.env, LOG_LEVEL: 'error' } }).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect((failure as { code: number }).code).not.toBe(0);
    expect((failure as { stderr: string }).stderr).toContain('unknown time zone "Mars/Base": use an IANA name such as "Europe/Berlin"');
    expect((failure as { stderr: string }).stderr).not.toContain('gone.csv');
  }, 60_000);

  it('reports a broken config with the file, the path inside it and what is expected, exit code 2', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kr-cli-'));
    const config = path.join(dir, 'kundenradar.yaml');
    writeFileSync(config, 'brands:\n  - id: ok\n    name: OK\n    query: "ok"\n    sla: {twitter: -5}\n');
    const failure = await run(process.execPath, [cli, 'start', '--config', config], { cwd: dir, env: { ...process.env, LOG_LEVEL: 'error' } }).catch((e: { code: number; stderr: string }) => e);
    expect((failure as { code: number }).code).toBe(2);
    expect((failure as { stderr: string }).stderr).toContain(config);
    expect((failure as { stderr: string }).stderr).toMatch(/brands\[0\]\.sla\.twitter: .*>0/);
  }, 60_000);

  it('refuses to run the bundled demo against Kafka or Elasticsearch (it would feed the demo posts into them)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kr-cli-'));
    const failure = await run(process.execPath, [cli, 'start'], { cwd: dir, env: { ...process.env, KAFKA_BROKERS: '', ELASTICSEARCH_URL: 'http://127.0.0.1:1', LOG_LEVEL: 'error' } }).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect((failure as { code: number }).code).toBe(1);
    expect((failure as { stderr: string }).stderr).toContain('start with KAFKA_BROKERS or ELASTICSEARCH_URL needs a config');
  }, 60_000);

  it('reports a replay source whose file is missing as a config error naming the path, exit code 2, not a crash once running', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kr-cli-'));
    const config = path.join(dir, 'kundenradar.yaml');
    writeFileSync(config, `server: { port: 0 }\nstore: { path: ${JSON.stringify(path.join(dir, 'kr.db'))} }\nsources:\n  - { type: replay, name: history, path: gone.jsonl }\n`);
    const failure = await run(process.execPath, [cli, 'start', '--config', config], { cwd: dir, env: { ...process.env, KAFKA_BROKERS: '', ELASTICSEARCH_URL: '', LOG_LEVEL: 'error' } }).catch((e: { code: number; stderr: string }) => e);
    expect((failure as { code: number }).code).toBe(2);
    expect((failure as { stderr: string }).stderr).toContain(`sources[0]: path: no file at ${path.join(dir, 'gone.jsonl')}`);
  }, 60_000);
});

describe('kundenradar worker', () => {
  it('refuses a pipeline stage without Kafka in one line, exit 1, instead of waiting for nothing', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kr-cli-'));
    writeFileSync(path.join(dir, 'k.yaml'), 'brands: []\n');
    const failed = await run(process.execPath, [cli, 'worker', 'classify', '--config', path.join(dir, 'k.yaml')], {
      cwd: dir,
      env: { ...process.env, KAFKA_BROKERS: '', LOG_LEVEL: 'error' },
      timeout: 30_000,
    }).then(
      () => undefined,
      (err: { code: number; stderr: string }) => err,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr.trim()).toBe('kundenradar: worker classify needs KAFKA_BROKERS: a stage in its own process shares the bus over Kafka (`kundenradar start` runs every stage in one process)');
  });

  it('refuses Kafka without Elasticsearch, and a worker without a config, instead of splitting the pipeline or running the demo', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kr-cli-'));
    writeFileSync(path.join(dir, 'k.yaml'), 'brands: []\n');
    const attempt = (args: string[], env: Record<string, string>) =>
      run(process.execPath, [cli, 'worker', ...args], { cwd: dir, env: { ...process.env, LOG_LEVEL: 'error', ...env }, timeout: 30_000 }).then(
        () => undefined,
        (err: { code: number; stderr: string }) => err,
      );
    const halfEnv = await attempt(['index', '--config', path.join(dir, 'k.yaml')], { KAFKA_BROKERS: '127.0.0.1:1', ELASTICSEARCH_URL: '' });
    expect(halfEnv?.code).toBe(1);
    expect(halfEnv?.stderr).toContain('worker index with KAFKA_BROKERS needs ELASTICSEARCH_URL too');
    const noConfig = await attempt(['ingest'], { KAFKA_BROKERS: '127.0.0.1:1', ELASTICSEARCH_URL: 'http://127.0.0.1:1' });
    expect(noConfig?.code).toBe(1);
    expect(noConfig?.stderr).toContain('worker ingest needs a config: --config FILE, or kundenradar.yaml in the working directory');
  });
});

describe('kundenradar search', () => {
  it('refuses an unknown brand and a hit count outside 1-200 instead of answering as if it had searched', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kr-cli-'));
    writeFileSync(path.join(dir, 'k.yaml'), "brands:\n  - { id: bahn, name: Bahn, query: 'Bahn' }\n");
    const fails = (args: string[]) =>
      run(process.execPath, [cli, 'search', ...args, '--config', path.join(dir, 'k.yaml')], { cwd: dir, env: { ...process.env, LOG_LEVEL: 'error' }, timeout: 30_000 }).then(
        () => undefined,
        (err: { code: number; stderr: string }) => err,
      );
    const brand = await fails(['Zug', '--brand', 'nosuch']);
    expect(brand?.code).toBe(1);
    expect(brand?.stderr.trim()).toBe(`kundenradar: unknown brand "nosuch": brand ids in ${path.join(dir, 'k.yaml')} are bahn`);
    const size = await fails(['Zug', '-n', '0']);
    expect(size?.code).toBe(1);
    expect(size?.stderr).toContain('expected a whole number from 1 to 200');
    const severity = await fails(['--severity', '2,5']);
    expect(severity?.stderr).toContain('expected complaint severities 0 to 4 (0 = no complaint)');
    const channel = await fails(['--channel', 'tweet']);
    expect(channel?.stderr).toContain('expected channels of post, reply, page_comment');
    const both = await fails(['--json', '--csv']);
    expect(both?.stderr).toContain("option '--json' cannot be used with option '--csv'");
    // Two CLI processes, each loading the classifiers: well under the default limit alone, not on a busy machine.
  }, 90_000);

  it('writes only its results: stdout has the hits, stderr stays empty on a successful embedded search', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kr-cli-'));
    writeFileSync(path.join(dir, 'k.yaml'), "brands:\n  - { id: bahn, name: Bahn, query: 'Bahn' }\nstore: { path: radar.db }\n");
    const store = await openSqliteStore(path.join(dir, 'radar.db'));
    await store.upsertMentions([post({ id: '1', brand: 'bahn', text: 'Bahn: der Zug fällt schon wieder aus', minutesAgo: 5 }, new Date())]);
    await store.close();
    // As a user runs it: no LOG_LEVEL, and none of the test runner's variables (VITEST silences the logger). Embedded:
    // CI exports KAFKA_BROKERS and ELASTICSEARCH_URL for the integration tests, which would search Elasticsearch.
    const dropped = new Set(['LOG_LEVEL', 'KAFKA_BROKERS', 'ELASTICSEARCH_URL']);
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !dropped.has(key) && !key.startsWith('VITEST')));
    const { stdout, stderr } = await run(process.execPath, [cli, 'search', 'Zug', '--config', path.join(dir, 'k.yaml')], { cwd: dir, env, timeout: 90_000 });
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^1 matches\n.*twitter:1 {2}\[bahn\]/);
  }, 120_000);

  it('--csv writes every match of --severity and --channel as CSV with a byte order mark, nothing else on stdout', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kr-cli-'));
    writeFileSync(path.join(dir, 'k.yaml'), "brands:\n  - { id: bahn, name: Bahn, query: 'Bahn' }\nstore: { path: radar.db }\n");
    const store = await openSqliteStore(path.join(dir, 'radar.db'));
    const now = new Date();
    await store.upsertMentions([
      post({ id: '1', brand: 'bahn', text: 'Bahn: der Zug fällt schon wieder aus', minutesAgo: 5, cues: ['schon wieder'] }, now),
      post({ id: '2', brand: 'bahn', text: '=Bahn pünktlich, danke', minutesAgo: 6 }, now),
      post({ id: '3', brand: 'bahn', text: 'Antwort der Bahn', minutesAgo: 4, rootId: '1', parentId: '1', cues: ['Antwort'] }, now),
    ]);
    await store.close();
    const dropped = new Set(['KAFKA_BROKERS', 'ELASTICSEARCH_URL']);
    const env = { ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !dropped.has(key))), LOG_LEVEL: 'error' };
    const config = ['--config', path.join(dir, 'k.yaml')];
    const { stdout } = await run(process.execPath, [cli, 'search', '--csv', '--severity', '2', '--channel', 'post', ...config], { cwd: dir, env, timeout: 90_000 });
    const lines = stdout.split('\r\n');
    expect(lines[0]).toBe('\uFEFFid,createdAt,source,channel,brands,author,lang,complaint,severity,sentiment,intents,text,url');
    expect(lines.slice(1)).toEqual([expect.stringMatching(/^twitter:1,.*,twitter,post,bahn,kunde_1,de,true,2,negative,,Bahn: der Zug fällt schon wieder aus,https:/), '']);
  }, 120_000);
});

describe('a worker whose stages have all finished', () => {
  it('stays up, idle, until SIGINT or SIGTERM (a supervisor would otherwise restart it in a loop)', async () => {
    const { idleUntilSignalled } = await import('../../../src/idle.ts');
    const { EventEmitter } = await import('node:events');
    for (const signal of ['SIGTERM', 'SIGINT']) {
      const emitter = new EventEmitter();
      let settled = false;
      const idle = idleUntilSignalled(emitter).then(() => {
        settled = true;
      });
      await new Promise((r) => setTimeout(r, 50));
      expect(settled).toBe(false);
      emitter.emit(signal);
      await idle;
      expect(settled).toBe(true);
    }
  });
});
