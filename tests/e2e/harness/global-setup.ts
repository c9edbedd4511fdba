/**
 * Global setup of the browser tests: serves the production build in `dist/` (CI builds it
 * first; `E2E_DIST` points elsewhere) on a free loopback port and hands its URL to the tests as
 * `inject('baseUrl')`.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveStatic } from './static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dist = resolve(project.config.root, process.env.E2E_DIST ?? 'dist');
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error(`No build in ${dist}: run \`npm run build\` before \`npm run test:e2e\`.`);
  }
  const server = await serveStatic(dist);
  project.provide('baseUrl', server.url);
  return () => server.close();
}
