/** Library-wide figures over many scenario analyses: where each trap lives, which good tags pay. */
import { GOOD_TAGS, LANGUAGES, TRUST_RUINERS, type GoodTag, type Language, type TrustRuiner } from '../scenario/vocabulary.ts';
import type { AnalysisReport } from './analyze.ts';

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
