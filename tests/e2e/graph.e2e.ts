/**
 * The scenario map. 1: the page `calm-desk graph --format html` writes opens in Chromium with no
 * console error, shows every node id, and a click (or Enter) on a node shows its lines in the
 * side panel. 2: the game plays the bundled translation file (hotel-two-problems in Finnish) to
 * the debrief, whose "See the map" opens the same map in a new tab with the path taken.
 * Screenshots go to docs/images/graph-*.png for docs/graph.md.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { main } from '../../src/cli/main.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { launchBrowser, useBrowser, watchProblems } from './harness/browser.ts';
import { playToDebrief, startConversation, waitForScene } from './harness/flows.ts';
import { scenarioById } from './harness/scenarios.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DOCS_IMAGES = join(ROOT, 'docs', 'images');
const SOURCE = 'scenarios/kettle-returned-twice.en.yaml';

describe('calm-desk graph --format html in a browser', () => {
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), 'calm-desk-graph-'));
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('opens offline with no console error, shows every node id, and a chosen node shows its lines', async () => {
    const out = join(dir, 'kettle-map.html');
    const io = { out: () => undefined, err: () => undefined, isTTY: false, env: {}, cwd: ROOT };
    expect(await main(['graph', SOURCE, '--format', 'html', '-o', out], io)).toBe(0);
    const scenario = loadScenario(readFileSync(join(ROOT, SOURCE), 'utf8'), SOURCE).scenario!;

    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, offline: true });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(pathToFileURL(out).href);
    const ids = await page.locator('svg#map .node').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-node')));
    expect(ids).toEqual(scenario.nodeOrder);
    for (const id of scenario.nodeOrder) {
      await expect.poll(() => page.locator(`.node[data-node="${id}"] .node-id`).textContent()).toContain(id);
    }
    await page.screenshot({ path: join(DOCS_IMAGES, 'graph-map.png') });

    // Click: the panel shows the node's lines and replies.
    const start = scenario.nodes[scenario.start]!;
    await page.locator(`.node[data-node="${scenario.start}"]`).click();
    const panel = page.locator('#panel');
    await expect.poll(() => panel.textContent()).toContain(start.says[0]!.text);
    expect(await panel.textContent()).toContain(start.replies[0]!.say);

    // Keyboard: Tab to another node and press Enter.
    const other = scenario.nodeOrder.find((id) => id !== scenario.start && scenario.nodes[id]!.replies.length > 0)!;
    await page.locator(`.node[data-node="${other}"]`).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => panel.locator('h2').textContent()).toBe(other);
    expect(await panel.textContent()).toContain(scenario.nodes[other]!.says[0]!.text);
    await page.screenshot({ path: join(DOCS_IMAGES, 'graph-panel.png') });

    await page.getByRole('button', { name: 'Fit to window' }).click();
    await page.screenshot({ path: join(DOCS_IMAGES, 'graph-fit.png') });
    await context.close();
    expect(problems).toEqual([]);
  });
});

describe('the debrief map', () => {
  const game = useBrowser();

  test('a translated scenario plays to the debrief, and "See the map" opens the map with the path taken', async () => {
    const playable = scenarioById('hotel-two-problems', 'fi');
    expect(playable.file).toBe('scenarios/hotel-two-problems.fi.tr.yaml');
    const { page, context } = await game.open({ clock: true });
    await startConversation(page, playable, 'keyboard');
    await playToDebrief(page, playable.scenario, 'keyboard', { prefer: 'good' });
    await waitForScene(page, 'Debrief');
    const opened = context.waitForEvent('page');
    await page.getByTestId('see-map').click();
    const map = await opened;
    const problems = watchProblems(map);
    await map.setViewportSize({ width: 1280, height: 720 });
    await map.locator('svg#map').waitFor({ timeout: 120_000 });
    expect(await map.evaluate(() => document.documentElement.lang)).toBe('en');
    const taken = await map.locator('.node.on-taken').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-node')));
    expect(taken[0]).toBe(playable.scenario.start);
    expect(taken.length).toBeGreaterThan(2);
    // The boxes show the Finnish scenario's own words.
    await map.locator(`.node[data-node="${playable.scenario.start}"]`).click();
    await expect.poll(() => map.locator('#panel').textContent()).toContain(playable.scenario.nodes[playable.scenario.start]!.says[0]!.text);
    await map.screenshot({ path: join(DOCS_IMAGES, 'graph-debrief-map.png') });
    await expect.poll(() => page.getByTestId('map-status').textContent()).toBe('The map opened in a new tab.');
    expect(problems).toEqual([]);
  });
});
