/**
 * The conversation engine's public API: the machine, its selectors, the real-time driver and
 * the clocks. See docs/scoring.md for how a finished transcript is scored.
 *
 * Wiring a scene (the scene renders; the machine decides; the driver keeps time):
 * @example
 * const actor = createActor(createConversationMachine(scenario));
 * const driver = createConversationDriver(actor, createRealClock(), { charsPerSecond: READING_SPEEDS.normal });
 * driver.onLine(({ line, durationMs }) => showCaption(line.text, durationMs)); // each customer line as it starts
 * actor.subscribe((snapshot) => render({
 *   phase: selectPhase(snapshot),               // speaking | awaiting | reacting | paused | ended
 *   replies: selectVisibleReplies(snapshot),    // [{ id, text, index: 1..4 }]
 *   wouldInterrupt: selectWouldInterrupt(snapshot),
 *   mood: selectMood(snapshot),
 *   progress: driver.progress(),                // line and silence progress, 0..1
 * }));
 * // keys 1..4: driver.choose(reply.id); Space: driver.pause() / driver.resume()
 * // at the end: scoreConversation(scenario, selectTranscript(actor.getSnapshot()))
 * // leaving the scene: driver.dispose()
 */
export { createConversationMachine, conversationSetup, type ConversationMachine } from './machine.ts';
export type {
  ActivePhase,
  Checkpoint,
  ConversationContext,
  ConversationEvent,
  NodeVisit,
  PendingMove,
  Phase,
  Reaction,
  WalkOutReason,
} from './context.ts';
export { interruptionOf, silenceRuleOf, settleDecision } from './rules.ts';
export * from './selectors.ts';
export * from './transcript.ts';
export { INTERRUPTION_MOOD, READING_SPEEDS, DEFAULT_CHARS_PER_SECOND, type ReadingSpeed } from './constants.ts';
/**
 * Default customer reactions in each scenario language, used when neither the node nor the
 * scenario gives its own line. The table lives with the loader (`src/scenario/defaults.ts`,
 * which fills the scenario's default silence rule from it, and which the engine's rules import);
 * re-exported here once, so scene code can take them with the rest of the engine's API.
 */
export {
  defaultInterruptedLine,
  defaultSilencePrompt,
  defaultVentingCalmerLine,
  defaultWalksOutLine,
  engineSilenceRule,
} from '../scenario/defaults.ts';
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
