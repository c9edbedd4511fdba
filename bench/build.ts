/**
 * Builds what the benchmark compares: the game and the bare Phaser hello-world page, both with
 * the repository's Vite and `vite.config.ts`, into `bench/results/` (git-ignored).
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const VITE_BIN = join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');

/** Where the builds land, relative to the repository root. */
export const BUILD_DIRS = {
  /** The game as `npm run build` leaves it (used with `--no-build`). */
  dist: 'dist',
  /** The game built by the benchmark itself, so a concurrent `npm run build` cannot disturb it. */
  app: join('bench', 'results', 'app-dist'),
  hello: join('bench', 'results', 'hello-dist'),
} as const;

/** Builds the hello page, and the game too unless `skipApp`; returns the game's folder. */
export function buildBoth(root: string, skipApp: boolean): string {
  if (!skipApp) viteBuild(root, ['--outDir', join(root, BUILD_DIRS.app), '--emptyOutDir']);
  viteBuild(root, [
    join('bench', 'hello'),
    '--config', join(root, 'vite.config.ts'),
    '--outDir', join(root, BUILD_DIRS.hello),
    '--emptyOutDir',
  ]);
  return join(root, skipApp ? BUILD_DIRS.dist : BUILD_DIRS.app);
}

function viteBuild(root: string, args: string[]): void {
  const result = spawnSync(process.execPath, [VITE_BIN, 'build', '--logLevel', 'warn', ...args], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`vite build ${args.join(' ')} failed (exit ${result.status})`);
}
