#!/usr/bin/env node
// Runs the TypeScript sources directly (tsx), so `npx kundenradar …` and `npm start` need no build step.
import { register } from 'tsx/esm/api';

register();
const { compileRegexesEagerly } = await import('../src/regexp-engine.ts');
compileRegexesEagerly();
await import('../src/cli.ts');
