/**
 * Cold loads: time from navigation to `performance.mark('app-ready')`, and what travelled over
 * the wire before that mark. Every load uses a fresh browser context, so nothing is cached.
 */
import type { Browser } from 'playwright-core';
import { installPaintObservers, readPaintMetrics, type PaintMetrics } from './paint.ts';

/** One resource the page fetched, as Resource Timing reports it. */
export interface FetchedResource {
  url: string;
  kind: 'document' | 'js' | 'css' | 'font' | 'other';
  /** Bytes on the wire (gzip where the server compressed it). */
  bytes: number;
  startMs: number;
}

/** One cold load of a page. */
export interface ColdLoad {
  appReadyMs: number;
  /** First contentful paint (the static splash of index.html, issue 12), -1 when none. */
  firstPaintMs: number;
  /** Lighthouse's load metrics, measured in the page (see paint.ts). */
  paint: PaintMetrics;
  resources: FetchedResource[];
}

/** Loads `url` cold at 1280×720 and waits for its `app-ready` mark. */
export async function coldLoad(browser: Browser, url: string): Promise<ColdLoad> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'en-US' });
  try {
    const page = await context.newPage();
    await page.addInitScript(installPaintObservers);
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('app-ready', 'mark').length > 0, undefined, {
      timeout: 60_000,
    });
    const appReadyMs = await page.evaluate(() => performance.getEntriesByName('app-ready', 'mark')[0]?.startTime ?? -1);
    const firstPaintMs = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1);
    const paint = await readPaintMetrics(page);
    const resources = await page.evaluate(() =>
      [
        ...(performance.getEntriesByType('navigation') as PerformanceResourceTiming[]),
        ...(performance.getEntriesByType('resource') as PerformanceResourceTiming[]),
      ].map((entry) => ({ url: entry.name, type: entry.initiatorType, bytes: entry.encodedBodySize, startMs: entry.startTime })),
    );
    return {
      appReadyMs,
      firstPaintMs,
      paint,
      resources: resources.map((entry) => ({ url: entry.url, kind: kindOf(entry.url, entry.type), bytes: entry.bytes, startMs: entry.startMs })),
    };
  } finally {
    await context.close();
  }
}

function kindOf(url: string, initiatorType: string): FetchedResource['kind'] {
  if (initiatorType === 'navigation') return 'document';
  const path = new URL(url).pathname.toLowerCase();
  if (/\.m?js$/.test(path)) return 'js';
  if (path.endsWith('.css')) return 'css';
  if (/\.(woff2?|ttf|otf)$/.test(path)) return 'font';
  return 'other';
}

/** Sums what a load fetched before `app-ready`, by kind, in bytes. */
export function firstScreenBytes(load: ColdLoad): Record<FetchedResource['kind'], number> {
  const totals = { document: 0, js: 0, css: 0, font: 0, other: 0 };
  for (const resource of load.resources) {
    if (resource.startMs <= load.appReadyMs) totals[resource.kind] += resource.bytes;
  }
  return totals;
}
