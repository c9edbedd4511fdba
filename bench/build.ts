/**
 * Builds what the benchmark compares: the game (`dist/`) and the bare Phaser hello-world page
 * (`bench/results/hello-dist/`), both with the repository's Vite and `vite.config.ts`.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const VITE_BIN = join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');

/** Where the two builds land, relative to the repository root. */
export const BUILD_DIRS = { app: 'dist', hello: join('bench', 'results', 'hello-dist') } as const;

/** Runs `vite build` for the game, unless `skipApp`, and always for the hello page. */
export function buildBoth(root: string, skipApp: boolean): void {
  if (!skipApp) viteBuild(root, []);
  viteBuild(root, [
    join('bench', 'hello'),
    '--config', join(root, 'vite.config.ts'),
    '--outDir', join(root, BUILD_DIRS.hello),
    '--emptyOutDir',
  ]);
}

function viteBuild(root: string, args: string[]): void {
  const result = spawnSync(process.execPath, [VITE_BIN, 'build', '--logLevel', 'warn', ...args], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`vite build ${args.join(' ')} failed (exit ${result.status})`);
}
