/** Saved settings and results: the public face of `src/storage`. */
export { createStore, SETTINGS_KEY, RESULTS_KEY, BACKUP_PREFIX } from './store.ts';
export type { Store, StoreOptions, SaveResult, ImportReport } from './store.ts';
export { browserStorage, memoryBackend } from './backend.ts';
export type { StorageLike } from './backend.ts';
export { noticeMessage } from './notices.ts';
export type { Notice, NoticeCode } from './notices.ts';
export { newAttemptId } from './records.ts';
export type { AttemptRecord, DecisionSummary, Virtues } from './records.ts';
export { defaultSettings, charsPerSecond, browserSettingsEnv, TEXT_SCALES, READING_SPEEDS } from './settings.ts';
export type { Settings, SettingsEnv, ReadingSpeed, TextScale } from './settings.ts';
export { downloadJson, exportFileName, pickTextFile, readTextFile } from './files.ts';
export { createYourFilesStore, browserSessionStorage, YOUR_FILES_KEY } from './yourFiles.ts';
export type { StoredFile, YourFilesStore, KeepResult } from './yourFiles.ts';
