/**
 * Headless play: runs a scripted conversation through the real machine and driver on a fake
 * clock. The `play` CLI command, golden-transcript tests and the analyzer's replays use it.
 *
 * Decisions are numbered from 1 in scripts, as trainers count them. `choices` are 1-based
 * positions among the replies visible at each decision, or reply ids (which stay right when a
 * writer reorders the replies); a decision listed in `silent` is a
 * silence and uses no entry of `choices`; a decision listed in `interrupt` picks its reply one
 * second into the customer's turn, while they are still talking.
 */
import { createActor } from 'xstate';
import { createConversationDriver } from '../conversation/driver.ts';
import { createFakeClock } from '../conversation/fakeClock.ts';
import { createConversationMachine } from '../conversation/machine.ts';
import { isDecisionNode } from '../conversation/rules.ts';
import { selectCurrentNode, selectPhase, selectVisibleReplies } from '../conversation/selectors.ts';
import type { Transcript } from '../conversation/transcript.ts';
import type { Scenario } from '../scenario/model.ts';

export interface PlayScript {
  /** Per replied decision: a 1-based position among the visible replies, or a reply id. */
  choices: readonly (number | string)[];
  interrupt?: readonly number[];
  silent?: readonly number[];
  /** How long the trainee thinks before replying, in ms (default 1500). */
  thinkMs?: number;
  /** Reading speed for the customer's lines (default: the driver's normal speed). */
  charsPerSecond?: number;
}

export type PlayResult =
  | { ok: true; transcript: Transcript }
  | { ok: false; error: string; transcript: Transcript };

const STEP_LIMIT = 10_000;
/** An interruption comes this far into the customer's turn (or just before its end). */
const INTERRUPT_AFTER_MS = 1000;

/** Plays a script to the end. Never throws: a script that does not fit returns a precise error. */
export function playScript(scenario: Scenario, script: PlayScript): PlayResult {
  const interrupt = new Set(script.interrupt ?? []);
  const silent = new Set(script.silent ?? []);
  const both = [...interrupt].find((k) => silent.has(k));
  if (both !== undefined) return { ok: false, error: `decision ${both} cannot be both an interruption and a silence`, transcript: [] };

  const clock = createFakeClock();
  const actor = createActor(createConversationMachine(scenario));
  const driver = createConversationDriver(actor, clock, { charsPerSecond: script.charsPerSecond });
  const thinkMs = Math.max(0, script.thinkMs ?? 1500);
  let cursor = 0;
  const finish = (error?: string): PlayResult => {
    const transcript = actor.getSnapshot().context.transcript;
    driver.dispose();
    return error === undefined ? { ok: true, transcript } : { ok: false, error, transcript };
  };

  try {
    for (let step = 0; step < STEP_LIMIT; step++) {
      const snapshot = actor.getSnapshot();
      const phase = selectPhase(snapshot);
      if (phase === 'ended') break;
      const k = snapshot.context.decisionCount + 1;
      const node = selectCurrentNode(snapshot);
      const at = `decision ${k} at node \`${snapshot.context.nodeId}\``;
      const atDecisionNode = node !== undefined && isDecisionNode(node);

      if (phase === 'speaking' && atDecisionNode && interrupt.has(k)) {
        if (!node.earlyReplies) return finish(`${at} cannot be interrupted: its replies only show once the customer has finished`);
        clock.advance(0);
        clock.advance(Math.min(INTERRUPT_AFTER_MS, Math.max(0, driver.progress().remainingSpeechMs - 1)));
        const error = chooseByNumber(driver.choose, snapshot.context.nodeId, k, script.choices[cursor++], actor);
        if (error) return finish(error);
        continue;
      }
      if (phase === 'awaiting') {
        if (silent.has(k)) {
          clock.runNext();
          continue;
        }
        const visible = selectVisibleReplies(snapshot);
        if (visible.length === 0) {
          // Nothing to say: every decision node has a silence rule (its own or the scenario's), so wait.
          clock.runNext();
          continue;
        }
        if (cursor >= script.choices.length) {
          return finish(`the choices ran out: ${at} needs a reply (${visible.length} ${plural(visible.length, 'reply', 'replies')} offered)`);
        }
        clock.advance(thinkMs);
        if (actor.getSnapshot().context.decisionCount + 1 !== k) return finish(`${at}: the silence time ran out before the reply (think time ${thinkMs} ms)`);
        const error = chooseByNumber(driver.choose, snapshot.context.nodeId, k, script.choices[cursor++], actor);
        if (error) return finish(error);
        continue;
      }
      if (!clock.runNext()) return finish(`${at}: nothing more happens (the scenario is stuck in ${phase})`);
    }
    const made = actor.getSnapshot().context.decisionCount;
    if (selectPhase(actor.getSnapshot()) !== 'ended') return finish(`the conversation did not end within ${STEP_LIMIT} steps`);
    if (cursor < script.choices.length) {
      return finish(`the conversation ended after ${made} ${plural(made, 'decision', 'decisions')}, but ${script.choices.length - cursor} more ${plural(script.choices.length - cursor, 'choice was', 'choices were')} given`);
    }
    const late = [...interrupt, ...silent].filter((k) => k > made).sort((a, b) => a - b)[0];
    if (late !== undefined) return finish(`the conversation ended after ${made} ${plural(made, 'decision', 'decisions')}, so there is no decision ${late}`);
    return finish();
  } catch (error) {
    return finish(`the conversation failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

function chooseByNumber(
  choose: (id: string) => void,
  nodeId: string,
  k: number,
  choice: number | string | undefined,
  actor: { getSnapshot(): Parameters<typeof selectVisibleReplies>[0] },
): string | null {
  const visible = selectVisibleReplies(actor.getSnapshot());
  const at = `decision ${k} at node \`${nodeId}\``;
  const offered = `${visible.length} ${plural(visible.length, 'reply', 'replies')}`;
  if (choice === undefined) return `the choices ran out: ${at} needs a reply (${offered} offered)`;
  if (typeof choice === 'string') {
    const reply = visible.find((r) => r.id === choice);
    if (!reply) return `${at} offers no reply \`${choice}\` (offered: ${visible.map((r) => r.id).join(', ') || 'none'})`;
    choose(reply.id);
    return null;
  }
  const reply = visible[choice - 1];
  if (!Number.isInteger(choice) || !reply) return `${at} has ${offered}, so choice ${choice} does not exist`;
  choose(reply.id);
  return null;
}
