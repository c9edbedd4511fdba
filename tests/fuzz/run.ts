/**
 * `npm run fuzz`: 10,000 scenario files and 2,000 results files (seeded, see fuzz.ts), each
 * checked in a worker with a time cap (wall clock, so generous: a busy machine is many times
 * slower; a hang never finishes). Prints crashes, hangs (over the cap), positions outside the
 * file and messages that fail issue 12's plain-words rules, then the slowest inputs and how many
 * took over 200 ms (the loader's goal on an idle machine; reported, not failed, since a busy
 * machine is slower).
 *
 *   npm run fuzz                          # seed 12, 10,000 + 2,000 inputs, cap 30 s an input
 *   npm run fuzz -- --seed 7 --runs 500 --results 100 --cap 1000
 *
 * Exit status 1 when anything is found.
 */
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import type { Finding } from './fuzz.ts';
import { preview, resultsRun, scenarioRun } from './fuzz.ts';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '12' },
    runs: { type: 'string', default: '10000' },
    results: { type: 'string', default: '2000' },
    cap: { type: 'string', default: '30000' },
  },
});
const seed = Number(values.seed);
const capMs = Number(values.cap);

interface Outcome {
  findings: Finding[];
  ms: number;
}

class Checker {
  private worker!: Worker;
  private ready!: Promise<void>;
  private next = 0;

  constructor() {
    this.start();
  }

  /** A fresh worker; `ready` resolves once it has loaded the loader (not counted against the cap). */
  private start(): void {
    this.worker = new Worker(new URL('./worker.mjs', import.meta.url));
    const worker = this.worker;
    this.ready = new Promise((resolve) => {
      const onReady = (message: { ready?: boolean }) => {
        if (!message.ready) return;
        worker.off('message', onReady);
        resolve();
      };
      worker.on('message', onReady);
    });
  }

  /** Runs one check; a check over the cap is a hang, and the worker is replaced. */
  async check(kind: 'scenario' | 'results', text: string): Promise<Outcome> {
    await this.ready;
    const id = this.next++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.worker.removeAllListeners('message');
        void this.worker.terminate();
        this.start();
        resolve({ findings: [{ kind: 'hang', input: text, detail: `no answer within ${capMs} ms` }], ms: capMs });
      }, capMs);
      const onMessage = (message: { id: number; findings: Finding[]; ms: number }) => {
        if (message.id !== id) return;
        clearTimeout(timer);
        this.worker.off('message', onMessage);
        this.worker.off('error', onError);
        resolve({ findings: message.findings, ms: message.ms });
      };
      const onError = (error: Error) => {
        clearTimeout(timer);
        this.worker.off('message', onMessage);
        this.start();
        resolve({ findings: [{ kind: 'crash', input: text, detail: `worker died: ${error.message}` }], ms: 0 });
      };
      this.worker.on('message', onMessage);
      this.worker.once('error', onError);
      this.worker.postMessage({ id, kind, text });
    });
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}

async function fuzz(label: string, kind: 'scenario' | 'results', inputs: string[], checker: Checker): Promise<Finding[]> {
  const started = performance.now();
  const findings: Finding[] = [];
  const times: { ms: number; text: string }[] = [];
  for (const [index, text] of inputs.entries()) {
    const outcome = await checker.check(kind, text);
    findings.push(...outcome.findings);
    times.push({ ms: outcome.ms, text });
    if ((index + 1) % 1000 === 0) process.stdout.write(`  ${label}: ${index + 1} of ${inputs.length}\n`);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const sorted = [...times].sort((a, b) => b.ms - a.ms);
  const median = sorted[Math.floor(sorted.length / 2)]?.ms ?? 0;
  const counts = ['crash', 'hang', 'position', 'message', 'result'].map((k) => `${findings.filter((f) => f.kind === k).length} ${k}`).join(', ');
  const over = times.filter((t) => t.ms > 200).length;
  console.log(`${label}: ${inputs.length} inputs in ${seconds} s (median ${median.toFixed(1)} ms, slowest ${sorted[0]?.ms.toFixed(0) ?? 0} ms, ${over} over 200 ms): ${counts}`);
  for (const slow of sorted.slice(0, 3)) console.log(`  slow: ${slow.ms.toFixed(0)} ms ${preview(slow.text, 60)}`);
  return findings;
}

const checker = new Checker();
console.log(`calm-desk fuzz: seed ${seed}, time cap ${capMs} ms an input`);
const found = [
  ...(await fuzz('scenario files', 'scenario', scenarioRun(Number(values.runs), seed), checker)),
  ...(await fuzz('results files', 'results', resultsRun(Number(values.results), seed), checker)),
];
await checker.close();
const shown = new Set<string>();
for (const finding of found) {
  const key = `${finding.kind} ${finding.detail.split('\n')[0]}`;
  if (shown.has(key)) continue;
  shown.add(key);
  console.log(`\n${finding.kind.toUpperCase()}: ${finding.detail.split('\n').slice(0, 6).join('\n  ')}\n  input: ${preview(finding.input)}`);
}
console.log(found.length === 0 ? '\nNo findings.' : `\n${found.length} findings (${shown.size} distinct).`);
process.exitCode = found.length === 0 ? 0 : 1;
