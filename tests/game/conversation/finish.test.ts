import { describe, expect, it } from 'vitest';
import { attemptRecord, finishConversation } from '../../../src/game/conversation/finish.ts';
import { moodSound } from '../../../src/game/conversation/moodSound.ts';
import { scoreConversation } from '../../../src/scoring/index.ts';
import { attemptRecordSchema } from '../../../src/storage/records.ts';
import { createStore, memoryBackend, type Store } from '../../../src/storage/index.ts';
import { kettleScenario, playTranscript } from '../../presenter/conversationFixture.ts';

const scenario = kettleScenario();
const started = new Date('2026-11-23T10:00:00Z');

describe('attemptRecord', () => {
  it('builds a record the store accepts, with counts per trust-ruiner and every decision', () => {
    // Cut off, the customer picks up again and the same replies open: acknowledge again, then the rules.
    const transcript = playTranscript(scenario, [{ choose: 'acknowledge', interrupt: true }, { choose: 'acknowledge' }, { choose: 'rules' }]);
    const score = scoreConversation(scenario, transcript);
    const record = attemptRecord(scenario, score, started, new Date('2026-11-23T10:05:00Z'));
    expect(attemptRecordSchema.safeParse(record).success).toBe(true);
    expect(record).toMatchObject({ scenarioId: 'kettle-returned-twice', language: 'en', overall: score.overall, autoFailed: false });
    expect(record.ruiners).toEqual({ indifference: 1, impatience: 1, judging: 0, arrogance: 0, tyranny: 0 });
    expect(record.decisions.map((d) => [d.index, d.choiceId, d.interrupted])).toEqual([[0, 'acknowledge', true], [1, 'acknowledge', false], [2, 'rules', false]]);
  });

  it('keeps the auto-fail reason', () => {
    const transcript = playTranscript(scenario, [{ choose: 'shout' }]);
    const record = attemptRecord(scenario, scoreConversation(scenario, transcript), started, started);
    expect(record.autoFailed).toBe(true);
    expect(record.autoFailReason).toBe('tyranny in decision 1');
    expect(record.overall).toBe(0);
  });
});

describe('finishConversation', () => {
  it('saves the attempt and reports it saved', async () => {
    const store = createStore(memoryBackend());
    const result = await finishConversation({ ready: async () => undefined, store }, scenario, playTranscript(scenario, [{ choose: 'acknowledge' }, { choose: 'look-up' }]), started);
    expect(result.saved).toBe(true);
    expect(store.results().map((r) => r.id)).toEqual([result.record.id]);
  });

  it('still returns the score when saving fails', async () => {
    const full = { ...createStore(memoryBackend()), addResult: () => ({ ok: false as const, reason: 'quota' as const, message: 'full' }) } as Store;
    const result = await finishConversation({ ready: async () => undefined, store: full }, scenario, playTranscript(scenario, [{ choose: 'shout' }]), started);
    expect(result.saved).toBe(false);
    expect(result.score.overall).toBe(0);
  });

  it('still returns the score when the store cannot even load', async () => {
    const broken = { ready: () => Promise.reject(new Error('no storage')), get store(): Store { throw new Error('not loaded'); } };
    const result = await finishConversation(broken, scenario, playTranscript(scenario, [{ choose: 'acknowledge' }, { choose: 'look-up' }]), started);
    expect(result.saved).toBe(false);
    expect(result.score.outcome).toBe('resolved');
  });
});

describe('moodSound', () => {
  it('huffs when the customer boils up, sighs when uneasy, breathes out when calmer, and the door on a walk-out', () => {
    expect(moodSound(60, 75, null)).toBe('huff');
    expect(moodSound(30, 45, null)).toBe('sigh');
    expect(moodSound(70, 55, null)).toBe('relieved');
    expect(moodSound(50, 53, null)).toBeNull();
    expect(moodSound(80, 100, playTranscript(scenario, [{ choose: 'shout' }]))).toBe('door');
  });
});
