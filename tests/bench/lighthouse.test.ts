import { describe, expect, test } from 'vitest';
import { findLighthouse, medianRun, readReport, type LighthouseRun } from '../../bench/measure/lighthouse.ts';

/** The parts of a Lighthouse 12 JSON report the bench reads (shapes as Lighthouse writes them). */
function report(performance: number, fcp: number, extra: Record<string, object> = {}) {
  return {
    categories: { performance: { score: performance }, accessibility: { score: 1 }, 'best-practices': { score: 1 } },
    audits: {
      'first-contentful-paint': { numericValue: fcp, score: 1 },
      'largest-contentful-paint': { numericValue: fcp + 40, score: 1 },
      'total-blocking-time': { numericValue: 120, score: 0.95 },
      'cumulative-layout-shift': { numericValue: 0.001, score: 1 },
      'speed-index': { numericValue: 900, score: 1 },
      'largest-contentful-paint-element': {
        score: null,
        details: { type: 'list', items: [{ type: 'table', items: [{ node: { selector: 'div#cd-splash > div.cd-splash-stage > div.cd-splash-panel > h1' } }] }] },
      },
      ...extra,
    },
  };
}

describe('real Lighthouse figures for the bench', () => {
  test('reads scores, metrics, the largest paint element and what costs time', () => {
    const run = readReport(
      report(0.97, 420, {
        'unused-javascript': { title: 'Reduce unused JavaScript', score: 0.5, displayValue: 'Est savings of 240 KiB' },
        'render-blocking-resources': { title: 'Eliminate render-blocking resources', score: 1 },
      }),
    );
    expect(run).toMatchObject({ performance: 97, accessibility: 100, bestPractices: 100, fcpMs: 420, lcpMs: 460, tbtMs: 120, cls: 0.001, speedIndexMs: 900 });
    expect(run.lcpElement).toBe('div#cd-splash > div.cd-splash-stage > div.cd-splash-panel > h1');
    expect(run.findings).toEqual(['Reduce unused JavaScript: Est savings of 240 KiB']);
  });

  test('takes the median of each figure over the runs', () => {
    const runs: LighthouseRun[] = [readReport(report(0.62, 800)), readReport(report(0.97, 400)), readReport(report(0.9, 500))];
    const mid = medianRun(runs);
    expect(mid.performance).toBe(90);
    expect(mid.fcpMs).toBe(500);
    expect(mid.lcpMs).toBe(540);
  });

  test('runs Lighthouse only when one is named, by option or environment', () => {
    expect(findLighthouse(null, {})).toBeNull();
    expect(findLighthouse(null, { LIGHTHOUSE_BIN: '' })).toBeNull();
    expect(findLighthouse(null, { LIGHTHOUSE_BIN: '/tmp/lh/node_modules/.bin/lighthouse' })).toBe('/tmp/lh/node_modules/.bin/lighthouse');
    expect(findLighthouse('/opt/lighthouse', { LIGHTHOUSE_BIN: '/tmp/lh' })).toBe('/opt/lighthouse');
  });
});
