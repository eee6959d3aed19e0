/** The configuration example in the README is what a new user copies first: it must be a valid configuration. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config.ts';
import { createIngestors } from '../../../ingestors/registry.ts';
import { checkAlertRoutes } from '../../../src/stages/notify.ts';
import { makeContext } from '../ingestors/helpers.ts';

const readme = readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');
const example = /```yaml\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';

describe('README configuration example', () => {
  it('parses, its sources build and its alert routes resolve', () => {
    expect(example).toContain('sources:');
    const config = parseConfig(example, 'README.md');
    const t = makeContext({ brands: config.brands, secrets: { twitterBearerToken: 'token' } });
    expect(createIngestors(config.sources, { ...t.context, config }, 'README.md').map((i) => i.name)).toEqual(config.sources.map((s) => s.name));
    expect(() => checkAlertRoutes({ file: 'README.md', baseDir: '.', config, env: {}, secrets: {} }, {})).not.toThrow();
  });
});

describe('production example configuration (scripts/compose/kundenradar.example.yaml)', () => {
  const file = path.resolve(__dirname, '../../../scripts/compose/kundenradar.example.yaml');

  it('parses, its sources build, its alert routes resolve, and no source needs a file beside it (only the file is mounted)', () => {
    const config = parseConfig(readFileSync(file, 'utf8'), file);
    const t = makeContext({ brands: config.brands });
    expect(createIngestors(config.sources, { ...t.context, config }, file)).toHaveLength(config.sources.filter((s) => s.enabled).length);
    // The notify stage starts with the file as copied: no route names a variable the README's .env lacks.
    expect(() => checkAlertRoutes({ file, baseDir: '.', config, env: {}, secrets: {} }, {})).not.toThrow();
    // Nothing is fetched before the user put in their own feed.
    expect(config.sources.every((s) => s.enabled === false)).toBe(true);
    expect(config.sources.filter((s) => s.type === 'replay')).toEqual([]);
    expect(config.detect.clock).toBe('wall');
  });
});
