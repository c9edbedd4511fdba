/** Classroom mode's pure core: the session, the trainer's commands, the sync messages, the summary and the export. */
export * from './session.ts';
export * from './commands.ts';
export * from './protocol.ts';
export * from './roomClock.ts';
export * from './summary.ts';
export * from './export.ts';
export * from './keys.ts';
export * from './url.ts';
export * from './snapshot.ts';
