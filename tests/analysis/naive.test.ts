import { describe, expect, it } from 'vitest';
import { bestReplyOf, gamedPolicies, naiveReport, NAIVE_POLICIES, pickReply, playPolicy, quantile, seededRandom } from '../../src/analysis/naive.ts';
import { playScript } from '../../src/analysis/play.ts';
import { scoreConversation } from '../../src/scoring/score.ts';
import type { Scenario } from '../../src/scenario/model.ts';
import { kettleScenario, reply, scenario } from '../conversation/helpers/builder.ts';

/** Repeats a run's printed `play` arguments through the play command and scores the result. */
function replayArgs(s: Scenario, playArgs: string): number {
  const args = playArgs.split(' ');
  const value = (flag: string): string[] => (args.includes(flag) ? args[args.indexOf(flag) + 1]!.replace(/"/g, '').split(',').filter(Boolean) : []);
  const result = playScript(s, { choices: value('--choices'), interrupt: value('--interrupt').map(Number), silent: value('--silent').map(Number), thinkMs: 2000 });
  expect(result.ok, result.ok ? '' : result.error).toBe(true);
  return scoreConversation(s, result.transcript).overall;
}

/** Three replies of different lengths; the longest is the trust-ruiner. */
const lengths = scenario({
  nodes: {
    ask: {
      says: ['My order is late.'],
      replies: [
        { id: 'mid', say: 'Let me look that up for you.', tags: ['ownership'], next: 'good', feedback: 'Owns it.' },
        { id: 'long', say: 'Well, as I already explained to you, deliveries are the courier\'s business, not ours.', tags: ['judging'], mood: 20, next: 'bad', feedback: 'Blames.' },
        { id: 'short', say: 'Okay.', tags: ['indifference'], mood: 10, next: 'bad', feedback: 'Shrugs.' },
      ],
    },
    good: { says: ['Thanks.'], end: 'resolved', satisfaction: 5 },
    bad: { says: ['Unbelievable.'], end: 'unresolved', satisfaction: 1 },
  },
});

describe('pickReply', () => {
  const replies = [
    reply({ id: 'a', say: 'Medium length reply.', tags: ['indifference'], next: 'x' }),
    reply({ id: 'b', say: 'Short.', tags: ['empathy', 'listening'], next: 'x' }),
    reply({ id: 'c', say: 'The longest reply of them all, by far.', tags: ['expertise', 'ownership'], mood: -10, next: 'x' }),
  ];
  const never = (): number => 0;

  it('picks by length, position, value and politeness', () => {
    expect(pickReply('longest', replies, never)?.id).toBe('c');
    expect(pickReply('shortest', replies, never)?.id).toBe('b');
    expect(pickReply('first', replies, never)?.id).toBe('a');
    expect(pickReply('interrupt', replies, never)?.id).toBe('a');
    expect(pickReply('best-interrupting', replies, never)?.id).toBe('c');
    expect(pickReply('polite', replies, never)?.id).toBe('b');
    expect(pickReply('random', replies, () => 0.99)?.id).toBe('c');
    expect(pickReply('random', replies, () => 0.4)?.id).toBe('b');
  });

  it('falls back for polite: first clean reply, else the first', () => {
    const noPolite = [replies[0]!, replies[2]!];
    expect(pickReply('polite', noPolite, never)?.id).toBe('c');
    expect(pickReply('polite', [replies[0]!], never)?.id).toBe('a');
  });

  it('prefers the reply marked preferred over the highest value', () => {
    const marked = [{ ...replies[2]! }, { ...replies[1]!, preferred: true }];
    expect(bestReplyOf(marked)?.id).toBe('b');
  });
});

describe('playPolicy', () => {
  it('plays the longest and shortest replies through the machine', () => {
    const longest = playPolicy(lengths, 'longest');
    expect(longest).toMatchObject({ outcome: 'unresolved', finished: true, decisions: 1, playArgs: '--choices long' });
    const first = playPolicy(lengths, 'first');
    expect(first).toMatchObject({ outcome: 'resolved', finished: true, playArgs: '--choices mid' });
    expect(first.overall).toBeGreaterThan(longest.overall);
    expect(playPolicy(lengths, 'shortest').playArgs).toBe('--choices short');
  });

  it('answers 2 s after the customer finished (not a wait, not an interruption)', () => {
    const run = playPolicy(lengths, 'first');
    expect(run.interruptions).toBe(0);
    expect(replayArgs(lengths, run.playArgs)).toBe(run.overall);
  });

  it('interrupts on nodes that allow it, as soon as the customer starts', () => {
    const kettle = kettleScenario();
    const run = playPolicy(kettle, 'interrupt');
    expect(run.interruptions).toBeGreaterThan(0);
    expect(run.playArgs).toContain('--interrupt 1');
    const best = playPolicy(kettle, 'best-interrupting');
    expect(best.interruptions).toBeGreaterThan(0);
    expect(best.playArgs.startsWith('--choices acknowledge')).toBe(true);
  });

  it('never answers with wait: every decision is a silence', () => {
    const kettle = kettleScenario();
    const run = playPolicy(kettle, 'wait');
    expect(run.decisions).toBeGreaterThan(0);
    expect(run.playArgs).toMatch(/^--choices "" --silent 1/);
    expect(replayArgs(kettle, run.playArgs)).toBe(run.overall);
  });

  it('stops a conversation that loops forever at the step cap', () => {
    const loop = scenario({
      nodes: {
        a: { says: ['Round one.'], replies: [{ id: 'on', next: 'b' }, { id: 'out', next: 'end' }] },
        b: { says: ['Round two.'], replies: [{ id: 'on', next: 'a' }, { id: 'out', next: 'end' }] },
        end: { end: 'resolved' },
      },
    });
    const run = playPolicy(loop, 'first', { stepCap: 200 });
    expect(run.finished).toBe(false);
    expect(run.outcome).toBeNull();
    expect(run.decisions).toBeGreaterThan(5);
  });
});

describe('naiveReport', () => {
  it('plays every policy, with random runs summed up as mean, p10 and p90', () => {
    const report = naiveReport(lengths, { runs: 200, seed: 7 });
    expect(Object.keys(report.policies)).toEqual([...NAIVE_POLICIES]);
    const random = report.policies.random;
    expect(random.runs).toBe(200);
    expect(random.p10).toBeLessThanOrEqual(random.mean);
    expect(random.mean).toBeLessThanOrEqual(random.p90);
    // Each of the three replies is picked about a third of the time.
    const first = report.policies.first.mean;
    expect(random.max).toBe(first);
    expect(random.mean).toBeLessThan(first);
    expect(random.mean).toBeGreaterThan(random.min);
    expect(report.policies.longest).toMatchObject({ runs: 1, unfinished: 0 });
  });

  it('is reproducible from its seed', () => {
    const a = naiveReport(kettleScenario(), { runs: 50, seed: 3 });
    const b = naiveReport(kettleScenario(), { runs: 50, seed: 3 });
    expect(a).toEqual(b);
  });

  it('names the policies whose mean is above the limit', () => {
    const report = naiveReport(lengths, { runs: 20 });
    const gamed = gamedPolicies(report, { naiveMax: report.policies.first.mean - 1, politeMax: 100 });
    expect(gamed.map((g) => g.policy)).toContain('first');
    expect(gamed.every((g) => g.mean > report.policies.first.mean - 1)).toBe(true);
  });
});

describe('quantile and seededRandom', () => {
  it('takes the nearest rank', () => {
    const sorted = Array.from({ length: 10 }, (_, i) => i + 1);
    expect(quantile(sorted, 0.1)).toBe(1);
    expect(quantile(sorted, 0.9)).toBe(9);
    expect(quantile([], 0.5)).toBe(0);
  });

  it('gives the same numbers for the same seed, in [0, 1)', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const xs = Array.from({ length: 100 }, () => a());
    expect(xs).toEqual(Array.from({ length: 100 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});
