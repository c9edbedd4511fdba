import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const pureCore = ['src/scenario/**', 'src/conversation/**', 'src/scoring/**', 'src/presenter/**', 'src/classroom/**', 'src/graph/**'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'tests/e2e/__screenshots__/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The pure core runs under Node in tests: it must never reach for the engine or the sound library.
    files: pureCore,
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'phaser', message: 'The core (scenario, conversation, scoring, presenter) must not import Phaser; render in src/game.' },
          { name: 'howler', message: 'Only src/audio may import Howler.' },
        ],
        patterns: [
          { group: ['**/game/**', '**/audio/**', '**/storage/**'], message: 'The core must not depend on the shell (game, audio, storage).' },
        ],
      }],
    },
  },
  {
    // Records (CSV, xAPI statements, launch, queue) are pure too: the shell in src/game/records sends and downloads.
    files: ['src/records/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'phaser', message: 'src/records is core: no Phaser.' },
          { name: 'howler', message: 'Only src/audio may import Howler.' },
          { name: '@xapi/xapi', message: 'src/records is core: the xAPI client is loaded by src/game/records.' },
        ],
        patterns: [{ group: ['**/game/**', '**/audio/**'], message: 'src/records must not depend on the game shell.' }],
      }],
    },
  },
  {
    files: ['src/**'],
    ignores: ['src/audio/**', 'src/records/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'howler', message: 'Only src/audio may import Howler.' }],
      }],
    },
  },
);
