/**
 * Browser harness for the end-to-end tests: Debian's Chromium driven by playwright-core.
 * Every page records console errors, uncaught exceptions and failed requests; `useBrowser`
 * fails the test that produced any of them.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject, onTestFailed } from 'vitest';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '__screenshots__');
export const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');

/** Launches headless Chromium; `args` adds switches such as an autoplay policy. */
export function launchBrowser(args: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage', ...args],
  });
}

/** One open game tab and everything that went wrong in it. */
export interface GameSession {
  context: BrowserContext;
  page: Page;
  /** Console errors, page errors and failed requests, in order. */
  problems: string[];
}

/** Options for a fresh browser context; defaults to 1280×720, English. */
export type OpenOptions = BrowserContextOptions & {
  /** Path under the served build, default the game's page. */
  path?: string;
  /** Install Playwright's fake clock before the page loads (it runs at normal speed until skipped). */
  clock?: boolean;
  /** Script run in the page before the game's own code. */
  initScript?: () => void;
};

/** Opens the built game in a fresh context and records its problems. */
export async function openGame(browser: Browser, options: OpenOptions = {}): Promise<GameSession> {
  const { path = '', clock = false, initScript, ...contextOptions } = options;
  const context = await browser.newContext({
    viewport: SIZES[0],
    locale: 'en-US',
    ...contextOptions,
  });
  const page = await context.newPage();
  const problems = watchProblems(page);
  if (initScript) await page.addInitScript(initScript);
  if (clock) await page.clock.install();
  await page.goto(new URL(path, inject('baseUrl')).href);
  return { context, page, problems };
}

/** Collects console errors, uncaught exceptions and failed or missing requests of a page. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    const where = message.location().url;
    if (message.type() === 'error' && !isFavicon(where)) problems.push(`console error: ${message.text()} (${where})`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.stack ?? error.message}`));
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? 'failed';
    if (reason !== 'net::ERR_ABORTED') problems.push(`request failed: ${request.url()} (${reason})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !isFavicon(response.url())) {
      problems.push(`HTTP ${response.status()}: ${response.url()}`);
    }
  });
  return problems;
}

/** The browser asks for /favicon.ico on its own; its absence is not the game's error. */
function isFavicon(url: string): boolean {
  return new URL(url, 'http://localhost').pathname.endsWith('/favicon.ico');
}

/**
 * Registers hooks for a test file: one browser for the file, and after each test an assertion
 * that its sessions logged no problems. Returns `open()` for tests to start a session.
 */
export function useBrowser(args: string[] = []): { open(options?: OpenOptions): Promise<GameSession> } {
  let browser: Browser | undefined;
  let sessions: GameSession[] = [];
  beforeAll(async () => {
    browser = await launchBrowser(args);
  });
  afterEach(async () => {
    const problems = sessions.flatMap((session) => session.problems);
    await Promise.all(sessions.map((session) => session.context.close()));
    sessions = [];
    expect(problems, 'the page logged errors').toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    async open(options) {
      if (!browser) throw new Error('useBrowser().open() called outside a test');
      const session = await openGame(browser, options);
      sessions.push(session);
      return session;
    },
  };
}

/** The page a test of `useSharedPage` plays on; `fresh` when it was just opened (on the Title). */
export interface SharedPage {
  page: Page;
  fresh: boolean;
}

/**
 * Registers hooks for a test file whose tests play one after another on ONE page, the way a
 * trainee's long session does: much quicker than a page per test (each load is seconds of
 * Phaser start-up on a busy machine). After each test, a problem the page logged during that
 * test (console error, page error, failed request) fails it. A failed test leaves the page in an
 * unknown state, so the next test gets a fresh one; `page()` says which it got.
 */
export function useSharedPage(options: OpenOptions = {}, args: string[] = []): { page(): Promise<SharedPage> } {
  let browser: Browser | undefined;
  let session: GameSession | undefined;
  let seen = 0;
  let failed = false;
  const drop = async (): Promise<void> => {
    await session?.context.close();
    session = undefined;
    seen = 0;
  };
  beforeAll(async () => {
    browser = await launchBrowser(args);
  });
  afterEach(async () => {
    const problems = session ? session.problems.slice(seen) : [];
    seen = session?.problems.length ?? 0;
    if (failed || problems.length > 0) await drop();
    failed = false;
    expect(problems, 'the page logged errors').toEqual([]);
  });
  afterAll(async () => {
    await drop();
    await browser?.close();
  });
  return {
    async page() {
      if (!browser) throw new Error('useSharedPage().page() called outside a test');
      onTestFailed(() => {
        failed = true;
      });
      if (session) return { page: session.page, fresh: false };
      session = await openGame(browser, options);
      return { page: session.page, fresh: true };
    },
  };
}

/** Waits until the game has marked `app-ready` (the Title screen accepts input). */
export async function waitForAppReady(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('app-ready', 'mark').length > 0, undefined, {
    timeout,
  });
}

/** Waits for `count` animation frames, so the canvas has drawn what the DOM already shows. */
export async function nextFrames(page: Page, count = 2): Promise<void> {
  await page.evaluate(
    (frames) =>
      new Promise<void>((done) => {
        const step = (left: number): void => {
          if (left <= 0) done();
          else requestAnimationFrame(() => step(left - 1));
        };
        step(frames);
      }),
    count,
  );
}

/** A compact description of one axe violation, for readable test failures. */
export interface AxeFinding {
  rule: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe-core on the current page and returns its violations (an empty list is clean). */
export async function axeViolations(page: Page): Promise<AxeFinding[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async () => {
    type AxeResult = {
      violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
    };
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResult> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.map(String).join(' ')),
    }));
  });
}

/**
 * Checks that axe-core finds no violations on the screen now shown. A finding fails the test
 * but lets it go on (a soft assertion), so one run lists the findings of every screen.
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  expect.soft(await axeViolations(page), `axe violations on the ${screen} screen`).toEqual([]);
}

/**
 * Saves the current screen at 1280×720 and at 1920×1080 as `<name>-<w>x<h>.png`, then puts the
 * viewport back. The game scales to fit, so each size gets a moment to re-layout.
 */
export async function saveScreens(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const original = page.viewportSize();
  // The DevTools protocol's own capture is several times faster than page.screenshot() with
  // software WebGL, which matters on a shared CI machine.
  const cdp = await page.context().newCDPSession(page);
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await settleLayout(page);
    const shot = await cdp.send('Page.captureScreenshot', { format: 'png', optimizeForSpeed: true });
    await writeFile(join(SCREENSHOT_DIR, `${name}-${size.width}x${size.height}.png`), Buffer.from(shot.data, 'base64'));
  }
  await cdp.detach();
  if (original) {
    await page.setViewportSize(original);
    await settleLayout(page);
  }
}

async function settleLayout(page: Page): Promise<void> {
  if (heldPages.has(page)) {
    // Time is held: let the game draw a few frames' worth without the customer moving on.
    await page.clock.runFor(50);
    await page.waitForTimeout(100);
    await page.clock.runFor(50);
    return;
  }
  await nextFrames(page, 2);
  await page.waitForTimeout(120);
  await nextFrames(page, 2);
}

const heldPages = new WeakSet<Page>();

/** Pauses a running fake clock a moment ahead of the page's now (the clock moves while we ask). */
async function pauseClock(page: Page): Promise<void> {
  for (const ahead of [250, 1000, 3000]) {
    const now = await page.evaluate(() => Date.now());
    const paused = await page.clock.pauseAt(now + ahead).then(
      () => true,
      (error: Error) => {
        if (!error.message.includes('to the past')) throw error;
        return false;
      },
    );
    if (paused) return;
  }
  throw new Error('could not pause the fake clock');
}

/**
 * Runs `work` with the page's fake clock (see `OpenOptions.clock`) paused: time then moves only
 * when the test moves it (`page.clock.fastForward`), so slow work such as screenshots on a busy
 * machine does not count as the trainee's silence, and an idle game draws no frames.
 */
export async function holdTime<T>(page: Page, work: () => Promise<T>): Promise<T> {
  if (heldPages.has(page)) return work();
  await pauseClock(page);
  heldPages.add(page);
  try {
    return await work();
  } finally {
    heldPages.delete(page);
    await page.clock.resume();
  }
}
