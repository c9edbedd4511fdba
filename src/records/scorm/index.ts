/** SCORM 1.2, the pure part: finding the API, talking to it safely, and what is reported. */
export { findScormApi, findApiInParents, isScorm12Api, MAX_PARENT_STEPS } from './api.ts';
export type { Scorm12Api, WindowLike } from './api.ts';
export { ScormConnection } from './connection.ts';
export type { ScormProblem } from './connection.ts';
export { cmiTimespan, parseCmiTimespan, MAX_TIMESPAN_MS } from './time.ts';
export { emptyProgress, recordAttempt, restoredRecords, roundScore, summaryFromRecord } from './progress.ts';
export type { AttemptSummary, ScenarioProgress, ScormProgress } from './progress.ts';
export { decodeSuspendData, encodeSuspendData, SUSPEND_DATA_LIMIT } from './suspendData.ts';
export { courseReport, learnerName } from './course.ts';
export type { CourseReport, LessonStatus, PackageScope } from './course.ts';
export { scormManifest, SCORM12_SCHEMA_FILES } from './manifest.ts';
export type { ManifestOptions } from './manifest.ts';
