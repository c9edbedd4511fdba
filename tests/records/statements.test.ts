import { describe, expect, it } from 'vitest';
import {
  EXTENSIONS,
  EXTENSION_BASE,
  VERBS,
  activityId,
  completedStatement,
  decisionStatement,
  initializedStatement,
  isoDuration,
  isUuid,
  testStatement,
  uuidV4,
  type CompletionFacts,
  type DecisionFacts,
} from '../../src/records/xapi/statements.ts';
import { base, xapiProblems } from './xapiFixtures.ts';

const decision: DecisionFacts = {
  index: 2,
  nodeId: 'second-complaint',
  kind: 'reply',
  choiceId: 'own-it',
  replyText: 'Olen pahoillani, hoidan tämän nyt.',
  choices: [
    { id: 'own-it', text: 'Olen pahoillani, hoidan tämän nyt.' },
    { id: 'policy', text: 'Ohjeemme mukaan…' },
  ],
  tags: ['ownership', 'acknowledging'],
  moodBefore: -40,
  moodAfter: -15,
  interrupted: false,
  responseMs: 2350,
};

const completion: CompletionFacts = {
  overall: 72,
  passMark: 70,
  autoFail: null,
  virtues: { friendliness: 80, expertise: 70, composure: 65, efficiency: 60 },
  ruiners: { indifference: 0, impatience: 1, judging: 0, arrogance: 0, tyranny: 0 },
  outcome: 'resolved',
  satisfaction: 4,
  interruptions: 1,
  waits: 0,
  durationMs: 361_250,
};

describe('xAPI statements', () => {
  it('initialized: valid, with the scenario as a simulation activity under the base IRI', () => {
    const s = initializedStatement(base());
    expect(xapiProblems(s)).toEqual([]);
    expect(s.verb).toEqual(VERBS.initialized);
    expect(s.object).toMatchObject({
      id: 'https://training.example.com/calm-desk/kettle-returned-twice',
      definition: { type: 'http://adlnet.gov/expapi/activities/simulation', name: { fi: 'Kattila, taas' } },
    });
    expect(s.context).toMatchObject({
      registration: '6f1c2a4e-8b7d-4c3e-9a1b-2d3e4f5a6b7c',
      platform: 'Calm Desk',
      language: 'fi',
      extensions: { [EXTENSIONS.attemptId]: '6f1c2a4e-8b7d-4c3e-9a1b-2d3e4f5a6b7c' },
    });
  });

  it('responded: valid, with the choice id and text, tags, mood before and after, interruption and response time', () => {
    const s = decisionStatement(base(), decision);
    expect(xapiProblems(s)).toEqual([]);
    expect(s.verb.id).toBe('http://adlnet.gov/expapi/verbs/responded');
    expect(s.object.id).toBe('https://training.example.com/calm-desk/kettle-returned-twice/decisions/second-complaint');
    expect(s.object.definition).toMatchObject({ interactionType: 'choice', choices: [{ id: 'own-it' }, { id: 'policy', description: { fi: 'Ohjeemme mukaan…' } }] });
    expect(s.result).toEqual({
      response: 'own-it',
      extensions: {
        [EXTENSIONS.decisionIndex]: 2,
        [EXTENSIONS.decisionKind]: 'reply',
        [EXTENSIONS.replyText]: 'Olen pahoillani, hoidan tämän nyt.',
        [EXTENSIONS.tags]: ['ownership', 'acknowledging'],
        [EXTENSIONS.moodBefore]: -40,
        [EXTENSIONS.moodAfter]: -15,
        [EXTENSIONS.interrupted]: false,
        [EXTENSIONS.responseMs]: 2350,
      },
    });
    expect(s.context?.contextActivities?.parent?.[0]?.id).toBe('https://training.example.com/calm-desk/kettle-returned-twice');
  });

  it('responded for a silence and for an interruption: still valid', () => {
    const silence = decisionStatement(base(), { ...decision, kind: 'silence', choiceId: null, replyText: '', tags: ['listening'] });
    expect(xapiProblems(silence)).toEqual([]);
    expect(silence.result?.response).toBeUndefined();
    const cut = decisionStatement(base(), { ...decision, interrupted: true, responseMs: -1800.4, tags: ['impatience'] });
    expect(xapiProblems(cut)).toEqual([]);
    expect(cut.result?.extensions).toMatchObject({ [EXTENSIONS.interrupted]: true, [EXTENSIONS.responseMs]: -1800 });
  });

  it('completed: valid, scaled score, success against the pass mark, ISO 8601 duration, trust-ruiners as extensions', () => {
    const s = completedStatement(base(), completion);
    expect(xapiProblems(s)).toEqual([]);
    expect(s.verb.id).toBe('http://adlnet.gov/expapi/verbs/completed');
    expect(s.result).toMatchObject({ score: { scaled: 0.72, raw: 72, min: 0, max: 100 }, success: true, completion: true, duration: 'PT6M1.25S' });
    expect(s.result?.extensions).toMatchObject({
      [`${EXTENSION_BASE}trust-ruiner/impatience`]: 1,
      [`${EXTENSION_BASE}trust-ruiner/tyranny`]: 0,
      [`${EXTENSION_BASE}virtue/friendliness`]: 80,
      [EXTENSIONS.outcome]: 'resolved',
      [EXTENSIONS.satisfaction]: 4,
      [EXTENSIONS.passMark]: 70,
    });
  });

  it('completed below the pass mark, or auto-failed, is not a success', () => {
    expect(completedStatement(base(), { ...completion, overall: 69 }).result?.success).toBe(false);
    const failed = completedStatement(base(), { ...completion, overall: 0, autoFail: 'tyranny' });
    expect(xapiProblems(failed)).toEqual([]);
    expect(failed.result).toMatchObject({ success: false, score: { scaled: 0 } });
    expect(failed.result?.extensions?.[EXTENSIONS.autoFail]).toBe('tyranny');
    expect(completedStatement(base(), { ...completion, overall: 100, passMark: 100 }).result?.success).toBe(true);
  });

  it('stays valid with an account actor, an LMS registration, English and a base ending in #', () => {
    const s = completedStatement(
      base({
        actor: { objectType: 'Agent', account: { homePage: 'https://lms.example.com', name: 'u-1234' } },
        registration: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
        activityBase: 'urn:example:calm-desk#',
        attemptId: 'attempt-not-a-uuid',
        scenario: { id: 'parcel-late', title: 'The parcel is late', language: 'en' },
      }),
      completion,
    );
    expect(xapiProblems(s)).toEqual([]);
    expect(s.object.id).toBe('urn:example:calm-desk#parcel-late');
    expect(s.context?.registration).toBe('a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d');
  });

  it('leaves out the registration when the attempt id is no UUID and no LMS gave one', () => {
    const s = initializedStatement(base({ attemptId: 'attempt-abc' }));
    expect(s.context?.registration).toBeUndefined();
    expect(xapiProblems(s)).toEqual([]);
  });

  it('the validator does catch a broken statement (so the checks above mean something)', () => {
    const s = completedStatement(base(), completion);
    expect(xapiProblems({ ...s, actor: { mbox: 'aino@example.com' } })).not.toEqual([]);
    expect(xapiProblems({ ...s, result: { ...s.result, score: { scaled: 72 } } })).not.toEqual([]);
    expect(xapiProblems({ ...s, result: { ...s.result, duration: '6 minutes' } })).not.toEqual([]);
  });

  it('the connection test statement is valid and names no scenario', () => {
    const { scenario: _s, attemptId: _a, ...rest } = base();
    const s = testStatement(rest);
    expect(xapiProblems(s)).toEqual([]);
    expect(s.object.id).toBe('https://training.example.com/calm-desk/connection-test');
  });

  it('makes version 4 UUIDs, fresh each time', () => {
    const ids = new Set(Array.from({ length: 200 }, () => uuidV4()));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(isUuid(id)).toBe(true);
    expect(uuidV4((b) => b.fill(0))).toBe('00000000-0000-4000-8000-000000000000');
  });

  it('writes ISO 8601 durations to the hundredth of a second', () => {
    expect(isoDuration(0)).toBe('PT0S');
    expect(isoDuration(1234)).toBe('PT1.23S');
    expect(isoDuration(60_000)).toBe('PT1M');
    expect(isoDuration(3_725_500)).toBe('PT1H2M5.5S');
    expect(isoDuration(-5)).toBe('PT0S');
  });

  it('joins activity ids with one slash and escapes the parts', () => {
    expect(activityId('https://x.example/a', 'b')).toBe('https://x.example/a/b');
    expect(activityId('https://x.example/a/', 'b', 'c d')).toBe('https://x.example/a/b/c%20d');
  });
});
