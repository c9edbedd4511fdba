/**
 * Golden transcripts: each tests/fixtures/transcripts/<name>.yaml names a scenario and either a
 * `play` script (choices, interrupt, silent, speed) or raw machine `events`; the transcript and
 * score it produces must equal <name>.expected.json. Adding a fixture adds a test.
 *
 * Regenerate after an intended change: UPDATE_GOLDEN=1 npx vitest run tests/conversation/golden.test.ts
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { parse } from 'yaml';
import { playScript } from '../../src/analysis/play.ts';
import { READING_SPEEDS, type ReadingSpeed } from '../../src/conversation/constants.ts';
import type { ConversationEvent } from '../../src/conversation/context.ts';
import { createConversationMachine } from '../../src/conversation/machine.ts';
import type { Transcript } from '../../src/conversation/transcript.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import type { Scenario } from '../../src/scenario/model.ts';
import { scoreConversation } from '../../src/scoring/score.ts';

const fixtureDir = join(import.meta.dirname, '..', 'fixtures', 'transcripts');
const fixtures = readdirSync(fixtureDir).filter((f) => f.endsWith('.yaml')).sort();
const updating = process.env.UPDATE_GOLDEN === '1';

interface Fixture {
  scenario: string;
  choices?: number[];
  interrupt?: number[];
  silent?: number[];
  speed?: ReadingSpeed;
  events?: ConversationEvent[];
}

function runEvents(scenario: Scenario, events: readonly ConversationEvent[]): Transcript {
  const actor = createActor(createConversationMachine(scenario)).start();
  for (const event of events) actor.send(event);
  const transcript = actor.getSnapshot().context.transcript;
  actor.stop();
  return transcript;
}

function produce(fixtureFile: string): { transcript: Transcript; score: ReturnType<typeof scoreConversation> } {
  const fixture = parse(readFileSync(join(fixtureDir, fixtureFile), 'utf8')) as Fixture;
  const scenarioPath = join(dirname(join(fixtureDir, fixtureFile)), fixture.scenario);
  const { scenario, diagnostics } = loadScenario(readFileSync(scenarioPath, 'utf8'), fixture.scenario);
  if (!scenario) throw new Error(`${fixtureFile}: the scenario does not load: ${diagnostics.map((d) => d.message).join('; ')}`);
  let transcript: Transcript;
  if (fixture.events) {
    transcript = runEvents(scenario, fixture.events);
  } else {
    const result = playScript(scenario, {
      choices: fixture.choices ?? [],
      interrupt: fixture.interrupt,
      silent: fixture.silent,
      charsPerSecond: READING_SPEEDS[fixture.speed ?? 'normal'],
    });
    if (!result.ok) throw new Error(`${fixtureFile}: ${result.error}`);
    transcript = result.transcript;
  }
  return { transcript, score: scoreConversation(scenario, transcript) };
}

describe('golden transcripts', () => {
  it('has fixtures to check', () => {
    expect(fixtures.length).toBeGreaterThan(0);
  });

  it.each(fixtures)('%s', (file) => {
    const actual = produce(file);
    const expectedFile = join(fixtureDir, file.replace(/\.yaml$/, '.expected.json'));
    if (updating) {
      writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
      return;
    }
    expect(existsSync(expectedFile), `${expectedFile} is missing: run UPDATE_GOLDEN=1 npx vitest run tests/conversation/golden.test.ts`).toBe(true);
    expect(JSON.parse(JSON.stringify(actual))).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
  });
});
