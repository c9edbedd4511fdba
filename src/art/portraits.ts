/**
 * Customer portraits: a friendly flat-illustration bust for every portrait id, with every
 * expression drawn through brows, eyes, mouth and cheek colour. Pure string builders, so they
 * are tested in Node and turned into textures by `src/game/textures.ts`.
 *
 * ```ts
 * portraitSvg('woman-60s', 'worried') // '<svg xmlns=… viewBox="0 0 600 720">…</svg>'
 * ```
 */
import type { Expression, PortraitId } from '../scenario/vocabulary.ts';
import { EXPRESSIONS, PORTRAITS } from '../scenario/vocabulary.ts';
import { mix, svgDocument, tag } from './svg.ts';
import { CHARACTERS, type Character } from './characters.ts';
import { FACES, type Face } from './expressions.ts';

export const PORTRAIT_WIDTH = 600;
export const PORTRAIT_HEIGHT = 720;

export interface PortraitOptions {
  /** Accessible title inside the SVG (e.g. "Marja, worried"). */
  title?: string;
}

/** The portrait of `portraitId` making `expression`, as an SVG document string. */
export function portraitSvg(portraitId: PortraitId, expression: Expression, options: PortraitOptions = {}): string {
  const character = CHARACTERS[portraitId] ?? CHARACTERS['person-30s'];
  const face = FACES[expression] ?? FACES.neutral;
  const body = [
    character.hairBack(character),
    torso(character),
    neck(character),
    ears(character),
    head(character),
    flush(face),
    character.hairFront(character),
    ageLines(character),
    facialFeatures(character, face),
    character.extras?.(character, face) ?? '',
  ].join('');
  return svgDocument(PORTRAIT_WIDTH, PORTRAIT_HEIGHT, body, options.title);
}

/**
 * Several portraits side by side in one SVG (one texture instead of many), overlapping a little
 * like a small crowd; every other one stands slightly lower. `scale` sizes each portrait.
 */
export function crowdSvg(members: ReadonlyArray<{ portrait: PortraitId; expression: Expression }>, scale = 0.5, step = 150): string {
  const w = Math.round(PORTRAIT_WIDTH * scale);
  const h = Math.round(PORTRAIT_HEIGHT * scale);
  const lift = 14;
  const width = step * Math.max(0, members.length - 1) + w;
  // Odd members stand behind: draw them first.
  const order = members.map((m, i) => ({ ...m, i })).sort((a, b) => (b.i % 2) - (a.i % 2));
  const body = order
    .map(({ portrait, expression, i }) =>
      portraitSvg(portrait, expression).replace(
        /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="\d+" height="\d+"/,
        `<svg x="${i * step}" y="${(i % 2) * lift}" width="${w}" height="${h}"`,
      ),
    )
    .join('');
  return svgDocument(width, h + lift, body);
}

/** Every portrait id and expression pair, for tests and preloading. */
export function allPortraitVariants(): Array<{ portrait: PortraitId; expression: Expression }> {
  return PORTRAITS.flatMap((portrait) => EXPRESSIONS.map((expression) => ({ portrait, expression })));
}

const CX = 300;
const EYE_Y = 318;
const EYE_DX = 54;

function torso(c: Character): string {
  const shirt = tag('path', { d: 'M40 720 C48 610 120 560 215 540 L385 540 C480 560 552 610 560 720 Z', fill: c.clothing });
  const shade = tag('path', {
    d: 'M40 720 C48 640 90 600 150 580 C140 630 140 680 150 720 Z M560 720 C552 640 510 600 450 580 C460 630 460 680 450 720 Z',
    fill: mix(c.clothing, '#000000', 0.12),
  });
  return shirt + shade + (c.collar?.(c) ?? '');
}

function neck(c: Character): string {
  return (
    tag('path', { d: 'M252 430 L348 430 L352 548 Q300 580 248 548 Z', fill: c.skin }) +
    tag('path', { d: 'M252 470 Q300 505 348 470 L348 500 Q300 530 252 500 Z', fill: mix(c.skin, '#000000', 0.12) })
  );
}

function ears(c: Character): string {
  const ear = (x: number) => tag('ellipse', { cx: x, cy: 330, rx: 22, ry: 34, fill: mix(c.skin, '#000000', 0.05) });
  return ear(CX - 124) + ear(CX + 124);
}

const HEAD = 'M300 150 C380 150 428 212 428 300 C428 390 392 462 300 472 C208 462 172 390 172 300 C172 212 220 150 300 150 Z';

function head(c: Character): string {
  return tag('path', { d: HEAD, fill: c.skin });
}

/** Anger reddens the face (under the hair, so the hair keeps its colour). */
function flush(face: Face): string {
  return face.flush ? tag('path', { d: HEAD, fill: '#d8402f', opacity: face.flush }) : '';
}

function ageLines(c: Character): string {
  if (c.age < 55) return '';
  const line = (d: string) =>
    tag('path', { d, fill: 'none', stroke: mix(c.skin, '#5a3a2a', 0.35), 'stroke-width': 3, 'stroke-linecap': 'round' });
  return (
    line(`M${CX - EYE_DX - 40} ${EYE_Y + 4} l-12 -6 M${CX - EYE_DX - 40} ${EYE_Y + 12} l-12 4`) +
    line(`M${CX + EYE_DX + 40} ${EYE_Y + 4} l12 -6 M${CX + EYE_DX + 40} ${EYE_Y + 12} l12 4`) +
    line('M258 372 Q246 396 256 418 M342 372 Q354 396 344 418')
  );
}

function facialFeatures(c: Character, face: Face): string {
  const browColor = c.browColor;
  const cheeks = face.cheek
    ? tag('ellipse', { cx: CX - 78, cy: 388, rx: 34, ry: 20, fill: face.cheek.color, opacity: face.cheek.opacity }) +
      tag('ellipse', { cx: CX + 78, cy: 388, rx: 34, ry: 20, fill: face.cheek.color, opacity: face.cheek.opacity })
    : '';
  const nose = tag('path', {
    d: `M${CX - 4} 338 Q${CX - 16} 374 ${CX - 8} 384 Q${CX + 2} 390 ${CX + 14} 382`,
    fill: 'none',
    stroke: mix(c.skin, '#5a3a2a', 0.4),
    'stroke-width': 5,
    'stroke-linecap': 'round',
  });
  return (
    cheeks +
    eyes(c, face) +
    brows(browColor, face) +
    nose +
    mouth(c, face) +
    (face.extra?.(c) ?? '') +
    (c.glasses ? glasses(c) : '')
  );
}

function eyes(c: Character, face: Face): string {
  return [-1, 1]
    .map((side) => {
      const x = CX + side * EYE_DX;
      const lashes = c.lashes ? lash(x, side, face) : '';
      return face.eyes(x, EYE_Y, c, side) + lashes;
    })
    .join('');
}

function lash(x: number, side: number, face: Face): string {
  if (face.closedEyes) return '';
  return tag('path', {
    d: `M${x + side * 14} ${EYE_Y - 12} l${side * 9} -6`,
    stroke: '#2a1d1a',
    'stroke-width': 4,
    'stroke-linecap': 'round',
  });
}

function brows(color: string, face: Face): string {
  return [-1, 1]
    .map((side) => {
      const inner = CX + side * 22;
      const outer = CX + side * 92;
      const mid = CX + side * 58;
      const d = `M${inner} ${face.brow.inner} Q${mid} ${face.brow.mid} ${outer} ${face.brow.outer}`;
      return tag('path', { d, fill: 'none', stroke: color, 'stroke-width': face.brow.weight, 'stroke-linecap': 'round' });
    })
    .join('');
}

function mouth(c: Character, face: Face): string {
  // Darker skin needs a deeper lip line to stay readable from the back of a room.
  const lip = luminance(c.skin) < 0.3 ? mix(c.skin, '#1f0709', 0.55) : mix(c.skin, '#8e2f3a', 0.55);
  return face.mouth(lip, c);
}

/** Relative luminance 0..1 of a `#rrggbb` colour (sRGB approximation is enough here). */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

function glasses(c: Character): string {
  const frame = c.glasses ?? '#3f3a3a';
  const lens = (x: number) =>
    tag('rect', {
      x: x - 42,
      y: EYE_Y - 30,
      width: 84,
      height: 62,
      rx: 24,
      fill: '#ffffff',
      'fill-opacity': 0.14,
      stroke: frame,
      'stroke-width': 6,
    });
  return (
    lens(CX - EYE_DX) +
    lens(CX + EYE_DX) +
    tag('path', { d: `M${CX - 12} ${EYE_Y - 8} Q${CX} ${EYE_Y - 16} ${CX + 12} ${EYE_Y - 8}`, fill: 'none', stroke: frame, 'stroke-width': 6 }) +
    tag('path', { d: `M${CX - EYE_DX - 42} ${EYE_Y - 6} L${CX - 124} ${EYE_Y - 12} M${CX + EYE_DX + 42} ${EYE_Y - 6} L${CX + 124} ${EYE_Y - 12}`, stroke: frame, 'stroke-width': 6 })
  );
}
