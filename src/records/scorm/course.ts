/**
 * What the LMS is told about the whole package (one SCO holding one or more scenarios).
 *
 * - **Status** is `incomplete` until every scenario in the package has been played to its end
 *   at least once; then `passed` when the course score reaches the mastery score, else `failed`
 *   (a learner who plays again can still turn `failed` into `passed`).
 * - **Score** (`cmi.core.score.raw`, 0..100) is the lowest of the learner's best scores across
 *   the package's scenarios: the course is passed only when every conversation reached the pass
 *   mark at least once. A mean would let a high score in one conversation hide an auto-failed one
 *   (shouting at a customer), which the rubric treats as a failed contact on purpose.
 * - The score is reported only once every scenario has been played. An LMS that knows a mastery
 *   score (Moodle and others, and scorm-again) turns any reported raw score into passed/failed
 *   when the SCO finishes, so a score sent halfway would mark a learner failed before they had
 *   seen every scenario.
 *
 * ```ts
 * const report = courseReport(progress, { scenarioIds: ['kettle-returned-twice'], masteryScore: 65 });
 * // { status: 'passed', score: 78, done: 1, total: 1, … }
 * ```
 */
import type { ScormProgress } from './progress.ts';

/** The package as the build described it. */
export interface PackageScope {
  /** Scenario ids in the package (each may come in several languages). */
  scenarioIds: readonly string[];
  /** `adlcp:masteryscore`: the pass mark, 0..100. */
  masteryScore: number;
}

export type LessonStatus = 'incomplete' | 'passed' | 'failed';

export interface CourseReport {
  status: LessonStatus;
  /** The course score, null until every scenario has been played. */
  score: number | null;
  /** Scenarios played to the end at least once. */
  done: number;
  total: number;
  /** Scenarios whose best score reaches the mastery score. */
  passed: number;
}

export function courseReport(progress: ScormProgress, scope: PackageScope): CourseReport {
  const ids = [...new Set(scope.scenarioIds)];
  const bests = ids.map((id) => progress.scenarios[id]?.best ?? null);
  const played = bests.filter((b): b is number => b !== null);
  const passed = played.filter((b) => b >= scope.masteryScore).length;
  const allPlayed = ids.length > 0 && played.length === ids.length;
  const score = allPlayed ? Math.min(...played) : null;
  const status: LessonStatus = score === null ? 'incomplete' : score >= scope.masteryScore ? 'passed' : 'failed';
  return { status, score, done: played.length, total: ids.length, passed };
}

/**
 * `cmi.core.student_name` ("Last, First" in SCORM 1.2) as people write it: "First Last".
 * Anything else is returned trimmed as it came.
 */
export function learnerName(studentName: string): string {
  const parts = studentName.split(',').map((p) => p.trim());
  if (parts.length === 2 && parts[0] && parts[1]) return `${parts[1]} ${parts[0]}`;
  return studentName.trim();
}
