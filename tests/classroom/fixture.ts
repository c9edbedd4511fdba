/** A bundled scenario, a session and a finished transcript for the classroom tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { enumeratePaths } from '../../src/analysis/paths.ts';
import type { ConversationState } from '../../src/classroom/commands.ts';
import { newSession, type RoomSession } from '../../src/classroom/session.ts';
import type { Transcript } from '../../src/conversation/transcript.ts';
import type { Scenario } from '../../src/scenario/model.ts';
import { loadScenario } from '../../src/scenario/load.ts';

export const FILE = 'scenarios/late-birthday-parcel.en.yaml';

export function parcelScenario(): Scenario {
  const text = readFileSync(join(import.meta.dirname, '..', '..', FILE), 'utf8');
  const scenario = loadScenario(text, FILE).scenario;
  if (!scenario) throw new Error(`${FILE} did not load`);
  return scenario;
}

export function session(overrides: Partial<RoomSession> = {}): RoomSession {
  return { ...newSession({ id: 'abc123', file: FILE, scenarioId: 'late-birthday-parcel', title: 'Parcel', now: 1_000 }), ...overrides };
}

/** A room deciding between four replies at decision `decisionCount`. */
export function awaiting(decisionCount = 0, replyIds = ['a', 'b', 'c', 'd']): ConversationState {
  return { phase: 'awaiting', nodeId: 'n1', decisionCount, replyIds, canAnswer: true };
}

/** A complete path through the scenario, taking the highest-value reply first. */
export function finishedTranscript(scenario: Scenario): Transcript {
  const path = enumeratePaths(scenario, { order: 'best-first', maxPaths: 1, excludeAutoFail: true }).paths[0];
  if (!path?.complete) throw new Error('no complete path');
  return path.transcript;
}

/** A complete path taking the first reply on offer at every decision. */
export function firstReplyTranscript(scenario: Scenario): Transcript {
  const path = enumeratePaths(scenario, { order: 'file', maxPaths: 1 }).paths[0];
  if (!path) throw new Error('no path');
  return path.transcript;
}
