/** Runs one fuzz check at a time for `run.ts`, so a hang can be cut off by terminating the worker. */
import { parentPort } from 'node:worker_threads';
import { checkResults, checkScenario, seedFiles } from './fuzz.ts';

// Warm up (compile the loader) before the first timed input.
for (const text of seedFiles().slice(0, 8)) checkScenario(text);
parentPort!.postMessage({ ready: true });
parentPort!.on('message', async (message: { id: number; kind: 'scenario' | 'results'; text: string }) => {
  const started = performance.now();
  const findings = message.kind === 'scenario' ? checkScenario(message.text) : await checkResults(message.text);
  parentPort!.postMessage({ id: message.id, findings, ms: performance.now() - started });
});
