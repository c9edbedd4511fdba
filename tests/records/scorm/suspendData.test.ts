import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { courseReport } from '../../../src/records/scorm/course.ts';
import { emptyProgress, recordAttempt, restoredRecords, summaryFromRecord, type AttemptSummary, type ScormProgress } from '../../../src/records/scorm/progress.ts';
import { decodeSuspendData, encodeSuspendData, SUSPEND_DATA_LIMIT } from '../../../src/records/scorm/suspendData.ts';
import { LANGUAGES, OUTCOMES } from '../../../src/scenario/vocabulary.ts';
import { attemptRecordSchema } from '../../../src/storage/records.ts';
import { record } from '../../storage/fixtures.ts';

const score = fc.integer({ min: 0, max: 1000 }).map((n) => n / 10);
const attemptArb = (ids: readonly string[]) =>
  fc.record({
    id: fc.string({ minLength: 1, maxLength: 80 }),
    scenarioId: fc.constantFrom(...ids),
    language: fc.constantFrom(...LANGUAGES),
    finishedAt: fc.integer({ min: 0, max: 4_102_444_800 }).map((s) => s * 1000),
    durationS: fc.integer({ min: 0, max: 86_400 }),
    overall: score,
    autoFailed: fc.boolean(),
    outcome: fc.constantFrom(...OUTCOMES),
    satisfaction: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
    virtues: fc.option(fc.tuple(score, score, score, score), { nil: null }),
    ruiners: fc.tuple(...Array.from({ length: 5 }, () => fc.integer({ min: 0, max: 500 }))) as fc.Arbitrary<AttemptSummary['ruiners']>,
  });

/** Progress built the way the bridge builds it: attempt by attempt. */
const progressArb = fc
  .uniqueArray(fc.string({ minLength: 1, maxLength: 120 }), { minLength: 1, maxLength: 60 })
  .chain((ids) => fc.tuple(fc.constant(ids), fc.array(attemptArb(ids), { maxLength: 300 })))
  .map(([ids, attempts]) => ({ ids, progress: attempts.reduce<ScormProgress>(recordAttempt, emptyProgress()) }));

describe('cmi.suspend_data', () => {
  test('round-trips what a real attempt leaves behind', () => {
    const summary = summaryFromRecord(record({ id: 'a-mhx2k3-9f1c2a8z', overall: 72.46 }));
    const progress = recordAttempt(emptyProgress(), summary);
    const text = encodeSuspendData(progress);
    expect(decodeSuspendData(text)).toEqual({ progress, problem: null });
    expect(summary).toMatchObject({ overall: 72.5, durationS: 360, virtues: [80, 70, 65, 60], ruiners: [0, 1, 0, 0, 0] });
    expect(text.length).toBeLessThan(200);
  });

  test(`never over ${SUSPEND_DATA_LIMIT} characters, and what it drops is the oldest detail`, () => {
    fc.assert(
      fc.property(progressArb, ({ ids, progress }) => {
        const keep = ids.slice(0, 3);
        const text = encodeSuspendData(progress, { keep });
        expect(text.length).toBeLessThanOrEqual(SUSPEND_DATA_LIMIT);
        const { progress: back, problem } = decodeSuspendData(text);
        expect(problem).toBeNull();
        // The attempts kept are the newest ones, in order.
        const kept = back.attempts.map((a) => a.id);
        const newest = progress.attempts.filter((a) => back.scenarios[a.scenarioId]).map((a) => a.id).slice(-kept.length || Infinity);
        expect(kept).toEqual(kept.length ? newest : []);
        // Scenario summaries come back exactly, for every scenario that fits.
        for (const [id, p] of Object.entries(back.scenarios)) expect(p).toEqual(progress.scenarios[id]);
      }),
      { numRuns: 150 },
    );
  });

  test('a package of ordinary size keeps its course status however long the history gets', () => {
    fc.assert(
      fc.property(
        fc.array(attemptArb(['late-birthday-parcel', 'kettle-returned-twice', 'elderly-online-bank']), { minLength: 1, maxLength: 400 }),
        (attempts) => {
          const progress = attempts.reduce<ScormProgress>(recordAttempt, emptyProgress());
          const scope = { scenarioIds: Object.keys(progress.scenarios), masteryScore: 65 };
          const back = decodeSuspendData(encodeSuspendData(progress, { keep: scope.scenarioIds })).progress;
          expect(courseReport(back, scope)).toEqual(courseReport(progress, scope));
          expect(back.attempts.length).toBeGreaterThanOrEqual(Math.min(attempts.length, 25));
        },
      ),
      { numRuns: 100 },
    );
  });

  test('the package\'s own scenarios are the last to be dropped', () => {
    const long = (n: number) => `${'x'.repeat(190)}-${n}`;
    let progress = emptyProgress();
    for (let n = 0; n < 40; n += 1) progress = recordAttempt(progress, { ...summaryFromRecord(record({ id: `a-${n}` })), scenarioId: long(n) });
    const keep = [long(39), long(38)];
    const back = decodeSuspendData(encodeSuspendData(progress, { keep })).progress;
    expect(Object.keys(back.scenarios)).toEqual(expect.arrayContaining(keep));
    expect(Object.keys(back.scenarios).length).toBeLessThan(40);
  });

  test('unreadable data is a fresh start with a reason, never an exception', () => {
    for (const text of ['not json', '{"v":9}', '[]', '{"v":1,"s":[["a",200,1]],"a":[]}', 'null', '{"v":1,"s":[],"a":[["x",5,"en","1",1,1,0,0,0,0,[0,0,0,0,0]]]}']) {
      const result = decodeSuspendData(text);
      expect(result.progress.attempts.length).toBe(0);
      if (text !== '{"v":1,"s":[],"a":[["x",5,"en","1",1,1,0,0,0,0,[0,0,0,0,0]]]}') expect(result.problem).toMatch(/starting afresh/);
    }
    expect(decodeSuspendData('')).toEqual({ progress: emptyProgress(), problem: null });
  });

  test('recording the same attempt twice counts it once', () => {
    const a = summaryFromRecord(record());
    const once = recordAttempt(emptyProgress(), a);
    expect(recordAttempt(once, a)).toBe(once);
    expect(once.scenarios['kettle-returned']).toEqual({ best: 72, attempts: 1 });
  });

  test('restored attempts are valid saved records the results store accepts', () => {
    const progress = [record({ id: 'a-1', overall: 40 }), record({ id: 'a-2', overall: 81, virtues: null, satisfaction: null })]
      .map(summaryFromRecord)
      .reduce(recordAttempt, emptyProgress());
    const records = restoredRecords(decodeSuspendData(encodeSuspendData(progress)).progress, () => 'The kettle, again');
    for (const r of records) expect(attemptRecordSchema.safeParse(r).success).toBe(true);
    expect(records.map((r) => [r.id, r.overall, r.startedAt])).toEqual([
      ['a-1', 40, '2026-11-20T10:00:00.000Z'],
      ['a-2', 81, '2026-11-20T10:00:00.000Z'],
    ]);
  });
});

describe('course status and score', () => {
  const scope = { scenarioIds: ['a', 'b', 'c'], masteryScore: 65 };
  const play = (progress: ScormProgress, scenarioId: string, overall: number, id: string) =>
    recordAttempt(progress, { ...summaryFromRecord(record({ id, overall })), scenarioId });

  test('incomplete and unscored while scenarios remain, however well they went', () => {
    let p = play(emptyProgress(), 'a', 100, '1');
    p = play(p, 'b', 100, '2');
    expect(courseReport(p, scope)).toEqual({ status: 'incomplete', score: null, done: 2, total: 3, passed: 2 });
  });

  test('once all are played: the lowest best score, passed at the mastery score', () => {
    let p = play(emptyProgress(), 'a', 90, '1');
    p = play(p, 'b', 70, '2');
    p = play(p, 'c', 40, '3');
    expect(courseReport(p, scope)).toEqual({ status: 'failed', score: 40, done: 3, total: 3, passed: 2 });
    p = play(p, 'c', 30, '4');
    expect(courseReport(p, scope).score).toBe(40);
    p = play(p, 'c', 65, '5');
    expect(courseReport(p, scope)).toEqual({ status: 'passed', score: 65, done: 3, total: 3, passed: 3 });
  });

  test('scenarios outside the package do not count', () => {
    const p = play(emptyProgress(), 'elsewhere', 100, '1');
    expect(courseReport(p, { scenarioIds: ['a'], masteryScore: 65 })).toMatchObject({ status: 'incomplete', done: 0, total: 1 });
  });
});
