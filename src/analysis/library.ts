/** Library-wide figures over many scenario analyses: where each trap lives, which good tags pay, how naive players fare. */
import { GOOD_TAGS, LANGUAGES, TRUST_RUINERS, type GoodTag, type Language, type TrustRuiner } from '../scenario/vocabulary.ts';
import type { AnalysisReport } from './analyze.ts';
import { NAIVE_POLICIES, type NaivePolicy, type NaiveReport } from './naive.ts';

export interface LibrarySummary {
  scenarios: number;
  /** Scenario ids (distinct) in which each trust-ruiner is a live trap. */
  trapScenarios: Record<TrustRuiner, string[]>;
  /** Scenario ids (distinct) in which each good tag is rewarded. */
  rewardScenarios: Record<GoodTag, string[]>;
  /** Distinct scenario ids per language. */
  idsByLanguage: Record<Language, string[]>;
  /** Scenario ids with an auto-fail path. */
  autoFailScenarios: string[];
}

const distinct = (ids: Iterable<string>): string[] => [...new Set(ids)].sort();

/** Sums up analyses of a library (translations of one scenario share an id and count once). */
export function summarizeLibrary(reports: readonly AnalysisReport[]): LibrarySummary {
  const trapScenarios = Object.fromEntries(
    TRUST_RUINERS.map((t) => [t, distinct(reports.filter((r) => r.behaviours[t]).map((r) => r.scenarioId))]),
  ) as Record<TrustRuiner, string[]>;
  const rewardScenarios = Object.fromEntries(
    GOOD_TAGS.map((t) => [t, distinct(reports.filter((r) => r.goodTagsRewarded.includes(t)).map((r) => r.scenarioId))]),
  ) as Record<GoodTag, string[]>;
  const idsByLanguage = Object.fromEntries(
    LANGUAGES.map((l) => [l, distinct(reports.filter((r) => r.language === l).map((r) => r.scenarioId))]),
  ) as Record<Language, string[]>;
  return {
    scenarios: distinct(reports.map((r) => r.scenarioId)).length,
    trapScenarios,
    rewardScenarios,
    idsByLanguage,
    autoFailScenarios: distinct(reports.filter((r) => r.autoFailReachable).map((r) => r.scenarioId)),
  };
}

/** One figure across the library's files: the mean of their values, the highest and lowest one, and the mean of their p10 and p90. */
export interface AcrossFiles {
  mean: number;
  max: number;
  min: number;
  p10: number;
  p90: number;
}

/** The naive players across the library: per policy, the mean and the highest of the files' means. */
export interface NaiveLibrarySummary {
  files: number;
  best: AcrossFiles;
  policies: Record<NaivePolicy, AcrossFiles>;
}

const across = (values: readonly number[]): AcrossFiles => {
  if (values.length === 0) return { mean: 0, max: 0, min: 0, p10: 0, p90: 0 };
  return {
    mean: Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10,
    max: Math.max(...values),
    min: Math.min(...values),
    p10: 0,
    p90: 0,
  };
};

/** Sums up the naive players of many files (each file counts once, translations too). */
export function summarizeNaive(files: readonly { report: AnalysisReport; naive: NaiveReport }[]): NaiveLibrarySummary {
  const policies = Object.fromEntries(
    NAIVE_POLICIES.map((p) => {
      const figures = across(files.map((f) => f.naive.policies[p].mean));
      // For random, p10 and p90 are the means of the files' own p10 and p90.
      const p10 = across(files.map((f) => f.naive.policies[p].p10)).mean;
      const p90 = across(files.map((f) => f.naive.policies[p].p90)).mean;
      return [p, { ...figures, p10, p90 }];
    }),
  ) as Record<NaivePolicy, AcrossFiles>;
  const best = across(files.flatMap((f) => (f.report.best ? [f.report.best.overall] : [])));
  return { files: files.length, best: { ...best, p10: best.min, p90: best.max }, policies };
}
