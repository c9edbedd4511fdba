/**
 * Lighthouse's page-load metrics without Lighthouse: first contentful paint, largest contentful
 * paint, total blocking time (long tasks from first paint to app-ready) and cumulative layout
 * shift, read from the page's own Performance APIs on a cold load, and scored with Lighthouse's
 * desktop curves (log-normal, its published p10 and median per metric) into an estimate of its
 * performance score.
 *
 * Why not Lighthouse itself: version 13 needs Node 22 (the project supports Node 20) and installs
 * 176 MB (puppeteer, Sentry, trace engine), which every fresh-clone CI install would pay for.
 * Differences to keep in mind: Lighthouse simulates a throttled network (40 ms round trips,
 * 10 Mbit/s) and measures Speed Index from a filmstrip; this measures the real load from the
 * local server, without Speed Index (its weight is left out and the others rescaled).
 */
import type { Page } from 'playwright-core';

/**
 * Observers installed before the page's own code (`page.addInitScript(installPaintObservers)`).
 * Plain JavaScript in a string, like recorder.js: the bench runs through tsx, which names arrow
 * functions with a `__name(...)` helper that does not exist in the page, so a TypeScript function
 * handed to the page threw there and every figure read 0 (no LCP, no layout shift, no long task).
 */
export const installPaintObservers = `(() => {
  const store = { lcp: 0, cls: 0, longTasks: [] };
  window.__paint = store;
  function observe(type, handle) {
    try {
      new PerformanceObserver(function (list) { list.getEntries().forEach(handle); }).observe({ type: type, buffered: true });
    } catch (error) {
      // An entry type this browser does not know: the figure stays 0.
    }
  }
  observe('largest-contentful-paint', function (entry) { store.lcp = Math.max(store.lcp, entry.startTime); });
  observe('layout-shift', function (entry) { if (!entry.hadRecentInput) store.cls += entry.value; });
  observe('longtask', function (entry) { store.longTasks.push({ start: entry.startTime, duration: entry.duration }); });
})();`;

/** What one cold load painted, in milliseconds (CLS has no unit). */
export interface PaintMetrics {
  fcpMs: number;
  lcpMs: number;
  /** Sum of (long task − 50 ms) between first contentful paint and app-ready. */
  tbtMs: number;
  cls: number;
}

/** Reads the metrics once the page has marked app-ready (and LCP can no longer change for the splash). */
export async function readPaintMetrics(page: Page): Promise<PaintMetrics> {
  return page.evaluate(() => {
    const store = (window as unknown as { __paint?: { lcp: number; cls: number; longTasks: { start: number; duration: number }[] } }).__paint;
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1;
    const ready = performance.getEntriesByName('app-ready', 'mark')[0]?.startTime ?? Number.POSITIVE_INFINITY;
    const tbt = (store?.longTasks ?? [])
      .filter((task) => task.start + task.duration > fcp && task.start < ready)
      .reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0);
    return { fcpMs: fcp, lcpMs: store?.lcp ?? -1, tbtMs: tbt, cls: store?.cls ?? 0 };
  });
}

/** Lighthouse 10–13 desktop scoring: p10 and median of each metric, and its weight. */
const DESKTOP = {
  fcpMs: { p10: 934, median: 1600, weight: 10 },
  lcpMs: { p10: 1200, median: 2400, weight: 25 },
  tbtMs: { p10: 150, median: 350, weight: 30 },
  cls: { p10: 0.1, median: 0.25, weight: 25 },
} as const;

/** The estimated Lighthouse desktop performance score, 0–100 (Speed Index left out, weights rescaled). */
export function estimatedLighthouseScore(metrics: PaintMetrics): number {
  let total = 0;
  let weights = 0;
  for (const [name, curve] of Object.entries(DESKTOP)) {
    total += curve.weight * logNormalScore(curve.p10, curve.median, metrics[name as keyof PaintMetrics]);
    weights += curve.weight;
  }
  return Math.round((100 * total) / weights);
}

/** Lighthouse's `getLogNormalScore`: 0.9 at p10, 0.5 at the median, kept inside the band the value falls in. */
export function logNormalScore(p10: number, median: number, value: number): number {
  if (value <= 0) return 1;
  const INVERSE_ERFC_ONE_FIFTH = 0.9061938024368232;
  const standardized = (Math.log(value / median) * INVERSE_ERFC_ONE_FIFTH) / -Math.log(p10 / median);
  const score = erfc(standardized) / 2;
  if (value <= p10) return Math.max(0.9, Math.min(1, score));
  if (value <= median) return Math.max(0.5, Math.min(0.8999999999999999, score));
  return Math.max(0, Math.min(0.49999999999999994, score));
}

/** Complementary error function (Numerical Recipes' approximation, good to 1e-7). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + z / 2);
  const r =
    t *
    Math.exp(
      -z * z - 1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}
