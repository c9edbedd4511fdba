/**
 * The CD010 diagnostic for a file the pre-scan (`prescan.ts`) refuses: where the limit is passed,
 * in plain words, and what to do.
 */
import { diagnostic, thousands } from './diagnostics.ts';
import type { Diagnostic } from './diagnostics.ts';
import { prescan, PRESCAN_LIMITS } from './prescan.ts';
import type { PrescanLimit } from './prescan.ts';
import { SourceMap } from './source-map.ts';

const WORDS: Record<PrescanLimit, (limit: number) => { message: string; hint: string }> = {
  lines: (limit) => ({
    message: `The file has more than ${thousands(limit)} lines; scenario files are limited to ${thousands(limit)} lines (this is line ${thousands(limit + 1)}).`,
    hint: 'Split the conversation into several scenarios: the bundled ones have 600 to 1,000 lines each.',
  }),
  pieces: (limit) => ({
    message: `The file has more than ${thousands(limit)} lines and values inside brackets (\`[ ]\` and \`{ }\`) together; at most ${thousands(limit)} are allowed, and this is the first one over.`,
    hint: 'A scenario with 200 nodes (the most allowed) needs fewer; check for a list in brackets that runs away, or split the scenario.',
  }),
  flowDepth: (limit) => ({
    message: `Brackets are nested more than ${limit} deep here; scenario files need one or two levels.`,
    hint: 'Check for `[` or `{` that are never closed, or written by mistake.',
  }),
  yamlProps: (limit) => ({
    message: `The file uses more than ${limit} YAML anchors, aliases and tags (\`&name\`, \`*name\`, \`!tag\`); at most ${limit} are allowed, and this is the first one over.`,
    hint: 'Scenario files do not need them: write the values out.',
  }),
  markersPerLine: (limit) => ({
    message: `This line has more than ${limit} list dashes, \`?\` marks or keys; a line of a scenario holds one key or one list item.`,
    hint: 'Put each `key:` and each `- ` item on a line of its own.',
  }),
};

/** CD010 when `text` (line ends already normalised) passes a pre-scan limit, else undefined. */
export function prescanDiagnostic(text: string, file: string): Diagnostic | undefined {
  const { over } = prescan(text);
  if (!over) return undefined;
  const { message, hint } = WORDS[over.limit](PRESCAN_LIMITS[over.limit]);
  return diagnostic('CD010', file, new SourceMap(text).rangeOf(over.start, over.end), message, hint);
}
