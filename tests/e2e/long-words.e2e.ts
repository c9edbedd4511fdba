/**
 * Item 11 of issue 12: long unbroken words (the loader allows 400 characters) wrap on every
 * screen, at 100 % and 150 % text size, in Latin and Arabic script. Two test scenarios whose every
 * text is one such word (tests/fixtures/e2e-long-words) are built into a test-only game; on the
 * scenario list, briefing, conversation and debrief nothing may stick out of the viewport, and no
 * box may cut off its text sideways.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { build, type Plugin } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import config from '../../vite.config.ts';
import { scenarioCatalog } from '../../src/build/scenarioCatalog.ts';
import { loadScenario } from '../../src/scenario/index.ts';
import type { Scenario } from '../../src/scenario/model.ts';
import { memoryBackend } from '../../src/storage/backend.ts';
import { createStore, SETTINGS_KEY } from '../../src/storage/store.ts';
import { saveScreens, useBrowser } from './harness/browser.ts';
import { playToDebrief, press, waitForScene } from './harness/flows.ts';
import { serveStatic, type StaticServer } from './harness/static-server.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURES = 'tests/fixtures/e2e-long-words';
const FILES = [`${FIXTURES}/long-words.en.yaml`, `${FIXTURES}/long-words-arabic.en.yaml`];
const SCENARIO_GLOB = "'/scenarios/*.{yaml,yml}'";

/** The game built with the fixture folder as its scenario list (the game's code is not changed). */
async function buildLongWordsGame(): Promise<string> {
  const outDir = join(ROOT, 'node_modules', '.cache', 'calm-desk-e2e', 'long-words');
  const folder: Plugin = {
    name: 'calm-desk-e2e:long-words-folder',
    enforce: 'pre',
    transform(code, id) {
      if (!id.replaceAll('\\', '/').endsWith('/src/game/scenarios.ts')) return undefined;
      if (!code.includes(SCENARIO_GLOB)) throw new Error(`src/game/scenarios.ts no longer has the glob ${SCENARIO_GLOB}`);
      return code.replace(SCENARIO_GLOB, `'/${FIXTURES}/*.{yaml,yml}'`);
    },
  };
  await build({ ...config, configFile: false, root: ROOT, logLevel: 'warn', plugins: [folder, scenarioCatalog({ dir: FIXTURES })], build: { ...config.build, outDir, emptyOutDir: true } });
  return outDir;
}

function fixture(file: string): Scenario {
  const { scenario } = loadScenario(readFileSync(join(ROOT, file), 'utf8'), file);
  if (!scenario) throw new Error(`${file} does not load`);
  return scenario;
}

/** Saved settings with this text size, as the store writes them. */
function settingsWithTextScale(textScale: number): string {
  const backend = memoryBackend();
  const store = createStore(backend);
  store.saveSettings({ ...store.settings(), textScale: textScale as never });
  return backend.getItem(SETTINGS_KEY)!;
}

/** Everything on screen that sticks out of the viewport sideways, or cuts its own text off. */
async function overflows(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const height = window.innerHeight;
    /** Inside a box that scrolls or clips, being below the window is fine (it scrolls into view). */
    const scrolls = (el: Element) => {
      for (let up = el.parentElement; up; up = up.parentElement) if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(up).overflowY)) return true;
      return false;
    };
    const found: string[] = [];
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
    const doc = document.documentElement;
    if (doc.scrollWidth > width + 1) found.push(`the page is ${doc.scrollWidth} px wide in a ${width} px window`);
    const screens = [...document.querySelectorAll<HTMLElement>('#cd-overlay section.cd-screen[data-scene]')];
    const screen = screens.at(-1);
    for (const el of screen ? [screen, ...screen.querySelectorAll<HTMLElement>('*')] : []) {
      if (el.closest('[hidden], .cd-sr-only, svg')) continue;
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (box.right > width + 1 || box.left < -1) found.push(`${name(el)} spans ${Math.round(box.left)}..${Math.round(box.right)} px of ${width}`);
      if (box.bottom > height + 1 && !scrolls(el)) found.push(`${name(el)} runs down to ${Math.round(box.bottom)} px of ${height}`);
      // A line-clamped box ends in an ellipsis on purpose (its glyph may overhang by a few px).
      const clamped = style.getPropertyValue('-webkit-line-clamp') !== 'none';
      if (el.scrollWidth > el.clientWidth + 1 && style.overflowX !== 'visible' && !clamped) found.push(`${name(el)} cuts its text off (${el.scrollWidth} px in ${el.clientWidth} px)`);
    }
    return [...new Set(found)].slice(0, 20);
  });
}

const browser = useBrowser();
let game: StaticServer;

beforeAll(async () => {
  game = await serveStatic(await buildLongWordsGame());
}, 240_000);

afterAll(async () => {
  await game?.close();
});

describe('long unbroken words wrap on every screen', () => {
  for (const textScale of [1, 1.5]) {
    for (const file of FILES) {
      test(`${file.replace(/^.*\//, '')} at ${textScale * 100} % text size`, async () => {
        const scenario = fixture(file);
        const { page } = await browser.open({ path: game.url, clock: true, viewport: { width: 1280, height: 720 } });
        await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [SETTINGS_KEY, settingsWithTextScale(textScale)]);
        await page.reload();
        const check = async (scene: string) => {
          await waitForScene(page, scene);
          await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
          expect(await overflows(page), `${scene} at ${textScale * 100} %`).toEqual([]);
        };
        await waitForScene(page, 'Title');
        await press(page, page.getByTestId('play'), 'keyboard');
        await check('ScenarioSelect');
        await saveScreens(page, `long-words-select-${textScale * 100}`);
        await press(page, page.locator(`button.cd-card[data-file="${file}"]`), 'keyboard');
        await page.getByTestId('start').waitFor();
        await check('Briefing');
        await press(page, page.getByTestId('start'), 'keyboard');
        await page.getByTestId('captions').waitFor({ state: 'attached' });
        let checkedReplies = false;
        await playToDebrief(page, scenario, 'keyboard', { prefer: 'good' }, async () => {
          await saveScreens(page, `long-words-conversation-${textScale * 100}`);
          await check('Conversation');
          checkedReplies = true;
        });
        expect(checkedReplies).toBe(true);
        await saveScreens(page, `long-words-debrief-${textScale * 100}`);
        await check('Debrief');
      });
    }
  }
});
