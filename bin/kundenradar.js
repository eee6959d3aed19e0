#!/usr/bin/env -S node --no-regexp-tier-up
// Runs the TypeScript sources directly (tsx), so `npx kundenradar …` and `npm start` need no build step.
// --no-regexp-tier-up: see "Regex compilation" in README.md (every way this file is started passes it).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
