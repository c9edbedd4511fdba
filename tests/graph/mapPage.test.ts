/**
 * The scenario map: dagre lays out every node and way on; the page escapes every scenario text,
 * marks the best and worst paths and the path a player took, and flags trust-ruiners with a
 * symbol as well as colour.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { playScript } from '../../src/analysis/play.ts';
import { escapeHtml, mapWords, scriptJson } from '../../src/graph/graphHtml.ts';
import { layoutScenario } from '../../src/graph/layout.ts';
import { scenarioMapHtml } from '../../src/graph/mapPage.ts';
import { traceTranscript } from '../../src/graph/trace.ts';
import { createI18n } from '../../src/i18n/index.ts';
import { loadScenario } from '../../src/scenario/load.ts';

const kettleText = readFileSync(new URL('../fixtures/scenarios/valid/kettle-complete.yaml', import.meta.url), 'utf8');
const kettle = loadScenario(kettleText, 'kettle.yaml').scenario!;
const { t } = createI18n('en');

/** The `data-node` ids of the page's SVG boxes. */
const boxIds = (html: string): string[] => [...html.matchAll(/<g class="node[^"]*" data-node="([^"]+)"/g)].map((m) => m[1]!);

describe('layoutScenario', () => {
  const layout = layoutScenario(kettle, mapWords(t));

  it('places every node, without overlaps, inside the drawing', () => {
    expect(layout.nodes.map((n) => n.id)).toEqual(kettle.nodeOrder);
    for (const n of layout.nodes) {
      expect(n.x - n.width / 2).toBeGreaterThanOrEqual(0);
      expect(n.y + n.height / 2).toBeLessThanOrEqual(layout.height);
    }
    for (const a of layout.nodes) {
      for (const b of layout.nodes) {
        if (a === b) continue;
        const apart = Math.abs(a.x - b.x) * 2 >= a.width + b.width || Math.abs(a.y - b.y) * 2 >= a.height + b.height;
        expect(apart, `${a.id} overlaps ${b.id}`).toBe(true);
      }
    }
  });

  it('draws every reply, branch and silence as a routed edge; trust-ruiners are flagged', () => {
    const keys = layout.edges.map((e) => e.key);
    expect(keys).toContain('reply:arrival:acknowledge');
    expect(keys).toContain('silence:arrival');
    expect(keys).toContain('branch:offer:0');
    for (const e of layout.edges) expect(e.points.length).toBeGreaterThanOrEqual(2);
    expect(layout.edges.find((e) => e.key === 'reply:arrival:dropped')).toMatchObject({ ruiner: true, label: 'dropped · judging', to: 'defensive' });
    expect(layout.edges.find((e) => e.key === 'reply:arrival:acknowledge')?.ruiner).toBe(false);
  });

  it('colours a node by the mood on arrival over every play', () => {
    const arrival = layout.nodes.find((n) => n.id === 'arrival')!;
    expect(arrival.mood).toMatchObject({ min: kettle.customer.mood, max: kettle.customer.mood });
    const defensive = layout.nodes.find((n) => n.id === 'defensive')!;
    expect(defensive.mood!.min).toBeGreaterThan(kettle.customer.mood);
    expect(layout.nodes.find((n) => n.id === 'offer')!.kind).toBe('branch');
  });
});

describe('scenarioMapHtml', () => {
  const html = scenarioMapHtml(kettle, { t, language: 'en' });

  it('is one self-contained page: no external script, style, image or font', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script[^>]+src=|<link\b|url\(http|@import|<img\b/);
    expect(html).toContain("default-src 'none'");
  });

  it('has a focusable box for every node id, in file order', () => {
    expect(boxIds(html)).toEqual(kettle.nodeOrder);
    expect(html.match(/<g class="node[^>]*tabindex="0" role="button" aria-label="[^"]+"/g)).toHaveLength(kettle.nodeOrder.length);
  });

  it('marks the best and worst paths, with their scores in the legend', () => {
    expect(html).toMatch(/★ best path \(\d+\/100\)/);
    expect(html).toMatch(/▼ worst path \(\d+\/100\)/);
    expect(html).toMatch(/class="node[^"]* on-best[^"]*" data-node="arrival"/);
    expect(html).toMatch(/class="path-best"/);
    expect(html).toMatch(/class="path-worst"/);
    expect(html).not.toContain('path-taken');
  });

  it('flags trust-ruining replies with ⚠ and red, and has a legend for both', () => {
    expect(html).toMatch(/<g class="edge edge-reply ruiner" data-edge="reply:arrival:dropped"/);
    expect(html).toContain('⚠ dropped · judging');
    expect(html).toContain('⚠ a trust-ruiner (red)');
  });

  it('highlights the path a player took', () => {
    const played = playScript(kettle, { choices: ['dropped', 1, 1] });
    const page = scenarioMapHtml(kettle, { t, language: 'en', taken: played.transcript });
    const trace = traceTranscript(played.transcript, kettle.customer.mood);
    expect(trace.nodes.slice(0, 2)).toEqual(['arrival', 'defensive']);
    expect(trace.moves[0]).toEqual({ from: 'arrival', to: 'defensive', kind: 'reply', replyId: 'dropped' });
    for (const id of trace.nodes) expect(page).toMatch(new RegExp(`class="node[^"]* on-taken[^"]*" data-node="${id}"`));
    expect(page).toContain('● the path you took');
  });

  it('escapes hostile scenario text in the SVG, the title and the panel data', () => {
    const hostile = kettleText
      .replace(/^title: .*$/m, 'title: "</title><script>alert(1)</script>"')
      .replace('- angry: This is the second kettle from you that has died in a month.', `- angry: "<img src=x onerror=alert(2)> & </script><script>alert(3)</script>"`)
      .replace('feedback: Naming her frustration first', 'feedback: <b onclick=alert(4)>x</b> Naming her frustration first');
    const evil = loadScenario(hostile, 'kettle.yaml').scenario!;
    expect(evil.title).toContain('<script>');
    const page = scenarioMapHtml(evil, { t, language: 'en' });
    expect(page).not.toMatch(/<script>alert|<img src=x|<b onclick/);
    expect(page.match(/<script\b/g)).toHaveLength(2);
    expect(page.match(/<\/script>/g)).toHaveLength(2);
    expect(page).toContain('&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('\\u003cimg src=x onerror=alert(2)\\u003e');
  });

  it('speaks the language it is given', () => {
    const fi = scenarioMapHtml(kettle, { t: createI18n('fi').t, language: 'fi' });
    expect(fi).toContain('<html lang="fi">');
    expect(fi).toContain('Keskustelun kartta');
    expect(fi).toMatch(/★ paras polku/);
  });
});

describe('escaping helpers', () => {
  it('escapes the five HTML characters and keeps JSON inert inside a script', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const json = scriptJson({ text: '</script><!-- \u2028' });
    expect(json).not.toMatch(/<|>|\u2028/);
    expect(JSON.parse(json)).toEqual({ text: '</script><!-- \u2028' });
  });
});

describe('scenarioMapHtml past the analysis budget', () => {
  it('calls the paths the best and worst found, and says why', () => {
    const file = 'scenarios/kettle-returned-twice.en.yaml';
    const bundled = loadScenario(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'), file).scenario!;
    const complete = scenarioMapHtml(bundled, { t, language: 'en' });
    expect(complete).toContain('★ best path (');
    expect(complete).not.toContain('path found');
    const budget = { states: 3000, plays: 3000 };
    const limited = scenarioMapHtml(bundled, { t, language: 'en', budget });
    expect(limited).toContain('★ best path found (');
    expect(limited).toContain('▼ worst path found (');
    expect(limited).toMatch(/more situations than the analysis explores \(it looked at 3,000\)/);
    const fi = scenarioMapHtml(bundled, { t: createI18n('fi').t, language: 'fi', budget });
    expect(fi).toContain('paras löydetty polku');
  });
});
