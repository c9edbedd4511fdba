/**
 * The bundled library's quality thresholds (issue 6), over every scenarios/*.yaml. Scenario
 * writers tune against this test: each failure names the file, the figure, the threshold and,
 * where it helps, the `calm-desk play` arguments of the path concerned.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeScenario, type AnalysisReport } from '../../src/analysis/analyze.ts';
import { summarizeLibrary } from '../../src/analysis/library.ts';
import type { CliIO } from '../../src/cli/command.ts';
import { lintPaths } from '../../src/cli/commands/lint.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import type { Scenario } from '../../src/scenario/model.ts';
import { GOOD_TAGS, LANGUAGES, TRUST_RUINERS } from '../../src/scenario/vocabulary.ts';

const root = join(import.meta.dirname, '..', '..');
const scenarioDir = join(root, 'scenarios');
const files = readdirSync(scenarioDir).filter((f) => f.endsWith('.yaml')).sort();

const BEST_AT_LEAST = 90;
const WORST_NON_AUTO_FAIL_AT_MOST = 40;
const TRAP_SCENARIOS_AT_LEAST = 3;
const IDS_PER_LANGUAGE_AT_LEAST = 10;

const io: CliIO = { out: () => undefined, err: () => undefined, isTTY: false, env: {}, cwd: root };

const loaded = new Map<string, Scenario | null>();
const analyses = new Map<string, AnalysisReport>();

function scenarioOf(file: string): Scenario | null {
  if (!loaded.has(file)) loaded.set(file, loadScenario(readFileSync(join(scenarioDir, file), 'utf8'), `scenarios/${file}`).scenario);
  return loaded.get(file)!;
}

function analysisOf(file: string): AnalysisReport | null {
  const scenario = scenarioOf(file);
  if (!scenario) return null;
  if (!analyses.has(file)) analyses.set(file, analyzeScenario(scenario));
  return analyses.get(file)!;
}

function hasSevereOption(scenario: Scenario): boolean {
  return Object.values(scenario.nodes).some(
    (node) =>
      node.replies.some((r) => r.tags.includes('tyranny') || r.tags.includes('insult')) ||
      (node.silence?.tags.some((t) => t === 'tyranny' || t === 'insult') ?? false),
  );
}

/** Every threshold one scenario misses, as sentences a writer can act on. */
function problemsOf(file: string): string[] {
  const scenario = scenarioOf(file);
  const report = analysisOf(file);
  if (!scenario || !report) return [`${file}: does not load; run \`npx calm-desk lint scenarios/${file}\``];
  const problems: string[] = [];
  const best = report.best;
  if (!best) problems.push(`${file}: no path reaches an ending`);
  else if (best.overall < BEST_AT_LEAST) {
    problems.push(`${file}: best path scores ${best.overall}, needs at least ${BEST_AT_LEAST} (play ${best.playArgs})`);
  }
  const worst = report.worstNonAutoFail;
  if (!worst) problems.push(`${file}: every path auto-fails, so there is no worst non-auto-fail path`);
  else if (worst.overall > WORST_NON_AUTO_FAIL_AT_MOST) {
    problems.push(`${file}: worst path without auto-fail scores ${worst.overall}, needs at most ${WORST_NON_AUTO_FAIL_AT_MOST} (play ${worst.playArgs})`);
  }
  if (hasSevereOption(scenario) && !report.autoFailReachable) {
    problems.push(`${file}: has a tyranny or insult option, but no path reaches it (no auto-fail path)`);
  }
  for (const ending of report.endings.filter((e) => !e.reachable)) {
    problems.push(`${file}: ending \`${ending.nodeId}\` (${ending.outcome}) is not reachable`);
  }
  return problems;
}

describe('scenario library', () => {
  it('has bundled scenarios to check', () => {
    expect(files.length, 'scenarios/*.yaml is empty').toBeGreaterThan(0);
  });

  it('lints clean: no errors and no warnings in any file', async () => {
    const checked = await lintPaths(io, files.map((f) => `scenarios/${f}`));
    const found = checked.flatMap((entry) =>
      entry.diagnostics.map((d) => `${d.file}:${d.range.start.line}:${d.range.start.column}: ${d.severity} ${d.code}: ${d.message}`),
    );
    expect(found).toEqual([]);
  });

  it.each(files)('%s meets the score, ending and auto-fail thresholds', (file) => {
    expect(problemsOf(file)).toEqual([]);
  });

  it(`makes each trust-ruiner a live trap in at least ${TRAP_SCENARIOS_AT_LEAST} scenarios and rewards every good tag`, () => {
    const library = summarizeLibrary(files.map(analysisOf).filter((r): r is AnalysisReport => r !== null));
    const problems: string[] = [];
    for (const tag of TRUST_RUINERS) {
      const ids = library.trapScenarios[tag];
      if (ids.length < TRAP_SCENARIOS_AT_LEAST) {
        problems.push(`${tag} is a live trap in ${ids.length} scenario(s) (${ids.join(', ') || 'none'}), needs ${TRAP_SCENARIOS_AT_LEAST}`);
      }
    }
    for (const tag of GOOD_TAGS) {
      if (library.rewardScenarios[tag].length === 0) problems.push(`good tag ${tag} is rewarded in no scenario`);
    }
    expect(problems).toEqual([]);
  });

  it(`has at least ${IDS_PER_LANGUAGE_AT_LEAST} scenario ids in each language`, () => {
    const library = summarizeLibrary(files.map(analysisOf).filter((r): r is AnalysisReport => r !== null));
    const problems = LANGUAGES.filter((l) => library.idsByLanguage[l].length < IDS_PER_LANGUAGE_AT_LEAST).map(
      (l) => `${l}: ${library.idsByLanguage[l].length} scenario ids (${library.idsByLanguage[l].join(', ')}), needs ${IDS_PER_LANGUAGE_AT_LEAST}`,
    );
    expect(problems).toEqual([]);
  });
});
