import { describe, expect, it } from 'vitest';
import { playScript } from '../../src/analysis/play.ts';
import { decisionsOf, endingOf } from '../../src/conversation/transcript.ts';
import { kettleScenario } from '../conversation/helpers/builder.ts';

const kettle = kettleScenario();

describe('playScript', () => {
  it('plays choices among visible replies to an ending', () => {
    const result = playScript(kettle, { choices: [1, 1] });
    expect(result.ok).toBe(true);
    expect(decisionsOf(result.transcript).map((d) => d.choiceId)).toEqual(['acknowledge', 'look-up']);
    expect(endingOf(result.transcript)?.outcome).toBe('resolved');
  });

  it('interrupts and stays silent where told, without using a choice for the silence', () => {
    const result = playScript(kettle, { choices: [1], interrupt: [], silent: [1] });
    expect(result.ok).toBe(true);
    const [first, second] = decisionsOf(result.transcript);
    expect(first).toMatchObject({ kind: 'silence', nodeId: 'arrival' });
    expect(second).toMatchObject({ choiceId: 'look-up' });
    const interrupted = playScript(kettle, { choices: [1, 1], interrupt: [1] });
    expect(decisionsOf(interrupted.transcript)[0]).toMatchObject({ interrupted: true, at: 1000 });
  });

  it.each([
    [{ choices: [1, 3] }, 'decision 2 at node `receipt` has 2 replies, so choice 3 does not exist'],
    [{ choices: [1] }, 'the choices ran out: decision 2 at node `receipt` needs a reply (2 replies offered)'],
    [{ choices: [1, 1, 1] }, 'the conversation ended after 2 decisions, but 1 more choice was given'],
    [{ choices: [1, 1], interrupt: [2] }, 'decision 2 at node `receipt` cannot be interrupted: its replies only show once the customer has finished'],
    [{ choices: [2, 1], silent: [1, 2, 3] }, 'the conversation ended after 4 decisions, but 1 more choice was given'],
    [{ choices: [1, 1], silent: [1], interrupt: [1] }, 'decision 1 cannot be both an interruption and a silence'],
    [{ choices: [1, 1], silent: [5] }, 'the conversation ended after 2 decisions, so there is no decision 5'],
  ])('explains a script that does not fit: %j', (script, message) => {
    const result = playScript(kettle, script);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error).toBe(message);
  });
});
