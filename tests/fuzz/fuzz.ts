/**
 * The fuzzer of issue 12, shared by `npm run fuzz` (10,000 inputs, each in a worker with a time
 * cap) and `npm test` (a 1,000-input slice, in process). Inputs are seeded (fast-check), so a
 * finding can be replayed with the same seed.
 *
 * Scenario files come from: random text, YAML-looking fragments, mutations of the bundled
 * scenarios and fixtures (lines deleted, duplicated, swapped, characters and indentation
 * changed), the hand-made corpus (alias bombs, `__proto__`, complex keys, ...), every line
 * ending, control characters, and the large files of `big-inputs.ts`. Each result is checked by
 * `checks.ts`: no crash, positions inside the file, messages in plain words.
 *
 * Results files come from mutations of a real export (types changed, keys removed or renamed
 * to `__proto__`, huge numbers, deep nesting, truncation, random bytes): the import must never
 * throw, must explain a refusal in plain words, and must only keep valid records.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { loadScenario } from '../../src/scenario/load.ts';
import { memoryBackend } from '../../src/storage/backend.ts';
import { importResultsText } from '../../src/storage/importResults.ts';
import { attemptRecordSchema, type AttemptRecord } from '../../src/storage/records.ts';
import { createStore } from '../../src/storage/store.ts';
import { BIG_INPUTS } from './big-inputs.ts';
import { diagnosticProblems, LIBRARY_PHRASES, loaderLines } from './checks.ts';
import { CORPUS } from './corpus.ts';
import { mutateAll, type Mutation } from './mutate.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface Finding {
  kind: 'crash' | 'hang' | 'position' | 'message' | 'result';
  input: string;
  detail: string;
}

/** The seeds: every bundled scenario and every fixture (valid and invalid). */
export function seedFiles(): string[] {
  const folders = ['scenarios', 'tests/fixtures/scenarios/valid', 'tests/fixtures/scenarios/invalid'];
  return folders.flatMap((folder) =>
    readdirSync(join(ROOT, folder))
      .filter((name) => /\.ya?ml$/.test(name) && !name.includes('rubric'))
      .sort()
      .map((name) => readFileSync(join(ROOT, folder, name), 'utf8')),
  );
}

const FRAGMENTS = [
  'id: x', 'title:', 'nodes:', 'start: a', 'says:', 'replies:', 'next: a', 'end: resolved', 'when: a and', 'variables:', 'set: {a: 1}',
  '- ', '-', ':', ': ', '  ', '    ', '\t', '\n', '\r\n', '\r', '"', "'", '[', ']', '{', '}', ',', '#', '&a ', '*a', '!tag ', '!!str ',
  '|', '>', '---', '...', '? ', 'true', 'null', '~', '1e9', '-0', '.inf', '.nan', '0x1F', '99999999999999999999', '<<: *a', '%YAML 1.2',
  '__proto__: 1', 'constructor:', '\u00e4', '\u{1F600}', '\u0000', '\u001b[2J', '\u0007', '\u202e', '\uFEFF', '\\', 'angry: hi',
];

const LINE_ENDINGS = ['\n', '\r\n', '\r'];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete' as const, 'duplicate' as const), line: fc.nat(600) }),
  fc.record({ kind: fc.constant('swap' as const), line: fc.nat(600), other: fc.nat(600) }),
  fc.record({ kind: fc.constant('char' as const), line: fc.nat(600), column: fc.nat(120), text: fc.constantFrom(...FRAGMENTS, '', 'x', '1') }),
  fc.record({ kind: fc.constant('indent' as const), line: fc.nat(600), delta: fc.integer({ min: -6, max: 6 }) }),
);

/** Scenario file texts, drawn from every source above. */
export function scenarioInputs(seeds: readonly string[] = seedFiles()): fc.Arbitrary<string> {
  const seed = fc.constantFrom(...seeds);
  const mutated = fc
    .tuple(seed, fc.array(mutation, { minLength: 1, maxLength: 6 }), fc.constantFrom(...LINE_ENDINGS))
    .map(([text, ms, ending]) => mutateAll(text.split(/\r\n|\r|\n/), ms, 'wrap').join(ending));
  const corpus = fc.tuple(seed.filter((text) => loadScenario(text, 's.yaml').scenario !== null), fc.constantFrom(...Object.keys(CORPUS))).map(([base, name]) => {
    try {
      return CORPUS[name]!(base);
    } catch {
      return base; // the corpus edit does not apply to this seed
    }
  });
  const yamlish = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 80 }).map((parts) => parts.join(''));
  const random = fc.string({ unit: 'binary', maxLength: 400 });
  const commented = fc.tuple(fc.oneof(mutated, yamlish), fc.constantFrom(...LINE_ENDINGS)).map(([text, ending]) => `# fuzz${ending}${text}`);
  const controls = fc.tuple(seed, fc.nat(20_000), fc.constantFrom('\u001b]0;pwned\u0007', '\u0000', '\u202e', '\u001b[2J', '\u0085', '\u2028')).map(([text, at, c]) => text.slice(0, at % (text.length + 1)) + c + text.slice(at % (text.length + 1)));
  return fc.oneof(
    { arbitrary: mutated, weight: 5 },
    { arbitrary: commented, weight: 2 },
    { arbitrary: corpus, weight: 2 },
    { arbitrary: yamlish, weight: 2 },
    { arbitrary: random, weight: 1 },
    { arbitrary: controls, weight: 1 },
  );
}

/** The seeded inputs of one run: the large files first (each once), then `runs` drawn ones. */
export function scenarioRun(runs: number, seed: number, big = true): string[] {
  const bigOnes = big ? Object.values(BIG_INPUTS).map((make) => make()) : [];
  return [...bigOnes, ...fc.sample(scenarioInputs(), { seed, numRuns: Math.max(0, runs - bigOnes.length) })];
}

/** Loads one scenario text and checks everything about the result. */
export function checkScenario(text: string): Finding[] {
  let result: ReturnType<typeof loadScenario>;
  try {
    result = loadScenario(text, 'fuzz.yaml');
  } catch (error) {
    return [{ kind: 'crash', input: text, detail: error instanceof Error ? (error.stack ?? error.message) : String(error) }];
  }
  const lines = loaderLines(text);
  const findings: Finding[] = [];
  for (const d of result.diagnostics) {
    for (const problem of diagnosticProblems(d, text, lines)) {
      findings.push({ kind: /position|range/.test(problem) ? 'position' : 'message', input: text, detail: `${d.code} ${d.range.start.line}:${d.range.start.column} ${problem}` });
    }
  }
  if (result.scenario !== null && result.diagnostics.some((d) => d.severity === 'error')) findings.push({ kind: 'result', input: text, detail: 'a scenario came back together with errors' });
  if (result.scenario === null && !result.diagnostics.some((d) => d.severity === 'error')) findings.push({ kind: 'result', input: text, detail: 'no scenario, yet no error says why' });
  if (Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')) findings.push({ kind: 'result', input: text, detail: 'Object.prototype was polluted' });
  return findings;
}

// ---------------------------------------------------------------------------------------------
// Results import.

function sampleRecord(i: number): AttemptRecord {
  return {
    id: `r-${i}`,
    scenarioId: 'kettle-returned-twice',
    language: 'en',
    title: 'The kettle that broke twice',
    startedAt: '2026-11-20T10:00:00.000Z',
    finishedAt: '2026-11-20T10:06:00.000Z',
    overall: 72,
    autoFailed: false,
    outcome: 'resolved',
    satisfaction: 4,
    virtues: { friendliness: 80, expertise: 70, composure: 65, efficiency: 60 },
    ruiners: { indifference: 0, impatience: 1, judging: 0, arrogance: 0, tyranny: 0 },
    decisions: [{ index: 0, nodeId: 'arrival', choiceId: 'acknowledge', kind: 'reply', interrupted: false, tags: ['empathy'] }],
  } as AttemptRecord;
}

const ODD_VALUES: unknown[] = [null, true, -1, 1e308, '', 'x'.repeat(5000), [], {}, { __proto__: { polluted: true } }, [[[[[]]]]], '\u001b[2J', NaN];

/** A JSON-level edit of a parsed export. */
const jsonEdit = fc.record({ record: fc.nat(20), key: fc.constantFrom('id', 'overall', 'language', 'decisions', 'virtues', 'startedAt', 'outcome', '__proto__', 'extra', 'format', 'version', 'results'), value: fc.constantFrom(...ODD_VALUES), remove: fc.boolean() });

/** Results file texts: mutated exports, truncations and noise. */
export function resultsInputs(): fc.Arbitrary<string> {
  const edited = fc.tuple(fc.integer({ min: 0, max: 12 }), fc.array(jsonEdit, { maxLength: 6 })).map(([count, edits]) => {
    const doc: Record<string, unknown> = { format: 'calm-desk/results', version: 2, results: Array.from({ length: count }, (_, i) => sampleRecord(i)) };
    const results = doc.results as Record<string, unknown>[];
    for (const edit of edits) {
      const top = ['format', 'version', 'results'].includes(edit.key);
      const target: Record<string, unknown> | undefined = top ? doc : results[edit.record % Math.max(1, results.length)];
      if (!target) continue;
      if (edit.remove) delete target[edit.key];
      else if (edit.key === '__proto__') Object.defineProperty(target, '__proto__', { value: edit.value, enumerable: true, configurable: true, writable: true });
      else target[edit.key] = edit.value;
    }
    return JSON.stringify(doc);
  });
  const truncated = fc.tuple(edited, fc.nat(4000)).map(([text, at]) => text.slice(0, at % (text.length + 1)));
  const nested = fc.integer({ min: 1, max: 20_000 }).map((depth) => `{"format":"calm-desk/results","version":2,"results":[${'['.repeat(depth)}${']'.repeat(depth)}]}`);
  const noise = fc.string({ unit: 'binary', maxLength: 300 });
  return fc.oneof({ arbitrary: edited, weight: 6 }, { arbitrary: truncated, weight: 2 }, { arbitrary: nested, weight: 1 }, { arbitrary: noise, weight: 1 });
}

/** Imports one results text into a fresh store and checks the report and what was kept. */
export async function checkResults(text: string): Promise<Finding[]> {
  const store = createStore(memoryBackend());
  let report: Awaited<ReturnType<typeof importResultsText>>;
  try {
    report = await importResultsText(text, store, { yieldToPage: () => Promise.resolve() });
  } catch (error) {
    return [{ kind: 'crash', input: text, detail: error instanceof Error ? (error.stack ?? error.message) : String(error) }];
  }
  const findings: Finding[] = [];
  if (!report.ok) {
    for (const phrase of LIBRARY_PHRASES) if (phrase.test(report.error)) findings.push({ kind: 'message', input: text, detail: `refusal matches ${phrase}: ${report.error}` });
  } else {
    for (const record of store.results()) {
      if (!attemptRecordSchema.safeParse(record).success) findings.push({ kind: 'result', input: text, detail: `kept an invalid record ${JSON.stringify(record).slice(0, 200)}` });
    }
    if (report.added !== store.results().length) findings.push({ kind: 'result', input: text, detail: `added ${report.added} but the store holds ${store.results().length}` });
  }
  if (Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')) findings.push({ kind: 'result', input: text, detail: 'Object.prototype was polluted' });
  return findings;
}

export function resultsRun(runs: number, seed: number): string[] {
  return fc.sample(resultsInputs(), { seed, numRuns: runs });
}

/** A short, printable form of an input for reports. */
export function preview(text: string, max = 160): string {
  const shown = JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
  return `${shown} (${text.length} chars)`;
}
