/**
 * Runs a conversation through the real machine without a clock: the customer finishes each
 * turn at once, and the trainee acts by "picks" (indexes into the options at each decision).
 */
import { createActor } from 'xstate';
import { createConversationMachine } from '../../../src/conversation/machine.ts';
import { selectCurrentNode, selectPhase, selectVisibleReplies } from '../../../src/conversation/selectors.ts';
import type { Transcript } from '../../../src/conversation/transcript.ts';
import type { Scenario } from '../../../src/scenario/model.ts';

export interface RunOptions {
  /** Decision indexes (0-based) answered while the customer is still speaking, where allowed. */
  interrupt?: ReadonlySet<number>;
  /** Steps before giving up (loops). */
  maxSteps?: number;
}

/**
 * At decision k the trainee takes option `picks[k % picks.length] % options.length`, where the
 * options are the visible replies in order, then the silence (if the node has a rule).
 */
export function runPicks(scenario: Scenario, picks: readonly number[], options: RunOptions = {}): Transcript {
  const actor = createActor(createConversationMachine(scenario)).start();
  let at = 0;
  const maxSteps = options.maxSteps ?? 200;
  for (let step = 0; step < maxSteps; step++) {
    const snap = actor.getSnapshot();
    const phase = selectPhase(snap);
    if (phase === 'ended') break;
    at += 1000;
    const k = snap.context.decisionCount;
    const node = selectCurrentNode(snap);
    const replies = selectVisibleReplies(snap);
    const pick = picks.length > 0 ? picks[k % picks.length]! : 0;
    const count = replies.length + (node?.silence ? 1 : 0);
    const choice = count > 0 ? pick % count : 0;
    // An interruption makes the same choice the waiting trainee would make (a silence cannot interrupt).
    if (phase === 'speaking' && options.interrupt?.has(k) && node?.earlyReplies && choice < replies.length) {
      actor.send({ type: 'trainee.choose', choiceId: replies[choice]!.id, at, remainingMs: 500 });
      continue;
    }
    if (phase !== 'awaiting') {
      actor.send({ type: 'customer.finishedSpeaking', at });
      continue;
    }
    if (count === 0) break;
    if (choice < replies.length) actor.send({ type: 'trainee.choose', choiceId: replies[choice]!.id, at });
    else actor.send({ type: 'trainee.silent', at });
  }
  const transcript = actor.getSnapshot().context.transcript;
  actor.stop();
  return transcript;
}
