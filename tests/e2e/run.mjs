#!/usr/bin/env node
// `npm run test:e2e`: runs the browser tests (tests/e2e/**/*.e2e.ts) against the production build
// in dist/ with Debian's Chromium. Extra arguments go to Vitest, e.g. a file filter:
//   npm run test:e2e -- title
// E2E_DIST=<folder> tests another build than dist/; CHROMIUM_PATH another browser.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const dist = resolve(root, process.env.E2E_DIST ?? 'dist');
if (!existsSync(join(dist, 'index.html'))) {
  console.error(`test:e2e: no build in ${dist}. Run \`npm run build\` first.`);
  process.exit(1);
}
if (!existsSync(chromium)) {
  console.error(`test:e2e: no browser at ${chromium}. Install it with \`apt-get install chromium\` or set CHROMIUM_PATH.`);
  process.exit(1);
}

const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
const result = spawnSync(
  process.execPath,
  [vitest, 'run', '--config', 'tests/e2e/vitest.config.ts', ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
