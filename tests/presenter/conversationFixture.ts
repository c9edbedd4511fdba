/** A small normalized scenario and translators shared by the presenter tests. */
import { createI18n, rawMessage } from '../../src/i18n/index.ts';
import type { Translate } from '../../src/presenter/conversationText.ts';
import type { Reply, Scenario, ScenarioNode } from '../../src/scenario/model.ts';
import type { Language } from '../../src/scenario/vocabulary.ts';

function reply(partial: Partial<Reply> & Pick<Reply, 'id' | 'say' | 'next'>): Reply {
  return { tags: [], mood: 0, set: {}, add: {}, ...partial };
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
      silence: { after: 10, tags: ['indifference'], mood: 10, next: 'receipt' },
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
