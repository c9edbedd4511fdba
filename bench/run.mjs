#!/usr/bin/env node
// `npm run bench`: measures Calm Desk against its speed goals in one run. Node 20 cannot run
// TypeScript itself, so this loads bench/main.ts through tsx. Options: see bench/main.ts.
import { register } from 'tsx/esm/api';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

register();
const here = dirname(fileURLToPath(import.meta.url));
const { main } = await import(pathToFileURL(join(here, 'main.ts')).href);
process.exitCode = await main(process.argv.slice(2));
