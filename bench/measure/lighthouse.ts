/**
 * The real Lighthouse, when it is installed: `npm run bench -- --lighthouse PATH` or the
 * environment variable LIGHTHOUSE_BIN names its command-line program (`…/node_modules/.bin/lighthouse`).
 * It is never a dependency of the project (about 170 MB; version 13 needs Node 22, version 12 runs
 * on Node 20). Without it the bench prints its own estimate (paint.ts) and says how to get the real
 * figure.
 *
 * Each run is a desktop run (`--preset=desktop`: simulated 40 ms round trips, 10 Mbit/s, no CPU
 * slowdown) of the built game on the bench's local server, in the project's Chromium.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from './stats.ts';

/** How to get a real Lighthouse on Node 20, outside the project. */
export const LIGHTHOUSE_HINT =
  'For a real Lighthouse run: mkdir /tmp/lh && cd /tmp/lh && npm init -y && npm i lighthouse@12, ' +
  'then LIGHTHOUSE_BIN=/tmp/lh/node_modules/.bin/lighthouse npm run bench -- --lighthouse-only';

/** The figures of one Lighthouse run (times in ms; scores 0–100). */
export interface LighthouseRun {
  performance: number;
  accessibility: number;
  bestPractices: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  speedIndexMs: number;
  /** The element Lighthouse took as the largest contentful paint, as a CSS selector. */
  lcpElement: string;
  /** Opportunities and diagnostics that cost time, worst first ("title: display value"). */
  findings: string[];
}

/** The Lighthouse program to run: `--lighthouse PATH`, else LIGHTHOUSE_BIN, else null. */
export function findLighthouse(option: string | null, env: NodeJS.ProcessEnv): string | null {
  const bin = option ?? env.LIGHTHOUSE_BIN ?? null;
  return bin !== null && bin !== '' ? bin : null;
}

/** Runs Lighthouse `runs` times against `url`; throws with Lighthouse's own message when it cannot run. */
export async function runLighthouse(bin: string, url: string, runs: number, chromePath: string): Promise<LighthouseRun[]> {
  if (!existsSync(bin)) throw new Error(`no Lighthouse at ${bin}. ${LIGHTHOUSE_HINT}`);
  const dir = await mkdtemp(join(tmpdir(), 'calm-desk-lighthouse-'));
  try {
    const results: LighthouseRun[] = [];
    for (let run = 0; run < runs; run += 1) {
      const output = join(dir, `run-${run}.json`);
      await execute(bin, [
        url,
        '--preset=desktop',
        '--only-categories=performance,accessibility,best-practices',
        '--chrome-flags=--headless=new --no-sandbox --disable-dev-shm-usage',
        '--output=json',
        `--output-path=${output}`,
        '--quiet',
      ], { ...process.env, CHROME_PATH: chromePath });
      results.push(readReport(JSON.parse(await readFile(output, 'utf8'))));
    }
    return results;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The median of each figure over several runs (the findings of the median-scoring run). */
export function medianRun(runs: readonly LighthouseRun[]): LighthouseRun {
  const pick = (key: keyof Omit<LighthouseRun, 'lcpElement' | 'findings'>) => median(runs.map((run) => run[key]));
  const byScore = [...runs].sort((a, b) => a.performance - b.performance);
  const middle = byScore[Math.floor((byScore.length - 1) / 2)] as LighthouseRun;
  return {
    performance: pick('performance'),
    accessibility: pick('accessibility'),
    bestPractices: pick('bestPractices'),
    fcpMs: pick('fcpMs'),
    lcpMs: pick('lcpMs'),
    tbtMs: pick('tbtMs'),
    cls: pick('cls'),
    speedIndexMs: pick('speedIndexMs'),
    lcpElement: middle.lcpElement,
    findings: middle.findings,
  };
}

interface Audit {
  title?: string;
  score?: number | null;
  numericValue?: number;
  displayValue?: string;
  details?: { type?: string; items?: Array<{ items?: Array<{ node?: { selector?: string } }> } & { node?: { selector?: string } }> };
}
interface Report {
  categories: Record<string, { score: number | null }>;
  audits: Record<string, Audit>;
}

/** The figures of one Lighthouse JSON report. */
export function readReport(report: Report): LighthouseRun {
  const score = (id: string) => Math.round((report.categories[id]?.score ?? 0) * 100);
  const value = (id: string) => report.audits[id]?.numericValue ?? -1;
  const lcpItems = report.audits['largest-contentful-paint-element']?.details?.items ?? [];
  const lcpElement = lcpItems[0]?.items?.[0]?.node?.selector ?? lcpItems[0]?.node?.selector ?? '';
  const findings = ['render-blocking-resources', 'unused-javascript', 'bootup-time', 'mainthread-work-breakdown', 'long-tasks', 'font-display', 'layout-shifts']
    .map((id) => report.audits[id])
    .filter((audit): audit is Audit => audit !== undefined && typeof audit.score === 'number' && audit.score < 0.9)
    .map((audit) => `${audit.title ?? ''}${audit.displayValue ? `: ${audit.displayValue}` : ''}`);
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    fcpMs: value('first-contentful-paint'),
    lcpMs: value('largest-contentful-paint'),
    tbtMs: value('total-blocking-time'),
    cls: value('cumulative-layout-shift'),
    speedIndexMs: value('speed-index'),
    lcpElement,
    findings,
  };
}

function execute(bin: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2000);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`Lighthouse exited with ${code}: ${stderr.trim().split('\n').slice(-3).join(' ')}`));
    });
  });
}
