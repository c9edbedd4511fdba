/**
 * `npm run build:scorm [-- --scenarios id1,id2 | --course first-3] [--language en] [--mastery 70] [--title "…"] [--out file.zip]`
 *
 * Writes a SCORM 1.2 package (default `calm-desk-scorm12.zip`) for a learning platform: the
 * production build of the game with only the chosen scenarios, `imsmanifest.xml` and the schema
 * files. See docs/scorm.md.
 *
 * A repository script rather than a `calm-desk` command: it needs the build tool chain (Vite,
 * the zip library), which are development dependencies, while the `calm-desk` CLI is the
 * trainer's tool for scenario files and runs without them.
 */
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { buildScormPackage, DEFAULT_ZIP } from '../src/build/scormBuild.ts';
import type { Language } from '../src/scenario/vocabulary.ts';

const HELP = `Usage: npm run build:scorm -- [options]

Builds the game as a SCORM 1.2 package (one SCO) for a learning platform (LMS).

Options:
  --scenarios id1,id2   only these scenarios (ids as in the files; every language of each)
  --course first-N      the first N steps of the suggested course order
  --language en|fi      only this language's versions
  --mastery N           pass mark 0-100 (default: the rubric's "good" band, 65)
  --title "text"        course title the LMS shows
  --out file.zip        where to write it (default ${DEFAULT_ZIP})
  --help                this text
`;

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        scenarios: { type: 'string' },
        course: { type: 'string' },
        language: { type: 'string' },
        mastery: { type: 'string' },
        title: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (error) {
    console.error(`build:scorm: ${error instanceof Error ? error.message : String(error)}\n\n${HELP}`);
    return 2;
  }
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  let courseFirst: number | undefined;
  if (values.course !== undefined) {
    const match = /^first-(\d+)$/.exec(values.course);
    if (!match) {
      console.error(`build:scorm: --course takes first-N, e.g. --course first-3 (got "${values.course}").`);
      return 2;
    }
    courseFirst = Number(match[1]);
  }
  const mastery = values.mastery === undefined ? undefined : Number(values.mastery);
  if (mastery !== undefined && !Number.isFinite(mastery)) {
    console.error(`build:scorm: --mastery takes a number from 0 to 100 (got "${values.mastery}").`);
    return 2;
  }
  const root = fileURLToPath(new URL('..', import.meta.url));
  console.log('build:scorm: building the game (vite build)…');
  try {
    const built = await buildScormPackage({
      root,
      ...(values.scenarios ? { scenarios: values.scenarios.split(',').map((s) => s.trim()).filter(Boolean) } : {}),
      ...(courseFirst !== undefined ? { courseFirst } : {}),
      ...(values.language ? { language: values.language as Language } : {}),
      ...(mastery !== undefined ? { masteryScore: mastery } : {}),
      ...(values.title ? { title: values.title } : {}),
      ...(values.out ? { out: values.out } : {}),
    });
    const { selected } = built;
    for (const note of selected.notes) console.log(`note: ${note}`);
    console.log(`Wrote ${built.zipPath}`);
    console.log(`  size:        ${(built.bytes / 1024 / 1024).toFixed(2)} MB (${built.bytes.toLocaleString('en')} bytes)`);
    console.log(`  files:       ${built.fileCount} (game, imsmanifest.xml, 4 schema files)`);
    console.log(`  title:       ${selected.title}`);
    console.log(`  pass mark:   ${selected.masteryScore} (adlcp:masteryscore)`);
    console.log(`  scenarios:   ${selected.scenarioIds.length}`);
    for (const id of selected.scenarioIds) {
      const versions = selected.entries.filter((e) => e.id === id);
      console.log(`    ${id} (${versions.map((e) => e.language).join(', ')})`);
    }
    console.log('Upload it to your LMS as a SCORM 1.2 package (docs/scorm.md).');
    return 0;
  } catch (error) {
    console.error(`build:scorm: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

process.exitCode = await main();
