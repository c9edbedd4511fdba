/** Every CLI command. To add one, write `commands/<name>.ts` exporting a `Command` and list it here. */
import type { Command } from '../command.ts';
import { analyzeCommand } from './analyze.ts';
import { graphCommand } from './graph.ts';
import { i18nCommand } from './i18n.ts';
import { lintCommand } from './lint.ts';
import { playCommand } from './play.ts';
import { schemaCommand } from './schema.ts';

export const COMMANDS: readonly Command[] = [
  lintCommand,
  graphCommand,
  schemaCommand,
  analyzeCommand,
  playCommand,
  i18nCommand,
];
