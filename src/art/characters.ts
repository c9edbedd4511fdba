/**
 * The customers behind the portrait ids (women, men and neutral people from their 20s to their
 * 70s): skin tone, hair, age cues and clothing.
 * Hair is drawn in two layers (behind the head and over it) so every style frames the face.
 */
import type { PortraitId } from '../scenario/vocabulary.ts';
import { mix, tag } from './svg.ts';
import type { Face } from './expressions.ts';

export interface Character {
  skin: string;
  hair: string;
  browColor: string;
  clothing: string;
  age: number;
  glasses?: string;
  lashes?: boolean;
  hairBack: (c: Character) => string;
  hairFront: (c: Character) => string;
  collar?: (c: Character) => string;
  extras?: (c: Character, face: Face) => string;
}

const p = (d: string, fill: string, extra: Record<string, string | number> = {}) => tag('path', { d, fill, ...extra });
const none = () => '';

/** A cap of hair over the top of the head with a soft hairline. */
const cap = (hairline: string) => (c: Character) => p(`M166 300 C160 170 230 126 300 126 C370 126 440 170 434 300 ${hairline} Z`, c.hair);

const shirtCollar = (color: string) => () =>
  p('M228 540 L300 600 L372 540 L350 530 L300 570 L250 530 Z', color) +
  p('M300 600 L300 720', 'none', { stroke: mix(color, '#000000', 0.15), 'stroke-width': 3 });

const vNeck = (inner: string) => (c: Character) =>
  p('M236 540 L300 626 L364 540 Z', inner) + p('M236 540 L300 626 L364 540', 'none', { stroke: mix(c.clothing, '#000000', 0.2), 'stroke-width': 6 });

export const CHARACTERS: Record<PortraitId, Character> = {
  'woman-60s': {
    skin: '#f2d2bc',
    hair: '#d4d7da',
    browColor: '#848a91',
    clothing: '#8e5a79',
    age: 64,
    glasses: '#6b4a5a',
    lashes: true,
    hairBack: (c) => p('M150 300 C140 170 220 118 300 118 C380 118 460 170 450 300 C458 380 440 440 410 456 C380 420 220 420 190 456 C160 440 142 380 150 300 Z', mix(c.hair, '#000000', 0.08)),
    hairFront: (c) =>
      p('M166 310 C156 176 232 128 300 128 C378 128 446 180 434 312 C420 252 392 214 352 204 C300 240 232 246 190 240 C178 262 170 286 166 310 Z', c.hair) +
      p('M214 196 C260 178 320 176 360 196', 'none', { stroke: '#eef0f2', 'stroke-width': 6, 'stroke-linecap': 'round' }),
    collar: (c) => vNeck('#f6f1ea')(c) + tag('circle', { cx: 300, cy: 600, r: 7, fill: '#f4efe6', stroke: '#c9bfae', 'stroke-width': 2 }),
  },
  'woman-30s': {
    skin: '#b47a55',
    hair: '#3a2620',
    browColor: '#2e1d18',
    clothing: '#2f7f86',
    age: 34,
    lashes: true,
    hairBack: (c) => tag('circle', { cx: 300, cy: 128, r: 58, fill: c.hair }),
    hairFront: (c) =>
      cap('C430 262 400 214 338 206 C296 226 240 224 206 232 C184 250 172 276 166 300')(c) +
      p('M250 150 C280 138 330 140 360 156', 'none', { stroke: mix(c.hair, '#ffffff', 0.15), 'stroke-width': 5, 'stroke-linecap': 'round' }),
    collar: (c) => vNeck(mix(c.skin, '#000000', 0.05))(c),
    extras: () => tag('circle', { cx: 176, cy: 372, r: 7, fill: '#e0a045' }) + tag('circle', { cx: 424, cy: 372, r: 7, fill: '#e0a045' }),
  },
  'woman-20s': {
    skin: '#6e4431',
    hair: '#1f1818',
    browColor: '#141010',
    clothing: '#d9a33c',
    age: 24,
    lashes: true,
    hairBack: (c) =>
      [
        [300, 170, 140], [190, 220, 86], [410, 220, 86], [170, 320, 74], [430, 320, 74], [180, 410, 60], [420, 410, 60],
      ]
        .map(([cx, cy, r]) => tag('circle', { cx, cy, r, fill: c.hair }))
        .join(''),
    hairFront: (c) =>
      [
        [230, 176, 50], [290, 158, 54], [352, 170, 50], [196, 228, 40], [404, 228, 40],
      ]
        .map(([cx, cy, r]) => tag('circle', { cx, cy, r, fill: mix(c.hair, '#ffffff', 0.06) }))
        .join(''),
    collar: (c) => p('M220 540 Q300 600 380 540 L368 532 Q300 580 232 532 Z', mix(c.clothing, '#000000', 0.15)),
    extras: () =>
      tag('circle', { cx: 174, cy: 384, r: 14, fill: 'none', stroke: '#e8c060', 'stroke-width': 5 }) +
      tag('circle', { cx: 426, cy: 384, r: 14, fill: 'none', stroke: '#e8c060', 'stroke-width': 5 }),
  },
  'man-70s': {
    skin: '#f0c6ae',
    hair: '#eceeef',
    browColor: '#c9cdd0',
    clothing: '#3c4f76',
    age: 74,
    glasses: '#4a4440',
    hairBack: none,
    hairFront: (c) =>
      p('M170 330 C162 270 176 236 196 222 C206 250 204 296 196 340 Z', c.hair) +
      p('M430 330 C438 270 424 236 404 222 C394 250 396 296 404 340 Z', c.hair) +
      p('M236 170 C270 150 330 150 364 170', 'none', { stroke: mix(c.skin, '#ffffff', 0.4), 'stroke-width': 10, 'stroke-linecap': 'round' }),
    collar: (c) => shirtCollar('#c9dcea')() + p('M228 540 L300 640 L372 540', 'none', { stroke: mix(c.clothing, '#000000', 0.25), 'stroke-width': 8 }),
    extras: (c) => p('M262 398 Q300 384 338 398 Q330 412 300 406 Q270 412 262 398 Z', c.hair),
  },
  'man-40s': {
    skin: '#d6a37c',
    hair: '#3b302b',
    browColor: '#2e2420',
    clothing: '#5b6770',
    age: 44,
    hairBack: none,
    hairFront: cap('C432 250 418 214 396 204 C340 192 262 192 204 204 C182 214 168 250 166 300'),
    collar: (c) =>
      shirtCollar('#f3f5f6')() +
      p('M200 545 L262 720 L214 720 L150 580 Z M400 545 L338 720 L386 720 L450 580 Z', mix(c.clothing, '#000000', 0.18)),
    extras: (c) =>
      p('M184 360 C196 440 240 474 300 476 C360 474 404 440 416 360 C404 420 370 452 300 452 C230 452 196 420 184 360 Z', mix(c.hair, c.skin, 0.45), { opacity: 0.55 }),
  },
  'man-20s': {
    skin: '#f4d6c2',
    hair: '#b5562f',
    browColor: '#9a4526',
    clothing: '#5c8a5f',
    age: 22,
    hairBack: none,
    hairFront: (c) =>
      cap('C430 240 404 206 370 200 C340 230 270 214 230 196 C200 214 172 250 166 300')(c) +
      p('M200 196 C240 140 330 120 400 170 C350 160 300 170 250 210 Z', mix(c.hair, '#ffffff', 0.12)),
    collar: (c) =>
      p('M210 540 Q300 610 390 540 L380 528 Q300 590 220 528 Z', mix(c.clothing, '#000000', 0.2)) +
      p('M274 575 L268 650 M326 575 L332 650', 'none', { stroke: '#eef0ea', 'stroke-width': 6, 'stroke-linecap': 'round' }),
    extras: () =>
      [[238, 372], [252, 380], [226, 384], [362, 372], [348, 380], [374, 384]]
        .map(([cx, cy]) => tag('circle', { cx, cy, r: 3.5, fill: '#c98a5c', opacity: 0.8 }))
        .join(''),
  },
  'person-50s': {
    skin: '#946041',
    hair: '#7d7f82',
    browColor: '#3e3f42',
    clothing: '#b9643f',
    age: 56,
    glasses: '#2c2c2c',
    hairBack: none,
    hairFront: (c) =>
      cap('C432 256 414 222 380 212 C330 200 270 200 220 212 C186 222 168 256 166 300')(c) +
      p('M214 170 C250 150 290 146 320 150 M260 190 C300 176 340 178 380 192', 'none', { stroke: '#b8babd', 'stroke-width': 5, 'stroke-linecap': 'round' }),
    collar: (c) => p('M226 520 Q300 560 374 520 L384 560 Q300 604 216 560 Z', mix(c.clothing, '#ffffff', 0.1)),
  },
  'person-30s': {
    skin: '#efcfa6',
    hair: '#2a2230',
    browColor: '#231c28',
    clothing: '#4f6f99',
    age: 31,
    hairBack: none,
    hairFront: (c) =>
      p('M168 300 C162 240 172 200 196 184 L196 300 Z M432 300 C438 240 428 200 404 184 L404 300 Z', mix(c.hair, c.skin, 0.55)) +
      p('M184 252 C172 168 232 108 308 106 C388 104 446 152 432 246 C420 228 404 214 386 206 C366 236 322 244 288 230 C266 220 250 206 240 196 C216 212 196 230 184 252 Z', c.hair) +
      p('M236 150 C280 126 350 126 400 164', 'none', { stroke: '#6d5a7a', 'stroke-width': 6, 'stroke-linecap': 'round' }) +
      p('M300 196 C330 204 360 200 382 190', 'none', { stroke: mix(c.hair, '#ffffff', 0.2), 'stroke-width': 4, 'stroke-linecap': 'round' }),
    collar: (c) =>
      p('M236 540 Q300 584 364 540 L364 720 L236 720 Z', '#f2e4cf') +
      p('M236 540 L276 720 L226 720 L180 570 Z M364 540 L324 720 L374 720 L420 570 Z', mix(c.clothing, '#000000', 0.15)),
  },
  'woman-40s': {
    skin: '#e8b896',
    hair: '#7a4a2a',
    browColor: '#5e3820',
    clothing: '#6c5a9c',
    age: 45,
    lashes: true,
    hairBack: (c) => p('M156 300 C146 170 222 120 300 120 C378 120 454 170 444 300 L450 520 C420 540 390 520 380 500 L220 500 C210 520 180 540 150 520 Z', mix(c.hair, '#000000', 0.1)),
    hairFront: (c) =>
      p('M166 312 C158 176 232 126 300 126 C372 126 444 176 434 312 C424 250 400 210 360 196 C320 230 250 240 200 232 C184 258 172 284 166 312 Z', c.hair) +
      p('M236 168 C276 150 330 150 370 172', 'none', { stroke: mix(c.hair, '#ffffff', 0.2), 'stroke-width': 5, 'stroke-linecap': 'round' }),
    collar: (c) => p('M222 540 Q300 596 378 540 L370 528 Q300 578 230 528 Z', mix(c.clothing, '#ffffff', 0.2)),
    extras: () => tag('circle', { cx: 300, cy: 600, r: 9, fill: '#d9c27a' }),
  },
  'woman-50s': {
    skin: '#8a5a3c',
    hair: '#2b2320',
    browColor: '#1e1815',
    clothing: '#b2473e',
    age: 54,
    lashes: true,
    glasses: '#7a2e2a',
    hairBack: (c) => p('M160 300 C150 180 220 124 300 124 C380 124 450 180 440 300 C446 350 436 390 420 410 L180 410 C164 390 154 350 160 300 Z', c.hair),
    hairFront: (c) =>
      cap('C432 256 412 214 370 200 C330 214 282 214 244 206 C206 214 176 250 166 300')(c) +
      p('M250 170 C290 152 340 156 372 176', 'none', { stroke: '#8d8f93', 'stroke-width': 6, 'stroke-linecap': 'round' }),
    collar: (c) => vNeck('#f1e3d3')(c),
    extras: () => tag('circle', { cx: 176, cy: 376, r: 8, fill: '#cfd3d6' }) + tag('circle', { cx: 424, cy: 376, r: 8, fill: '#cfd3d6' }),
  },
  'woman-70s': {
    skin: '#d9a88a',
    hair: '#f1f1ef',
    browColor: '#b9bcbf',
    clothing: '#4f7a62',
    age: 76,
    lashes: true,
    glasses: '#8c7b6b',
    hairBack: (c) =>
      [
        [300, 150, 110], [200, 220, 80], [400, 220, 80], [190, 300, 60], [410, 300, 60],
      ]
        .map(([cx, cy, r]) => tag('circle', { cx, cy, r, fill: mix(c.hair, '#000000', 0.06) }))
        .join(''),
    hairFront: (c) =>
      [
        [240, 168, 46], [300, 152, 50], [360, 168, 46], [202, 222, 36], [398, 222, 36],
      ]
        .map(([cx, cy, r]) => tag('circle', { cx, cy, r, fill: c.hair }))
        .join(''),
    collar: (c) =>
      p('M214 540 Q300 610 386 540 L392 560 Q300 640 208 560 Z', mix(c.clothing, '#ffffff', 0.25)) +
      tag('circle', { cx: 300, cy: 612, r: 10, fill: '#e7d9c0' }),
  },
  'man-30s': {
    skin: '#c68b64',
    hair: '#161313',
    browColor: '#121010',
    clothing: '#2f5f8a',
    age: 33,
    hairBack: none,
    hairFront: (c) =>
      cap('C432 240 420 206 396 196 C340 184 262 184 204 196 C180 206 168 240 166 300')(c) +
      p('M206 200 C250 176 350 176 394 200', 'none', { stroke: mix(c.hair, '#ffffff', 0.15), 'stroke-width': 4 }),
    collar: (c) => shirtCollar('#e9eef2')() + p('M286 600 L314 600 L322 720 L278 720 Z', mix(c.clothing, '#000000', 0.3)),
    extras: (c) =>
      p('M190 380 C200 450 244 484 300 486 C356 484 400 450 410 380 C398 430 366 462 300 462 C234 462 202 430 190 380 Z', c.hair, { opacity: 0.85 }),
  },
  'man-50s': {
    skin: '#f0c9a8',
    hair: '#8a8078',
    browColor: '#5f5750',
    clothing: '#3f4a57',
    age: 55,
    glasses: '#3a3a3a',
    hairBack: none,
    hairFront: (c) =>
      p('M170 320 C162 250 178 210 206 196 C214 240 210 290 198 330 Z', c.hair) +
      p('M430 320 C438 250 422 210 394 196 C386 240 390 290 402 330 Z', c.hair) +
      p('M206 196 C240 170 360 170 394 196 C350 186 250 186 206 196 Z', mix(c.hair, '#ffffff', 0.1)),
    collar: (c) =>
      shirtCollar('#dfe8ef')() +
      p('M200 545 L262 720 L214 720 L150 580 Z M400 545 L338 720 L386 720 L450 580 Z', mix(c.clothing, '#000000', 0.12)),
  },
  'man-60s': {
    skin: '#7c4f36',
    hair: '#cfcfcc',
    browColor: '#a9a9a6',
    clothing: '#7a6a3c',
    age: 63,
    hairBack: none,
    hairFront: (c) => cap('C432 262 420 230 398 220 C340 206 260 206 202 220 C180 230 168 262 166 300')(c),
    collar: (c) => p('M226 520 Q300 560 374 520 L384 560 Q300 604 216 560 Z', mix(c.clothing, '#ffffff', 0.15)),
    extras: (c) =>
      p('M196 372 C204 452 246 490 300 492 C354 490 396 452 404 372 C390 436 360 466 300 468 C240 466 210 436 196 372 Z', c.hair) +
      p('M262 400 Q300 386 338 400 Q330 414 300 408 Q270 414 262 400 Z', c.hair),
  },
  'person-20s': {
    skin: '#f6dcc8',
    hair: '#4a6fa5',
    browColor: '#3a3030',
    clothing: '#3d3d46',
    age: 23,
    hairBack: none,
    hairFront: (c) =>
      p('M176 290 C166 190 226 132 300 132 C380 132 438 186 428 300 C412 240 380 200 340 190 C300 230 240 230 200 222 C188 246 180 268 176 290 Z', c.hair) +
      p('M210 208 C250 250 290 260 330 246', 'none', { stroke: mix(c.hair, '#ffffff', 0.25), 'stroke-width': 5, 'stroke-linecap': 'round' }),
    collar: (c) =>
      p('M200 540 Q300 620 400 540 L420 720 L180 720 Z', mix(c.clothing, '#ffffff', 0.08)) +
      p('M262 560 L256 660 M338 560 L344 660', 'none', { stroke: '#d9d9df', 'stroke-width': 5, 'stroke-linecap': 'round' }),
    extras: () => tag('circle', { cx: 426, cy: 380, r: 6, fill: '#c0c4cc' }),
  },
  'person-40s': {
    skin: '#a86d4a',
    hair: '#3a2a22',
    browColor: '#2a1e18',
    clothing: '#5f8f8a',
    age: 42,
    glasses: '#5a3e2e',
    hairBack: (c) => tag('ellipse', { cx: 300, cy: 230, rx: 160, ry: 130, fill: c.hair }),
    hairFront: (c) => cap('C432 246 408 206 360 196 C330 216 270 216 240 196 C192 206 168 246 166 300')(c),
    collar: (c) => vNeck('#efe6da')(c),
  },
  'person-60s': {
    skin: '#e9c29e',
    hair: '#b9b4ad',
    browColor: '#8c8780',
    clothing: '#8a6f9e',
    age: 61,
    hairBack: none,
    hairFront: (c) =>
      cap('C432 250 414 214 384 204 C346 222 290 222 250 206 C206 214 172 250 166 300')(c) +
      p('M226 182 C270 160 330 160 374 182', 'none', { stroke: '#e2dfda', 'stroke-width': 5, 'stroke-linecap': 'round' }),
    collar: (c) =>
      p('M236 540 Q300 584 364 540 L364 720 L236 720 Z', '#f0ece4') +
      p('M236 540 L276 720 L226 720 L180 570 Z M364 540 L324 720 L374 720 L420 570 Z', mix(c.clothing, '#000000', 0.12)),
  },
  'person-70s': {
    skin: '#5e3b2a',
    hair: '#e4e4e2',
    browColor: '#c4c4c2',
    clothing: '#3e6a7a',
    age: 73,
    glasses: '#b08a4a',
    hairBack: none,
    hairFront: (c) =>
      [
        [214, 230, 30], [240, 190, 32], [280, 172, 32], [320, 172, 32], [360, 190, 32], [386, 230, 30],
      ]
        .map(([cx, cy, r]) => tag('circle', { cx, cy, r, fill: c.hair }))
        .join(''),
    collar: (c) => shirtCollar('#f2efe6')() + p('M228 540 L300 640 L372 540', 'none', { stroke: mix(c.clothing, '#000000', 0.2), 'stroke-width': 8 }),
  },
};
