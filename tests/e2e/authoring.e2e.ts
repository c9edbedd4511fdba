/**
 * A trainer's loop in the game: open a scenario file on the Title (file picker, drop, or
 * `?scenario=`), read the diagnostics card of a broken one, keep files under "Your files", and
 * live reload with the dev server during a conversation. Saves the screenshots the trainer docs
 * use (docs/images/authoring-*.png, 1280×720).
 */
import { readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { createServer, type Plugin, type ViteDevServer } from 'vite';
import { describe, expect, inject, test } from 'vitest';
import { scenarioCatalog } from '../../src/build/scenarioCatalog.ts';
import { formatDiagnostic, PLAIN } from '../../src/scenario/format.ts';
import { loadScenario } from '../../src/scenario/index.ts';
import type { Scenario } from '../../src/scenario/model.ts';
import config from '../../vite.config.ts';
import { expectAccessible, holdTime, nextFrames, useBrowser } from './harness/browser.ts';
import { playToDebrief, skipTime, waitForScene } from './harness/flows.ts';
import { serveStatic } from './harness/static-server.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURES = join(ROOT, 'tests/fixtures/authoring');
const VALID = join(FIXTURES, 'umbrella-desk.en.yaml');
const BROKEN = join(FIXTURES, 'umbrella-broken.en.yaml');
const IMAGES = join(ROOT, 'docs/images');

const browser = useBrowser();

/** A fixture as the game checks it (named by its file name, as a picked or dropped file is). */
function loadFixture(path: string) {
  return loadScenario(readFileSync(path, 'utf8'), basename(path));
}

/** A screenshot for the trainer docs, at the page's 1280×720. */
async function docShot(page: Page, name: string): Promise<void> {
  await mkdir(IMAGES, { recursive: true });
  await nextFrames(page, 2);
  await page.waitForTimeout(150);
  await page.screenshot({ path: join(IMAGES, `authoring-${name}.png`) });
}

/** Drags a file over the window and drops it, as the browser does (a DataTransfer holding a File). */
async function dropFile(page: Page, name: string, text: string, photograph?: string): Promise<void> {
  const transfer = await page.evaluateHandle(
    ([fileName, content]) => {
      const data = new DataTransfer();
      data.items.add(new File([content], fileName, { type: 'application/yaml' }));
      return data;
    },
    [name, text] as const,
  );
  await page.dispatchEvent('#cd-overlay', 'dragenter', { dataTransfer: transfer });
  await page.dispatchEvent('#cd-overlay', 'dragover', { dataTransfer: transfer });
  await page.getByTestId('drop-zone').waitFor({ state: 'visible' });
  if (photograph) await docShot(page, photograph);
  await page.dispatchEvent('#cd-overlay', 'drop', { dataTransfer: transfer });
  await page.getByTestId('drop-zone').waitFor({ state: 'hidden' });
}

/** Every diagnostic on the card, as code and line:col, and its text. */
async function cardItems(page: Page) {
  return page.locator('[data-testid="diagnostics-card"] li.cd-diag').evaluateAll((items) =>
    items.map((li) => ({
      code: (li as HTMLElement).dataset.code,
      at: `${(li as HTMLElement).dataset.line}:${(li as HTMLElement).dataset.column}`,
      text: li.textContent ?? '',
    })),
  );
}

describe('Trying a scenario file in the game', () => {
  test('a broken file dropped on the Title shows every diagnostic; a picked file plays to the debrief and stays under Your files', async () => {
    const { page } = await browser.open({ clock: true });
    await waitForScene(page, 'Title');

    // Drop the broken file: the card lists each diagnostic as the CLI prints it, first one focused.
    const broken = loadFixture(BROKEN);
    expect(broken.scenario).toBeNull();
    await dropFile(page, basename(BROKEN), readFileSync(BROKEN, 'utf8'), 'drop');
    const card = page.getByTestId('diagnostics-card');
    await card.waitFor();
    const items = await cardItems(page);
    expect(items.map((i) => `${i.code} ${i.at}`)).toEqual(broken.diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.column}`));
    const lines = readFileSync(BROKEN, 'utf8').split('\n');
    for (const [index, d] of broken.diagnostics.entries()) {
      // Word for word what `calm-desk lint` prints (the card adds only a hidden "Error:" for screen readers).
      const cli = formatDiagnostic(d, lines, PLAIN).split('\n');
      const shown = await page.locator('li.cd-diag').nth(index).evaluate((li) => [...li.querySelectorAll('p, pre')].map((n) => n.textContent ?? '').join('\n'));
      expect(shown.split('\n').map((l) => l.trimEnd())).toEqual(cli.map((l, i) => (i === 1 && d.hint ? l.trim() : l.trimEnd())));
    }
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.code)).toBe(broken.diagnostics[0]?.code);
    expect(await card.getByRole('heading').textContent()).toBe(`${basename(BROKEN)} has ${broken.diagnostics.length} errors`);
    // Readable at 1080p and 720p: the card stays inside the window.
    const box = await card.locator('.cd-diag-panel').boundingBox();
    expect(box && box.x >= 0 && box.y >= 0 && box.x + box.width <= 1280 && box.y + box.height <= 720).toBe(true);
    await docShot(page, 'diagnostics');
    await expectAccessible(page, 'diagnostics card');
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached' });

    // Pick the valid file with the real file input: straight to its briefing, then play it through.
    const valid = loadFixture(VALID);
    expect(valid.scenario).not.toBeNull();
    await page.getByTestId('open-file').setInputFiles(VALID);
    await waitForScene(page, 'Briefing');
    await page.getByText(valid.scenario!.title, { exact: true }).first().waitFor();
    await page.getByTestId('start').click();
    await waitForScene(page, 'Conversation');
    const played = await playToDebrief(page, valid.scenario!, 'keyboard', { prefer: 'good' });
    expect(played.decisions.map((d) => d.replyId)).toEqual(['look', 'hand-over']);
    const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('calm-desk/results') ?? '{}') as { results?: { scenarioId: string; fromFile?: boolean }[] });
    expect(saved.results?.find((r) => r.scenarioId === valid.scenario!.id)?.fromFile).toBe(true);

    // Your files: both files, kept across a reload (session storage), removable.
    await page.getByTestId('back-to-scenarios').click();
    await waitForScene(page, 'ScenarioSelect');
    const yourFiles = page.getByTestId('your-files');
    await yourFiles.getByRole('button', { name: valid.scenario!.title }).waitFor();
    await holdTime(page, () => docShot(page, 'your-files'));
    await expectAccessible(page, 'ScenarioSelect with Your files');
    await page.reload();
    await waitForScene(page, 'Title');
    await page.getByTestId('play').click();
    await waitForScene(page, 'ScenarioSelect');
    await yourFiles.getByRole('button', { name: valid.scenario!.title }).waitFor();
    expect(await yourFiles.locator('li').count()).toBe(2);
    await yourFiles.getByRole('button', { name: `Remove ${basename(BROKEN)} from your files` }).click();
    await expect.poll(() => yourFiles.locator('li').count()).toBe(1);
  });

  test('the built site plays a file from ?scenario= beside it, and refuses another origin', async () => {
    const dist = resolve(ROOT, process.env.E2E_DIST ?? 'dist');
    const site = await mkdtemp(join(tmpdir(), 'calm-desk-site-'));
    await symlink(dist, join(site, 'game'), 'dir');
    await mkdir(join(site, 'training'));
    await cp(VALID, join(site, 'training', 'umbrella.yaml'));
    const server = await serveStatic(site);
    try {
      const valid = loadFixture(VALID);
      const { page } = await browser.open({ path: `${server.url}game/?scenario=../training/umbrella.yaml`, clock: true });
      await waitForScene(page, 'Briefing');
      await page.getByText(valid.scenario!.title, { exact: true }).first().waitFor();
      await page.getByTestId('start').click();
      await waitForScene(page, 'Conversation');
      await page.getByTestId('captions').waitFor();

      const other = await browser.open({ path: `${inject('baseUrl')}?scenario=${encodeURIComponent(`${server.url}training/umbrella.yaml`)}` });
      const status = other.page.getByTestId('open-file-status');
      await expect.poll(() => status.textContent()).toContain('is on another site');
      expect(await other.page.locator('section[data-scene="Briefing"]').count()).toBe(0);
    } finally {
      await server.close();
      await rm(site, { recursive: true, force: true });
    }
  });

  test('live reload with the dev server: saving the file keeps the conversation at its node with the new text, no page reload', async () => {
    // A scenarios folder of its own inside the project (Vite globs and watches only there), removed after.
    const dir = await mkdtemp(join(FIXTURES, '.live-'));
    const file = join(dir, 'umbrella-desk.en.yaml');
    await cp(VALID, file);
    const rel = relative(ROOT, dir).split('\\').join('/');
    let server: ViteDevServer | undefined;
    try {
      server = await createServer({
        ...config,
        configFile: false,
        root: ROOT,
        logLevel: 'warn',
        plugins: [scenarioGlob(rel), scenarioCatalog({ dir: rel })],
        server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: { host: '127.0.0.1' } },
      });
      await server.listen();
      const address = server.httpServer?.address();
      if (!address || typeof address === 'string') throw new Error('the dev server has no port');
      // The first dev-server load compiles the game on demand: give it time on a busy machine.
      const { page } = await browser.open({ path: 'about:blank', clock: true });
      await page.goto(`http://127.0.0.1:${address.port}/`, { timeout: 240_000 });
      await waitForScene(page, 'Title', 240_000);
      await page.getByTestId('play').click();
      await waitForScene(page, 'ScenarioSelect');
      await page.locator(`button.cd-card[data-file="${rel}/umbrella-desk.en.yaml"]`).click();
      await waitForScene(page, 'Briefing');
      await page.getByTestId('start').click();
      await waitForScene(page, 'Conversation', 120_000);
      const original = await readFile(file, 'utf8');
      const scenario = loadScenario(original, 'x.yaml').scenario as Scenario;

      // Answer the first node; the customer is now on `found`.
      await answer(page, 'look');
      await waitForCaption(page, scenario.nodes.found!.says[0]!.text);
      await page.evaluate(() => ((window as unknown as { liveMarker: number }).liveMarker = 1));

      // Save a new line for `found`: the same node, the new words, no reload.
      const newLine = 'Is that it, the black one with the carved wooden handle?';
      await writeFile(file, original.replace('Is that it, the one with the wooden handle?', newLine));
      await page.getByText(`umbrella-desk.en.yaml changed: the conversation goes on at the same point with the new text.`).waitFor({ timeout: 30_000 });
      await waitForCaption(page, newLine);
      await page.locator('button.cd-conv-reply[data-reply="hand-over"]').waitFor({ state: 'attached' });
      await holdTime(page, () => docShot(page, 'live-reload'));
      expect(await page.evaluate(() => (window as unknown as { liveMarker?: number }).liveMarker)).toBe(1);

      // Save it broken: a calm notice, and the last good version keeps playing.
      await writeFile(file, original.replace('  mood: 40', '  mood: 140'));
      await page.getByText(/umbrella-desk\.en\.yaml was saved with 1 error\. Still playing the last good version/).waitFor({ timeout: 30_000 });
      await answer(page, 'hand-over');
      await waitForScene(page, 'Debrief', 60_000);
      expect(await page.evaluate(() => (window as unknown as { liveMarker?: number }).liveMarker)).toBe(1);
    } finally {
      await server?.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

/** Points the bundled-scenario glob at the test's own folder (as tests/e2e/harness/fixtureBuild.ts does for builds). */
function scenarioGlob(dir: string): Plugin {
  const glob = "'/scenarios/*.{yaml,yml}'";
  return {
    name: 'calm-desk-e2e:live-scenario-folder',
    enforce: 'pre',
    transform(code, id) {
      if (!id.replaceAll('\\', '/').endsWith('/src/game/scenarios.ts')) return undefined;
      if (!code.includes(glob)) throw new Error(`src/game/scenarios.ts no longer has the glob ${glob}`);
      return code.replace(glob, `'/${dir}/*.{yaml,yml}'`);
    },
  };
}

/** Waits until the customer has finished and the reply is on offer, then presses its number. */
async function answer(page: Page, replyId: string): Promise<void> {
  const button = page.locator(`button.cd-conv-reply[data-reply="${replyId}"]`);
  for (let tries = 0; tries < 100; tries += 1) {
    const ready = await button.evaluate((b) => b.closest('[hidden]') === null && b.dataset.interrupts !== 'true').catch(() => false);
    if (ready) {
      await button.click();
      return;
    }
    await skipTime(page, 1000);
  }
  throw new Error(`reply ${replyId} never came`);
}

/** Waits until the captions show `text`, moving the fake clock on while the customer talks. */
async function waitForCaption(page: Page, text: string): Promise<void> {
  for (let tries = 0; tries < 100; tries += 1) {
    const captions = (await page.getByTestId('captions').textContent().catch(() => '')) ?? '';
    if (captions.includes(text)) return;
    await skipTime(page, 500);
  }
  throw new Error(`the captions never showed: ${text}`);
}
