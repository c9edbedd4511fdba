/** Analysis: path enumeration and score ranges over a scenario, and headless play. */
export { analyzeScenario, type AnalysisReport, type AnalyzeOptions, type EndingReach, type PathSummary } from './analyze.ts';
export { enumeratePaths, playArguments, type EnumeratedPath, type PathStep } from './paths.ts';
export { nodeWarnings, type AnalysisWarning } from './warnings.ts';
export { playScript, type PlayResult, type PlayScript } from './play.ts';
export { summarizeLibrary, type LibrarySummary } from './library.ts';
