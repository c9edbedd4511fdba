/**
 * The SCORM 1.2 package in a stand-in LMS: the package is built (`buildScormPackage`, one
 * scenario), unzipped, and served beside a parent page that provides `window.API` through
 * scorm-again's Scorm12API and loads the SCO in an iframe. A conversation played there reports
 * status, score, session time and suspend data; a second launch in a fresh browser, given the
 * saved CMI data with `entry=resume`, shows the progress again.
 */
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildScormPackage } from '../../src/build/scormBuild.ts';
import { decodeSuspendData } from '../../src/records/scorm/suspendData.ts';
import scorm from '../../src/i18n/locales/en/scorm.ts';
import select from '../../src/i18n/locales/en/select.ts';
import { expectAccessible, saveScreens, useBrowser } from './harness/browser.ts';
import { analyzeScenario } from '../../src/analysis/analyze.ts';
import { playPath, press, waitForScene } from './harness/flows.ts';
import { rubricOf, scenarioById } from './harness/scenarios.ts';
import { serveStatic, type StaticServer } from './harness/static-server.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const playable = scenarioById('late-birthday-parcel', 'en');
const browser = useBrowser();

/** The stand-in LMS page: scorm-again as `window.API`, starting data from `window.__LMS_START`, the SCO in an iframe. */
const LMS_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Stand-in LMS</title>
<style>body{margin:0} iframe{display:block;width:100vw;height:100vh;border:0}</style></head>
<body><main><iframe id="sco" title="Course"></iframe></main>
<script src="scorm12.js"></script>
<script>
  const start = window.__LMS_START || {};
  const api = new Scorm12API({ autocommit: false, logLevel: 5 });
  api.loadFromJSON({
    core: { student_id: 'trainee-7', student_name: 'Doe, Jane', entry: start.entry || 'ab-initio', lesson_status: start.lesson_status || 'not attempted' },
    suspend_data: start.suspend_data || '',
    student_data: { mastery_score: start.mastery_score || '' },
  });
  window.lmsCalls = [];
  for (const name of ['LMSInitialize', 'LMSCommit', 'LMSFinish']) api.on(name, () => window.lmsCalls.push(name));
  window.API = api;
  document.getElementById('sco').src = 'sco/index.html';
</script></body></html>`;

interface LmsState {
  calls: string[];
  terminated: boolean;
  cmi: { core: Record<string, unknown> & { score: Record<string, string> }; suspend_data: string };
}

let dir = '';
let server: StaticServer;
let mastery = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'calm-desk-scorm-e2e-'));
  const zipPath = join(dir, 'package.zip');
  await buildScormPackage({ root: ROOT, out: zipPath, scenarios: [playable.scenario.id], language: 'en' });
  const files = unzipSync(new Uint8Array(await readFile(zipPath)));
  for (const [name, bytes] of Object.entries(files)) {
    const target = join(dir, 'site', 'sco', ...name.split('/'));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, bytes);
  }
  const manifest = new TextDecoder().decode(files['imsmanifest.xml']);
  mastery = /<adlcp:masteryscore>(\d+)<\/adlcp:masteryscore>/.exec(manifest)?.[1] ?? '';
  const require = createRequire(import.meta.url);
  await copyFile(require.resolve('scorm-again/scorm12/min'), join(dir, 'site', 'scorm12.js'));
  await writeFile(join(dir, 'site', 'lms.html'), LMS_PAGE);
  server = await serveStatic(join(dir, 'site'));
}, 240_000);

afterAll(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Opens the stand-in LMS with `start` as the LMS's stored data; returns the page and the SCO's frame. */
async function launch(start: Record<string, string>): Promise<{ page: Page; sco: Page }> {
  const { page } = await browser.open({
    path: `${server.url}lms.html`,
    clock: true,
    initScript: new Function(`window.__LMS_START = ${JSON.stringify(start)};`) as () => void,
  });
  const frame = await waitForFrame(page);
  return { page, sco: framePage(page, frame) };
}

async function waitForFrame(page: Page): Promise<Frame> {
  for (let tries = 0; tries < 200; tries += 1) {
    const frame = page.frames().find((f) => f.url().includes('/sco/index.html'));
    if (frame) return frame;
    await page.waitForTimeout(50);
  }
  throw new Error('The SCO did not load in its frame');
}

/** The page, with `evaluate`, `locator` and `getByTestId` looking inside the SCO's frame (keyboard, clock and waits stay the page's). */
function framePage(page: Page, frame: Frame): Page {
  const inFrame = new Set(['evaluate', 'locator', 'getByTestId', 'waitForFunction', 'addScriptTag']);
  return new Proxy(page, {
    get(target, property) {
      const source: object = typeof property === 'string' && inFrame.has(property) ? frame : target;
      const value = Reflect.get(source, property) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(source) : value;
    },
  });
}

async function lmsState(page: Page): Promise<LmsState> {
  return page.evaluate(() => {
    const w = window as unknown as { API: { renderCMIToJSONObject(): { cmi: LmsState['cmi'] }; isTerminated(): boolean }; lmsCalls: string[] };
    return { calls: [...w.lmsCalls], terminated: w.API.isTerminated(), cmi: w.API.renderCMIToJSONObject().cmi };
  });
}

async function progressLine(sco: Page): Promise<string> {
  const line = sco.locator('[data-testid="scorm-progress"]');
  await line.waitFor();
  return (await line.textContent()) ?? '';
}

describe('The SCORM 1.2 package inside an LMS (scorm-again)', () => {
  let saved: LmsState['cmi'] | undefined;

  test('opens on the scenario list, reports status, score, time and suspend data, and finishes on unload', async () => {
    expect(mastery).toBe('65');
    const { page, sco } = await launch({ mastery_score: mastery });
    await waitForScene(sco, 'ScenarioSelect');
    expect(await progressLine(sco)).toContain(scorm.connectedAs.replace('{name}', 'Jane Doe'));
    await expectAccessible(sco, 'ScenarioSelect (SCORM)');
    await saveScreens(page, 'scorm-select');
    expect((await lmsState(page)).cmi.core.lesson_status).toBe('incomplete');

    await press(sco, sco.locator(`button.cd-card[data-file="${playable.file}"]`), 'mouse');
    await waitForScene(sco, 'Briefing');
    await press(sco, sco.getByTestId('start'), 'mouse');
    await waitForScene(sco, 'Conversation');
    const best = analyzeScenario(playable.scenario, { rubric: rubricOf(playable.scenario) }).best;
    if (!best) throw new Error('the analyzer found no best path');
    await playPath(sco, playable.scenario, best.steps, 'mouse');
    await waitForScene(sco, 'Debrief');

    const after = await lmsState(page);
    expect(after.calls).toEqual(['LMSInitialize', 'LMSCommit', 'LMSCommit']);
    // One scenario: the course score is its best score, the one the analyzer computed for this path.
    const raw = Number(after.cmi.core.score.raw);
    expect(raw).toBe(best.overall);
    expect(raw).toBeGreaterThanOrEqual(Number(mastery));
    expect(after.cmi.core.score).toMatchObject({ min: '0', max: '100' });
    expect(after.cmi.core.lesson_status).toBe('passed');
    expect(after.cmi.core.exit).toBe('suspend');
    expect(after.cmi.core.session_time).toMatch(/^\d{2,4}:[0-5]\d:[0-5]\d(\.\d{1,2})?$/);
    expect(after.cmi.core.session_time).not.toMatch(/^0+:00:00(\.0+)?$/);
    const { progress, problem } = decodeSuspendData(after.cmi.suspend_data);
    expect(problem).toBeNull();
    expect(progress.scenarios).toEqual({ [playable.scenario.id]: { best: raw, attempts: 1 } });
    expect(after.cmi.suspend_data.length).toBeLessThanOrEqual(4096);

    // Leaving the course (the LMS closes the frame): one more commit, then LMSFinish.
    await page.evaluate(() => document.getElementById('sco')?.remove());
    await page.waitForFunction(() => (window as unknown as { lmsCalls: string[] }).lmsCalls.includes('LMSFinish'));
    const finished = await lmsState(page);
    expect(finished.terminated).toBe(true);
    expect(finished.cmi.core.lesson_status).toBe('passed');
    saved = finished.cmi;
  });

  test('a second launch in another browser resumes from the suspend data', async () => {
    if (!saved) throw new Error('the first launch did not finish');
    const best = Math.round(Number(saved.core.score.raw));
    const { page, sco } = await launch({
      entry: 'resume',
      lesson_status: String(saved.core.lesson_status),
      suspend_data: saved.suspend_data,
      mastery_score: mastery,
    });
    await waitForScene(sco, 'ScenarioSelect');
    const card = sco.locator('li.cd-card-item', { has: sco.locator(`button.cd-card[data-file="${playable.file}"]`) });
    await expect.poll(() => card.textContent()).toContain(select.bestScore.replace('{score}', String(best)));
    expect(await card.getAttribute('data-passed')).toBe('true');
    expect(await card.textContent()).toContain(select.attempts.one.replace('{count}', '1'));
    const line = await progressLine(sco);
    expect(line).toContain(scorm.progress.one.replace('{done}', '1').replace('{count}', '1'));
    expect(line).toContain(scorm.statusPassed.one.replace('{mastery}', mastery).replace('{score}', String(saved.core.score.raw)));
    await saveScreens(page, 'scorm-resumed');
    const state = await lmsState(page);
    expect(state.calls).toEqual(['LMSInitialize']);
    expect(state.cmi.core.lesson_status).toBe('passed');
  });
});
