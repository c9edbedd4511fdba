/**
 * Item 13 of issue 12: index.html paints a static first screen (the title and a loading
 * indicator) before the game's JavaScript runs; the indicator respects reduced motion, and the
 * splash leaves once the title screen is ready.
 */
import { describe, expect, test } from 'vitest';
import { useBrowser, waitForAppReady } from './harness/browser.ts';

const browser = useBrowser();

/** Without JavaScript the browser still tries the module preloads and refuses them: expected here. */
function forgetRefusedScripts(problems: string[]): void {
  const unexpected = problems.filter((p) => !/^request failed: .*\.js \(csp\)$/.test(p));
  problems.splice(0, problems.length, ...unexpected);
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

  test('paints before the game is ready, then leaves the page to the game', async () => {
    const { page } = await browser.open();
    await waitForAppReady(page);
    const timing = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Infinity,
      ready: performance.getEntriesByName('app-ready', 'mark')[0]!.startTime,
    }));
    console.log(`first contentful paint ${timing.fcp.toFixed(0)} ms, app-ready ${timing.ready.toFixed(0)} ms`);
    expect(timing.fcp).toBeLessThan(timing.ready);
    expect(await page.locator('#cd-splash').count()).toBe(0);
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
