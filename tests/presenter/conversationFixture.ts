/** A small normalized scenario and translators shared by the presenter tests. */
import { createActor } from 'xstate';
import { createConversationMachine } from '../../src/conversation/machine.ts';
import { selectCustomerLines, selectPhase } from '../../src/conversation/selectors.ts';
import type { Transcript } from '../../src/conversation/transcript.ts';
import { createI18n, rawMessage } from '../../src/i18n/index.ts';
import type { Translate } from '../../src/presenter/conversationText.ts';
import { engineSilenceRule } from '../../src/scenario/defaults.ts';
import type { Reply, Scenario, ScenarioNode } from '../../src/scenario/model.ts';
import type { Language } from '../../src/scenario/vocabulary.ts';

function reply(partial: Partial<Reply> & Pick<Reply, 'id' | 'say' | 'next'>): Reply {
  return { tags: [], mood: 0, set: {}, add: {}, preferred: false, ...partial };
}

function node(partial: Partial<ScenarioNode> & Pick<ScenarioNode, 'id' | 'says'>): ScenarioNode {
  return { venting: false, earlyReplies: false, replies: [], branches: [], ...partial };
}

/** The kettle scenario, in the shape the loader produces. */
export function kettleScenario(): Scenario {
  const nodes: Record<string, ScenarioNode> = {
    arrival: node({
      id: 'arrival',
      says: [
        { text: 'This is the second kettle from you that has died in a month.', expression: 'angry' },
        { text: 'I took a morning off for this. What are you going to do about it?', expression: 'angry' },
      ],
      venting: true,
      earlyReplies: true,
      facilitator: 'Ask the room what Marja needs to hear first.',
      silence: { after: 10, tags: ['indifference'], mood: 10, next: 'receipt', walksOutAfter: 2 },
      replies: [
        reply({ id: 'acknowledge', say: "That sounds really frustrating. Let's get it sorted today.", tags: ['empathy', 'ownership'], mood: -15, feedback: 'Naming her frustration first lowers the temperature.', next: 'receipt' }),
        reply({ id: 'dropped', say: "Did it get dropped, maybe? They don't usually break.", tags: ['judging'], mood: 20, feedback: 'Suggesting she broke it blames her.', better: 'acknowledge', next: 'receipt' }),
        reply({ id: 'shout', say: 'Calm down or leave!', tags: ['tyranny'], mood: 40, feedback: 'Raising your voice frightens and fails the contact.', better: 'acknowledge', next: 'gone' }),
      ],
    }),
    receipt: node({
      id: 'receipt',
      says: [{ text: "I don't have the receipt any more.", expression: 'annoyed' }],
      replies: [
        reply({ id: 'look-up', say: 'I can find it from your card payment.', tags: ['expertise', 'efficiency'], mood: -10, next: 'replace' }),
        reply({ id: 'rules', say: "Without a receipt there's nothing I can do.", tags: ['indifference'], mood: 15, feedback: 'Hiding behind the rule leaves her alone with the problem.', better: 'look-up', next: 'gone' }),
      ],
    }),
    replace: node({
      id: 'replace',
      says: [{ text: 'Well. That was quicker than I feared.', expression: 'relieved' }],
      end: { outcome: 'resolved', satisfaction: 4, comment: "She was kind about it, and it didn't take all day." },
    }),
    gone: node({
      id: 'gone',
      says: [{ text: 'I will take my business elsewhere.', expression: 'furious' }],
      end: { outcome: 'unresolved', satisfaction: 1, comment: 'Nobody listened to me.' },
    }),
  };
  return {
    format: '1.1',
    id: 'kettle-returned-twice',
    title: 'The kettle that broke twice',
    language: 'en',
    difficulty: 2,
    minutes: 6,
    setting: 'shop',
    summary: 'Marja bought a kettle three weeks ago.',
    goals: ['Let an upset customer finish before you answer.'],
    facilitator: 'Pause after her first turn.',
    customer: { name: 'Marja', portrait: 'woman-60s', mood: 70, walksOutAt: 95 },
    variables: {},
    start: 'arrival',
    rubric: 'default',
    silence: engineSilenceRule('en'),
    nodes,
    nodeOrder: Object.keys(nodes),
  };
}

/**
 * A translator that fails the test on a key missing in that language, so every key a presenter
 * uses is proven to exist in both dictionaries.
 */
export function strictTranslate(language: Language): Translate {
  const { t } = createI18n(language);
  return (key, params) => {
    if (rawMessage(language, key) === undefined) throw new Error(`missing ${language} message: ${key}`);
    return t(key as Parameters<typeof t>[0], params as Record<string, string | number>);
  };
}

/** A step of a scripted conversation: answer (after the customer finished, or interrupting), or stay silent. */
export type Step = { choose: string; interrupt?: boolean; afterMs?: number } | { silent: true };

/**
 * Play `steps` through the real conversation machine and return its transcript. Each turn the
 * customer speaks every line (1 s apart) unless the step interrupts after the first line.
 */
export function playTranscript(scenario: Scenario, steps: readonly Step[]): Transcript {
  const actor = createActor(createConversationMachine(scenario)).start();
  let at = 0;
  const speakTurn = (stopAfterFirst: boolean) => {
    const lines = selectCustomerLines(actor.getSnapshot());
    for (const [index] of lines.entries()) {
      actor.send({ type: 'customer.startedLine', index, at });
      at += 1000;
      if (stopAfterFirst) return;
    }
    actor.send({ type: 'customer.finishedSpeaking', at });
  };
  for (const step of steps) {
    const interrupt = 'choose' in step && step.interrupt === true;
    speakTurn(interrupt);
    if ('silent' in step) {
      at += 10_000;
      actor.send({ type: 'trainee.silent', at });
    } else {
      at += interrupt ? 1500 : (step.afterMs ?? 1500);
      actor.send({ type: 'trainee.choose', choiceId: step.choose, at, remainingMs: interrupt ? 2000 : 0 });
    }
    // A reaction line (interrupted or silence) is spoken before the next node.
    if (selectPhase(actor.getSnapshot()) === 'reacting') speakTurn(false);
  }
  if (selectPhase(actor.getSnapshot()) === 'speaking') speakTurn(false);
  const transcript = actor.getSnapshot().context.transcript;
  actor.stop();
  return transcript;
}
