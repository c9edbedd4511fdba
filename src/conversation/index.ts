/**
 * The conversation engine's public API: the machine, its selectors, the real-time driver and
 * the clocks. See docs/scoring.md for how a finished transcript is scored.
 */
export { createConversationMachine, conversationSetup, type ConversationMachine } from './machine.ts';
export type { ActivePhase, Checkpoint, ConversationContext, ConversationEvent, Phase } from './context.ts';
export * from './selectors.ts';
export * from './transcript.ts';
export { INTERRUPTION_MOOD, READING_SPEEDS, DEFAULT_CHARS_PER_SECOND, type ReadingSpeed } from './constants.ts';
export { defaultInterruptedLine } from './defaults.ts';
export {
  createConversationDriver,
  type ConversationDriver,
  type DriverOptions,
  type DriverProgress,
  type LineStartEvent,
} from './driver.ts';
export { createRealClock, type Clock } from './clock.ts';
export { createFakeClock, type FakeClock } from './fakeClock.ts';
export { lineDurationMs, planLines, type LinePlan } from './timing.ts';
