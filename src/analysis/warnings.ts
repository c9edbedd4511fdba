/**
 * Warnings about a scenario: places that teach nothing, replies whose tags and mood disagree,
 * and (for lint) naive policies that score too well.
 */
import { parseDocument } from 'yaml';
import { diagnostic, type Diagnostic } from '../scenario/diagnostics.ts';
import type { Scenario, ScenarioNode } from '../scenario/model.ts';
import { SourceMap } from '../scenario/source-map.ts';
import { isAutoFailTag, isGoodTag, isTrustRuiner, type BehaviourTag } from '../scenario/vocabulary.ts';
import { DEFAULT_NAIVE_LIMITS, gamedPolicies, limitOf, naiveReport, NAIVE_POLICY_DESCRIPTIONS, type NaiveLimits, type NaiveReport } from './naive.ts';

export interface AnalysisWarning {
  code: 'no-learning-all-good' | 'no-learning-all-bad' | 'tag-mood-contradiction' | 'paths-capped' | 'ending-unreachable' | 'dead-end' | 'analysis-limited';
  severity: 'warning' | 'info';
  nodeId?: string;
  choiceId?: string;
  message: string;
}

/** A good-only reply that angers by at least this much contradicts its tags. */
export const GOOD_BUT_ANGERS = 10;
/** A trust-ruining reply that calms at all (negative mood) contradicts its tags. */
export const BAD_BUT_CALMS = 0;

type Verdict = 'good' | 'bad' | 'neutral';

function verdict(tags: readonly BehaviourTag[]): Verdict {
  if (tags.some((t) => isTrustRuiner(t) || isAutoFailTag(t))) return 'bad';
  return tags.some(isGoodTag) ? 'good' : 'neutral';
}

function contradiction(node: ScenarioNode, label: string, tags: readonly BehaviourTag[], mood: number, choiceId?: string): AnalysisWarning | null {
  const v = verdict(tags);
  const where = choiceId ? { nodeId: node.id, choiceId } : { nodeId: node.id };
  if (v === 'good' && mood >= GOOD_BUT_ANGERS) {
    return {
      code: 'tag-mood-contradiction',
      severity: 'warning',
      ...where,
      message: `${label} is tagged ${tags.join(', ')} but raises the mood by ${mood}: good behaviour should not anger the customer this much.`,
    };
  }
  if (v === 'bad' && mood < BAD_BUT_CALMS) {
    return {
      code: 'tag-mood-contradiction',
      severity: 'warning',
      ...where,
      message: `${label} is tagged ${tags.filter((t) => isTrustRuiner(t) || isAutoFailTag(t)).join(', ')} but calms the customer (mood ${mood}): a trust-ruiner should not be rewarded by the customer.`,
    };
  }
  return null;
}

/** Warnings for every node: no-learning nodes and tag/mood contradictions. */
export function nodeWarnings(scenario: Scenario): AnalysisWarning[] {
  const warnings: AnalysisWarning[] = [];
  for (const id of scenario.nodeOrder) {
    const node = scenario.nodes[id];
    if (!node || node.end) continue;
    const options = [
      ...node.replies.map((r) => ({ label: `Reply \`${r.id}\` at \`${id}\``, tags: r.tags, mood: r.mood, choiceId: r.id as string | undefined })),
      ...(node.silence ? [{ label: `The silence at \`${id}\``, tags: node.silence.tags, mood: node.silence.mood, choiceId: undefined }] : []),
    ];
    if (options.length >= 2) {
      const verdicts = options.map((o) => verdict(o.tags));
      if (verdicts.every((v) => v === 'good')) {
        warnings.push({ code: 'no-learning-all-good', severity: 'warning', nodeId: id, message: `Every choice at \`${id}\` is good: nothing to learn there. Add a tempting trust-ruiner or drop the decision.` });
      } else if (verdicts.every((v) => v === 'bad')) {
        warnings.push({ code: 'no-learning-all-bad', severity: 'warning', nodeId: id, message: `Every choice at \`${id}\` is trust-ruining: the trainee cannot do the right thing there. Add a good reply.` });
      }
    }
    for (const option of options) {
      const warning = contradiction(node, option.label, option.tags, option.mood, option.choiceId);
      if (warning) warnings.push(warning);
    }
  }
  return warnings;
}

/**
 * CD308 warnings for `calm-desk lint`: one per naive policy whose mean score is above the
 * rubric's `naiveMax` (polite-but-useless: 10 more), at the file's `id:` line. `text` is the
 * file's YAML, used only to find that line.
 */
export function naivePolicyDiagnostics(report: NaiveReport, file: string, text: string, naiveMax = DEFAULT_NAIVE_LIMITS.naiveMax): Diagnostic[] {
  const limits: NaiveLimits = { naiveMax, politeMax: naiveMax + (DEFAULT_NAIVE_LIMITS.politeMax - DEFAULT_NAIVE_LIMITS.naiveMax) };
  const gamed = gamedPolicies(report, limits);
  if (gamed.length === 0) return [];
  const range = new SourceMap(text, parseDocument(text, { prettyErrors: false, uniqueKeys: false })).keyAt(['id']);
  return gamed.map((figures) => {
    const runs = figures.runs > 1 ? ` over ${figures.runs} seeded runs` : '';
    return diagnostic(
      'CD308',
      file,
      range,
      `A naive player scores too well: \`${figures.policy}\` (${NAIVE_POLICY_DESCRIPTIONS[figures.policy]}) averages ${figures.mean}${runs}, above the limit of ${limitOf(figures.policy, limits)}.`,
      `See it: \`calm-desk play ${file} ${figures.example.playArgs}\`; \`calm-desk analyze ${file}\` shows every policy.`,
    );
  });
}

/** A loaded file as lint holds it (the shape of `LibraryFile` in src/scenario/library.ts). */
export interface LintedFile {
  fileName: string;
  result: { scenario: Scenario | null; diagnostics: readonly Diagnostic[] };
  text?: string;
}

/**
 * CD308 for every file that loaded without errors: each is played by the naive policies
 * (`naiveReport`, 200 seeded random runs) and held to its rubric's `naiveMax`.
 */
export function naiveLintDiagnostics(files: readonly LintedFile[], naiveMaxOf: (scenario: Scenario) => number = () => DEFAULT_NAIVE_LIMITS.naiveMax): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const file of files) {
    const scenario = file.result.scenario;
    if (!scenario || file.result.diagnostics.some((d) => d.severity === 'error')) continue;
    out.push(...naivePolicyDiagnostics(naiveReport(scenario), file.fileName, file.text ?? '', naiveMaxOf(scenario)));
  }
  return out;
}
