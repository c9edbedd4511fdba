/**
 * Item 13 of issue 12: index.html paints a static first screen (the title and a loading
 * indicator) before the game's JavaScript runs; the indicator respects reduced motion, and the
 * splash leaves once the title screen is ready. Nothing render-blocking comes before it (no
 * stylesheet, no preloaded Phaser), and it draws the title screen's panels and heading where the
 * title screen draws them, so nothing jumps when the game takes over.
 */
import { describe, expect, test } from 'vitest';
import { SIZES, useBrowser, waitForAppReady } from './harness/browser.ts';

const browser = useBrowser();

/** Without JavaScript the browser still tries the module preloads and refuses them: expected here. */
function forgetRefusedScripts(problems: string[]): void {
  const unexpected = problems.filter((p) => !/^request failed: .*\.js \(csp\)$/.test(p));
  problems.splice(0, problems.length, ...unexpected);
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
type Boxes = Record<'heading' | 'intro' | 'list', Box>;

/** Runs in the page: notes where the splash's heading and panels are, as soon as it is parsed. */
function recordSplashBoxes(): void {
  document.addEventListener('DOMContentLoaded', () => {
    const box = (selector: string) => {
      const r = document.querySelector(selector)!.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    (window as unknown as { __splashBoxes: object }).__splashBoxes = {
      heading: box('#cd-splash h1'),
      intro: box('#cd-splash .cd-splash-intro'),
      list: box('#cd-splash .cd-splash-list'),
    };
  });
}

describe('first paint', () => {
  test('shows the title and a loading indicator without any JavaScript', async () => {
    const { page, problems } = await browser.open({ javaScriptEnabled: false });
    const splash = page.locator('#cd-splash');
    await splash.waitFor({ state: 'visible' });
    expect(await splash.getByRole('heading', { level: 1 }).innerText()).toBe('Calm Desk');
    expect(await splash.getAttribute('role')).toBe('status');
    expect(await splash.locator('.cd-splash-dots i').count()).toBe(3);
    forgetRefusedScripts(problems);
  });

  test('nothing in the page blocks the first paint or fetches Phaser before it', async () => {
    const { page, problems } = await browser.open({ javaScriptEnabled: false });
    const html = await (await page.request.get(page.url())).text();
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head).not.toMatch(/rel="stylesheet"/);
    expect(head).not.toMatch(/rel="modulepreload"/);
    expect(head.match(/<script\b/g)).toHaveLength(1);
    expect(head).toMatch(/<script type="module"/);
    forgetRefusedScripts(problems);
  });

  test.each(SIZES)('paints before the game is ready, where the title screen will be, then leaves the page to the game ($width×$height)', async (viewport) => {
    const { page } = await browser.open({ viewport, initScript: recordSplashBoxes });
    await waitForAppReady(page);
    const timing = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Infinity,
      ready: performance.getEntriesByName('app-ready', 'mark')[0]!.startTime,
    }));
    console.log(`first contentful paint ${timing.fcp.toFixed(0)} ms, app-ready ${timing.ready.toFixed(0)} ms`);
    expect(timing.fcp).toBeLessThan(timing.ready);
    expect(await page.locator('#cd-splash').count()).toBe(0);
    const splash = await page.evaluate(() => (window as unknown as { __splashBoxes: Boxes }).__splashBoxes);
    const title = await page.evaluate(() => {
      const box = (selector: string) => {
        const r = document.querySelector(selector)!.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      };
      return { heading: box('.cd-title-intro h1'), intro: box('.cd-title-intro'), list: box('.cd-title-list') };
    });
    for (const key of ['heading', 'intro', 'list'] as const) {
      for (const side of ['x', 'y', 'width', 'height'] as const) {
        expect(Math.abs(splash[key][side] - title[key][side]), `${key} ${side}: splash ${splash[key][side]}, title ${title[key][side]}`).toBeLessThan(1.5);
      }
    }
  });

  test('keeps the loading dots still when the player asks for reduced motion', async () => {
    const { page, problems } = await browser.open({ javaScriptEnabled: false, reducedMotion: 'reduce' });
    const names = await page.locator('#cd-splash .cd-splash-dots i').evaluateAll((dots) => dots.map((dot) => getComputedStyle(dot).animationName));
    expect(names).toEqual(['none', 'none', 'none']);
    const { page: moving, problems: more } = await browser.open({ javaScriptEnabled: false, reducedMotion: 'no-preference' });
    expect(await moving.locator('#cd-splash .cd-splash-dots i').first().evaluate((dot) => getComputedStyle(dot).animationName)).toBe('cd-splash');
    forgetRefusedScripts(problems);
    forgetRefusedScripts(more);
  });
});
