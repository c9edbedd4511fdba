/**
 * Trying a file in the game, without a browser: the check (the CLI's loader plus the bundled
 * rubrics), the card's text (word for word what `calm-desk lint` prints), Your files with their
 * last good version, and what a running conversation keeps when its file changes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { createConversationMachine } from '../../../src/conversation/machine.ts';
import { selectPhase } from '../../../src/conversation/selectors.ts';
import { carryOver } from '../../../src/game/authoring/carryOver.ts';
import { checkScenarioText, entryOf, tooLargeFile } from '../../../src/game/authoring/checkFile.ts';
import { diagnosticParts } from '../../../src/game/authoring/diagnosticsCard.ts';
import { YourFiles } from '../../../src/game/authoring/yourFiles.ts';
import { formatDiagnostic, PLAIN } from '../../../src/scenario/format.ts';
import type { Scenario } from '../../../src/scenario/model.ts';
import { memoryBackend, type StorageLike } from '../../../src/storage/backend.ts';
import { createYourFilesStore, YOUR_FILES_KEY } from '../../../src/storage/yourFiles.ts';

const VALID = readFileSync(new URL('../../fixtures/authoring/umbrella-desk.en.yaml', import.meta.url), 'utf8');
const BROKEN = readFileSync(new URL('../../fixtures/authoring/umbrella-broken.en.yaml', import.meta.url), 'utf8');
const RUBRICS = ['default'];

function scenarioOf(text: string): Scenario {
  const checked = checkScenarioText(text, 'umbrella.yaml', RUBRICS);
  if (!checked.scenario) throw new Error(checked.diagnostics.map((d) => d.message).join('\n'));
  return checked.scenario;
}

/** Storage that refuses every write as full, like a browser over its quota. */
function fullStorage(): StorageLike {
  const base = memoryBackend();
  return {
    ...base,
    get length() {
      return base.length;
    },
    setItem() {
      throw Object.assign(new Error('full'), { name: 'QuotaExceededError' });
    },
  };
}

describe('checking a file in the browser', () => {
  it('gives the loader\'s diagnostics, by code and position, and no scenario for a broken file', () => {
    const checked = checkScenarioText(BROKEN, 'umbrella-broken.en.yaml', RUBRICS);
    expect(checked.scenario).toBeNull();
    expect(checked.diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.column}`)).toEqual(['CD104 19:9', 'CD105 48:16']);
    expect(checked.errorCount).toBe(2);
  });

  it('checks the rubric a scenario names against the bundled rubrics (CD508), as lint does', () => {
    const checked = checkScenarioText(VALID.replace('difficulty: 1', 'difficulty: 1\nrubric: front-desk'), 'u.yaml', RUBRICS);
    expect(checked.diagnostics.map((d) => d.code)).toEqual(['CD508']);
    expect(checked.scenario).toBeNull();
    expect(checkScenarioText(VALID.replace('difficulty: 1', 'difficulty: 1\nrubric: front-desk'), 'u.yaml', ['default', 'front-desk']).scenario).not.toBeNull();
  });

  it('refuses a file over the size cap unread, with the loader\'s CD002', () => {
    const checked = tooLargeFile('huge.yaml', 3 * 1024 * 1024);
    expect(checked.diagnostics.map((d) => d.code)).toEqual(['CD002']);
    expect(checked.diagnostics[0]?.message).toBe('The file is 3072 KB; scenario files are limited to 160 KB.');
  });

  it('shows each diagnostic on the card as the CLI prints it', () => {
    const checked = checkScenarioText(BROKEN, 'umbrella-broken.en.yaml', RUBRICS);
    for (const d of checked.diagnostics) {
      const parts = diagnosticParts(d, checked.lines);
      const cli = formatDiagnostic(d, checked.lines, PLAIN);
      expect([parts.head, `  ${parts.hint}`, parts.excerpt].join('\n')).toBe(cli);
      expect(parts.head).toMatch(new RegExp(`^umbrella-broken\\.en\\.yaml:${d.range.start.line}:${d.range.start.column}: error ${d.code}: `));
    }
  });

  it('makes a briefing entry from a good file, marked by its your-files key', () => {
    const entry = entryOf('your-files/umbrella.yaml', checkScenarioText(VALID, 'umbrella.yaml', RUBRICS));
    expect(entry).toMatchObject({ file: 'your-files/umbrella.yaml', id: 'umbrella-desk', playable: true, title: 'The umbrella left at the desk' });
  });
});

describe('Your files', () => {
  it('keeps each file for the session, survives a reload, and removes on request', () => {
    const storage = memoryBackend();
    const files = new YourFiles(createYourFilesStore(storage), () => RUBRICS);
    const { file, keep } = files.open('umbrella.yaml', VALID);
    expect(keep).toEqual({ ok: true });
    expect(file.key).toBe('your-files/umbrella.yaml');
    files.open('broken.yaml', BROKEN);

    const reloaded = new YourFiles(createYourFilesStore(storage), () => RUBRICS);
    expect(reloaded.list().map((f) => [f.name, f.lastGood !== null])).toEqual([
      ['umbrella.yaml', true],
      ['broken.yaml', false],
    ]);
    reloaded.remove('your-files/broken.yaml');
    expect(new YourFiles(createYourFilesStore(storage), () => RUBRICS).list().map((f) => f.name)).toEqual(['umbrella.yaml']);
  });

  it('keeps the last good version playable when the file is opened again broken, also after a reload', () => {
    const storage = memoryBackend();
    const files = new YourFiles(createYourFilesStore(storage), () => RUBRICS);
    files.open('umbrella.yaml', VALID);
    const { file } = files.open('umbrella.yaml', BROKEN);
    expect(file.current.errorCount).toBe(2);
    expect(file.lastGood?.scenario?.id).toBe('umbrella-desk');
    expect(files.entry(file.key)?.playable).toBe(true);

    const reloaded = new YourFiles(createYourFilesStore(storage), () => RUBRICS).get(file.key);
    expect(reloaded?.current.errorCount).toBe(2);
    expect(reloaded?.lastGood?.scenario?.id).toBe('umbrella-desk');
  });

  it('still plays a file the storage cannot hold, and says why it was not kept', () => {
    const files = new YourFiles(createYourFilesStore(fullStorage()), () => RUBRICS);
    const { file, keep } = files.open('umbrella.yaml', VALID);
    expect(keep).toMatchObject({ ok: false, reason: 'quota' });
    expect(file.kept).toBe(false);
    expect(file.notKeptReason).toBe('quota');
    expect(files.get(file.key)?.lastGood?.scenario).not.toBeNull();
  });

  it('reads damaged session data as an empty list, never throwing', () => {
    const storage = memoryBackend({ [YOUR_FILES_KEY]: '{not json' });
    expect(new YourFiles(createYourFilesStore(storage), () => RUBRICS).list()).toEqual([]);
    storage.setItem(YOUR_FILES_KEY, JSON.stringify({ version: 1, files: [{ name: 'a.yaml', text: 5 }, { name: 'b.yaml', text: VALID, lastGoodText: null, addedAt: 'x' }] }));
    expect(createYourFilesStore(storage).list().map((f) => f.name)).toEqual(['b.yaml']);
  });
});

describe('live reload in a conversation', () => {
  /** A conversation on the umbrella file that has answered the first node and is now on `found`. */
  function onSecondNode() {
    const actor = createActor(createConversationMachine(scenarioOf(VALID))).start();
    actor.send({ type: 'customer.finishedSpeaking', at: 3000 });
    actor.send({ type: 'trainee.choose', choiceId: 'look', at: 4000 });
    expect(actor.getSnapshot().context.nodeId).toBe('found');
    return actor;
  }

  it('keeps the node, the mood and the earlier decision, and says the new text from the node\'s first line', () => {
    const actor = onSecondNode();
    const mood = actor.getSnapshot().context.mood;
    const next = scenarioOf(VALID.replace('Is that it, the one with the wooden handle?', 'Is it the black one?'));
    const kept = carryOver(actor.getPersistedSnapshot(), next);
    expect(kept).toMatchObject({ kind: 'kept', decision: 1, nodeId: 'found' });
    if (kept.kind !== 'kept') return;

    const resumed = createActor(createConversationMachine(next), { snapshot: kept.snapshot as never }).start();
    resumed.send({ type: 'session.rewind', decision: kept.decision, at: 5000 });
    const snap = resumed.getSnapshot();
    expect(selectPhase(snap)).toBe('speaking');
    expect(snap.context.nodeId).toBe('found');
    expect(snap.context.mood).toBe(mood);
    expect(snap.context.decisionCount).toBe(1);
    expect(snap.context.scenario.nodes.found?.says[0]?.text).toBe('Is it the black one?');
  });

  it('starts over, saying which node is gone, when the current node was removed or renamed', () => {
    const actor = onSecondNode();
    const renamed = scenarioOf(VALID.replace('  found:\n', '  found-it:\n').replaceAll('next: found', 'next: found-it'));
    expect(carryOver(actor.getPersistedSnapshot(), renamed)).toEqual({ kind: 'restart', reason: 'gone', nodeId: 'found' });
  });

  it('starts over when an earlier reply is no longer in the file', () => {
    const actor = onSecondNode();
    const changed = scenarioOf(VALID.replace('- id: look', '- id: search').replace('reply: look', 'reply: search'));
    expect(carryOver(actor.getPersistedSnapshot(), changed)).toEqual({ kind: 'restart', reason: 'history', nodeId: 'ask' });
  });

  it('keeps variables that still exist with the same type and takes new ones from the file', () => {
    const withVars = VALID.replace('start: ask', 'variables:\n  checked: false\n  tries: 0\nstart: ask').replace('        next: found\n      - id: shrug', '        set: { checked: true }\n        next: found\n      - id: shrug');
    const actor = createActor(createConversationMachine(scenarioOf(withVars))).start();
    actor.send({ type: 'customer.finishedSpeaking', at: 3000 });
    actor.send({ type: 'trainee.choose', choiceId: 'look', at: 4000 });
    expect(actor.getSnapshot().context.variables).toMatchObject({ checked: true });
    const next = scenarioOf(withVars.replace('  tries: 0\n', '  asked: 0\n'));
    const kept = carryOver(actor.getPersistedSnapshot(), next);
    if (kept.kind !== 'kept') throw new Error(JSON.stringify(kept));
    const checkpoint = (kept.snapshot as { context: { checkpoints: { variables: object }[] } }).context.checkpoints[1];
    expect(checkpoint?.variables).toEqual({ checked: true, asked: 0 });
  });
});
