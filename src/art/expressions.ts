/**
 * How each expression moves a face: brow heights, eye shape, mouth shape, cheek colour.
 * Shared by every character, so a worried face reads the same on everyone.
 */
import type { Expression } from '../scenario/vocabulary.ts';
import { mix, tag } from './svg.ts';
import type { Character } from './characters.ts';

export interface Face {
  /** Brow y at the inner end, the middle control point and the outer end; stroke weight. */
  brow: { inner: number; mid: number; outer: number; weight: number };
  eyes: (x: number, y: number, c: Character, side: number) => string;
  mouth: (lip: string, c: Character) => string;
  cheek?: { color: string; opacity: number };
  /** Whole-face red tint for anger (opacity). */
  flush?: number;
  closedEyes?: boolean;
  extra?: (c: Character) => string;
}

const INK = '#2a1d1a';

/**
 * Open eye: white, dark iris and a highlight. `lid` (0..1) lowers a skin-coloured lid over it,
 * `tilt` slants the lid (inner end down for anger, up for sadness), `size` widens the eye.
 */
function openEye(lid: number, tilt = 0, size = 1) {
  return (x: number, y: number, c: Character, side: number) => {
    const rx = 18 * size;
    const ry = 15 * size;
    const white = tag('ellipse', { cx: x, cy: y, rx, ry, fill: '#fbfaf6', stroke: mix(c.skin, INK, 0.55), 'stroke-width': 2.5 });
    const iris =
      tag('ellipse', { cx: x, cy: y + 1, rx: 11 * size, ry: 12.5 * size, fill: INK }) +
      tag('circle', { cx: x + 4, cy: y - 4, r: 3.6, fill: '#ffffff' });
    const upper = tag('path', {
      d: `M${x - rx - 2} ${y - 2} Q${x} ${y - ry - 9} ${x + rx + 2} ${y - 2}`,
      fill: 'none',
      stroke: INK,
      'stroke-width': 4,
      'stroke-linecap': 'round',
    });
    if (lid <= 0) return white + iris + upper;
    const top = y - ry - 6;
    const cut = y - ry + lid * 2 * ry;
    // Tilt raises one end of the lid: the inner end (towards the nose) is on the side facing the centre.
    const leftY = cut + (side < 0 ? -tilt : tilt);
    const rightY = cut + (side < 0 ? tilt : -tilt);
    const lidPath = `M${x - rx - 6} ${top} L${x + rx + 6} ${top} L${x + rx + 6} ${rightY} L${x - rx - 6} ${leftY} Z`;
    const edge = `M${x - rx - 3} ${leftY} L${x + rx + 3} ${rightY}`;
    return (
      white +
      iris +
      tag('path', { d: lidPath, fill: c.skin }) +
      tag('path', { d: edge, stroke: INK, 'stroke-width': 4.5, 'stroke-linecap': 'round' })
    );
  };
}

/** Closed eye as an arc; `up` gives the smiling ^ shape, otherwise a relaxed ‿ shape. */
function closedEye(up: boolean) {
  return (x: number, y: number) =>
    tag('path', {
      d: up ? `M${x - 16} ${y + 4} Q${x} ${y - 14} ${x + 16} ${y + 4}` : `M${x - 16} ${y - 2} Q${x} ${y + 12} ${x + 16} ${y - 2}`,
      fill: 'none',
      stroke: INK,
      'stroke-width': 5,
      'stroke-linecap': 'round',
    });
}

const line = (d: string, color: string, width = 6) =>
  tag('path', { d, fill: 'none', stroke: color, 'stroke-width': width, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' });

export const FACES: Record<Expression, Face> = {
  neutral: {
    brow: { inner: 268, mid: 260, outer: 266, weight: 9 },
    eyes: openEye(0),
    mouth: (lip) => line('M270 418 Q300 428 330 418', lip, 7),
  },
  worried: {
    brow: { inner: 252, mid: 258, outer: 270, weight: 9 },
    eyes: openEye(0, 0, 1.08),
    mouth: (lip) => line('M272 424 Q286 414 300 420 Q314 426 328 416', lip, 7),
    extra: () =>
      tag('path', { d: 'M410 236 q10 18 0 26 q-10 -8 0 -26 Z', fill: '#9fd0e8', stroke: '#6aa9c9', 'stroke-width': 2 }),
  },
  sad: {
    brow: { inner: 250, mid: 258, outer: 274, weight: 9 },
    eyes: openEye(0.45, -5),
    mouth: (lip) => line('M270 430 Q300 408 330 430', lip, 7),
    extra: () => tag('path', { d: 'M238 344 q8 16 0 24 q-8 -8 0 -24 Z', fill: '#a8d4ec', stroke: '#6aa9c9', 'stroke-width': 2 }),
  },
  annoyed: {
    brow: { inner: 272, mid: 266, outer: 264, weight: 10 },
    eyes: openEye(0.5, 0),
    mouth: (lip) => line('M276 424 Q300 420 326 414', lip, 7),
    cheek: { color: '#e0705a', opacity: 0.15 },
  },
  angry: {
    brow: { inner: 282, mid: 262, outer: 254, weight: 11 },
    eyes: openEye(0.42, 6),
    mouth: (lip) =>
      tag('path', { d: 'M268 432 Q300 400 332 432 Q300 420 268 432 Z', fill: mix(lip, '#3a1010', 0.35), stroke: lip, 'stroke-width': 6, 'stroke-linejoin': 'round' }),
    cheek: { color: '#d9503c', opacity: 0.32 },
    flush: 0.06,
  },
  furious: {
    brow: { inner: 288, mid: 262, outer: 248, weight: 13 },
    eyes: openEye(0.5, 9, 0.95),
    mouth: (lip) =>
      tag('path', { d: 'M262 420 Q300 396 338 420 Q342 462 300 466 Q258 462 262 420 Z', fill: '#5a1a1f', stroke: lip, 'stroke-width': 6 }) +
      tag('path', { d: 'M272 418 Q300 404 328 418 L326 428 Q300 420 274 428 Z', fill: '#ffffff' }),
    cheek: { color: '#cc3b2a', opacity: 0.45 },
    flush: 0.14,
    extra: () =>
      line('M414 214 l16 -10 M420 232 l22 -2 M408 200 l6 -18', '#c2483a', 5),
  },
  relieved: {
    brow: { inner: 258, mid: 250, outer: 262, weight: 9 },
    eyes: closedEye(false),
    closedEyes: true,
    mouth: (lip) => line('M268 414 Q300 438 332 414', lip, 7),
    cheek: { color: '#ef9a8a', opacity: 0.3 },
  },
  happy: {
    brow: { inner: 256, mid: 244, outer: 256, weight: 9 },
    eyes: closedEye(true),
    closedEyes: true,
    mouth: (lip) =>
      tag('path', { d: 'M262 410 Q300 414 338 410 Q334 456 300 458 Q266 456 262 410 Z', fill: '#6b2228', stroke: lip, 'stroke-width': 5, 'stroke-linejoin': 'round' }) +
      tag('path', { d: 'M270 412 Q300 416 330 412 L328 424 Q300 428 272 424 Z', fill: '#ffffff' }),
    cheek: { color: '#ef8a7a', opacity: 0.4 },
  },
};
