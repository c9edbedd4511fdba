/**
 * The debrief's mood plot as inline SVG (loaded lazily: only the debrief needs it). Mood runs
 * up the side (0 calm at the bottom), time across; each decision is a numbered dot coloured by
 * how it went, the walk-out level a dashed line, and each stretch the customer waited for the
 * trainee a hatched band (patient silences through venting lighter and dotted), labelled with its
 * seconds, so the patterns carry the meaning without colour. The figure has a text summary for
 * screen readers.
 */
import type { MoodCurveView, MoodWait } from '../../presenter/debriefMood.ts';
import { MOOD_COLOURS, colourCss } from '../../presenter/conversationMood.ts';

const W = 1600;
const H = 380;
const PAD = { left: 96, right: 40, top: 26, bottom: 58 };
const NS = 'http://www.w3.org/2000/svg';

const BANDS: ReadonlyArray<{ from: number; to: number; colour: number }> = [
  { from: 0, to: 35, colour: MOOD_COLOURS.calm },
  { from: 35, to: 60, colour: MOOD_COLOURS.uneasy },
  { from: 60, to: 80, colour: MOOD_COLOURS.upset },
  { from: 80, to: 100, colour: MOOD_COLOURS.furious },
];

function node<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const n = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, String(v));
  if (text !== undefined) n.textContent = text;
  return n;
}

const px = (x: number) => PAD.left + x * (W - PAD.left - PAD.right);
const py = (mood: number) => PAD.top + (1 - mood / 100) * (H - PAD.top - PAD.bottom);

/** Draw the plot; `labelId` names the element whose text describes it. */
export function moodPlot(view: MoodCurveView, labelId: string): SVGSVGElement {
  const svg = node('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': labelId, class: 'cd-debrief-plot' });
  for (const band of BANDS) {
    svg.append(node('rect', { x: PAD.left, y: py(band.to), width: W - PAD.left - PAD.right, height: py(band.from) - py(band.to), fill: colourCss(band.colour), opacity: 0.1 }));
  }
  for (const mood of [0, 50, 100]) {
    svg.append(node('line', { x1: PAD.left, x2: W - PAD.right, y1: py(mood), y2: py(mood), stroke: '#3f5a64', 'stroke-opacity': 0.25, 'stroke-width': 2 }));
    svg.append(node('text', { x: PAD.left - 16, y: py(mood) + 9, 'text-anchor': 'end', class: 'cd-debrief-plot-tick' }, String(mood)));
  }
  const walk = py(view.walkOutAt);
  svg.append(node('line', { x1: PAD.left, x2: W - PAD.right, y1: walk, y2: walk, stroke: colourCss(MOOD_COLOURS.furious), 'stroke-width': 3, 'stroke-dasharray': '12 10' }));
  svg.append(node('text', { x: PAD.left - 16, y: H - 16, 'text-anchor': 'start', class: 'cd-debrief-plot-axis' }, view.axisTime));
  svg.append(node('text', { x: 24, y: PAD.top + 8, class: 'cd-debrief-plot-axis', transform: `rotate(-90 24 ${PAD.top + 8})`, 'text-anchor': 'end' }, view.axisMood));
  if (view.waits.length > 0) svg.append(patterns());
  for (const w of view.waits) svg.append(waitBand(w));
  const path = view.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${px(p.x).toFixed(1)},${py(p.mood).toFixed(1)}`).join(' ');
  const area = `${path} L${px(view.points[view.points.length - 1]?.x ?? 1).toFixed(1)},${py(0)} L${px(0)},${py(0)} Z`;
  svg.append(node('path', { d: area, fill: '#2b6b70', opacity: 0.08 }));
  svg.append(node('path', { d: path, fill: 'none', stroke: '#1d3640', 'stroke-width': 5, 'stroke-linejoin': 'round', 'stroke-linecap': 'round' }));
  for (const m of view.markers) {
    const g = node('g', {});
    g.append(node('circle', { cx: px(m.x), cy: py(m.mood), r: 20, fill: colourCss(m.colour), stroke: '#f8fafa', 'stroke-width': 4 }));
    g.append(node('text', { x: px(m.x), y: py(m.mood) + 8, 'text-anchor': 'middle', class: 'cd-debrief-plot-marker' }, String(m.number)));
    g.append(node('title', {}, m.label));
    svg.append(g);
  }
  return svg;
}

function patterns(): SVGDefsElement {
  const defs = node('defs', {});
  const hatch = node('pattern', { id: 'cd-wait-hatch', width: 16, height: 16, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' });
  hatch.append(node('rect', { width: 16, height: 16, fill: '#d9765f', 'fill-opacity': 0.08 }));
  hatch.append(node('line', { x1: 0, y1: 0, x2: 0, y2: 16, stroke: '#a34a33', 'stroke-width': 4, 'stroke-opacity': 0.22 }));
  const dots = node('pattern', { id: 'cd-wait-dots', width: 18, height: 18, patternUnits: 'userSpaceOnUse' });
  dots.append(node('rect', { width: 18, height: 18, fill: '#4f9a7d', 'fill-opacity': 0.1 }));
  dots.append(node('circle', { cx: 9, cy: 9, r: 3, fill: '#2f6b52', 'fill-opacity': 0.4 }));
  defs.append(hatch, dots);
  return defs;
}

/** One wait: a band across the plot's height from when the customer finished to the decision. */
function waitBand(w: MoodWait): SVGGElement {
  const g = node('g', { class: 'cd-debrief-plot-wait' });
  const x0 = px(w.from);
  const width = Math.max(6, px(w.to) - x0);
  const patient = w.kind === 'patience';
  g.append(node('rect', { x: x0, y: PAD.top, width, height: H - PAD.top - PAD.bottom, fill: `url(#${patient ? 'cd-wait-dots' : 'cd-wait-hatch'})` }));
  g.append(node('text', { x: x0 + width / 2, y: H - PAD.bottom + 34, 'text-anchor': 'middle', class: 'cd-debrief-plot-wait-label' }, w.label));
  g.append(node('title', {}, w.label));
  return g;
}
