/**
 * The scenario map page in one call: analysis (best and worst paths), layout, HTML. Used by
 * `calm-desk graph --format html` and, lazily imported, by the debrief's "See the map".
 *
 * @example
 * const html = scenarioMapHtml(scenario, { t: createI18n('en').t, language: 'en' });
 */
import { analyzeScenario } from '../analysis/analyze.ts';
import type { Transcript } from '../conversation/transcript.ts';
import type { Translate } from '../i18n/index.ts';
import type { Scenario } from '../scenario/model.ts';
import type { Rubric } from '../scoring/rubric.ts';
import { mapPageHtml, mapWords, type MapPaths } from './graphHtml.ts';
import { layoutScenario, moodsByNode } from './layout.ts';
import { buildStateGraph, DEFAULT_BUDGET, type Budget } from '../analysis/stateGraph.ts';
import { traceSteps, traceTranscript } from './trace.ts';

export interface MapPageOptions {
  t: Translate;
  /** The page's language (its `lang` attribute); the words come from `t`. */
  language: string;
  /** A played conversation to highlight as "the path you took". */
  taken?: Transcript;
  rubric?: Rubric;
  /** What the analysis may do (default: the analyzer's budget); past it the paths are the best and worst found. */
  budget?: Budget;
}

export function scenarioMapHtml(scenario: Scenario, options: MapPageOptions): string {
  const budget = options.budget ?? DEFAULT_BUDGET;
  const graph = buildStateGraph(scenario, budget);
  const report = analyzeScenario(scenario, options.rubric ? { rubric: options.rubric, graph, budget } : { graph, budget });
  // Past the budget the analysis explored part of the scenario: its paths are the best and worst found, not proven.
  const paths: MapPaths = report.limited ? { limited: { states: report.states } } : {};
  const best = report.best ? traceSteps(scenario, report.best.steps) : null;
  if (best && report.best) paths.best = { trace: best, score: report.best.overall };
  const worst = report.worst ? traceSteps(scenario, report.worst.steps) : null;
  if (worst && report.worst) paths.worst = { trace: worst, score: report.worst.overall };
  if (options.taken) paths.taken = { trace: traceTranscript(options.taken, scenario.customer.mood) };
  const layout = layoutScenario(scenario, mapWords(options.t), moodsByNode(scenario, graph));
  return mapPageHtml({ scenario, layout, paths, t: options.t, language: options.language });
}
