/**
 * Calm backdrops, one per contact setting, drawn as flat SVG at the 1920×1080 design size.
 * Low contrast on purpose: the customer's portrait and the text panels sit in front.
 *
 * ```ts
 * this.load.svg('backdrop-shop', svgDataUri(backdropSvg('shop')), { width: 1920, height: 1080 });
 * ```
 */
import type { SettingId } from '../scenario/vocabulary.ts';
import { SETTINGS } from '../scenario/vocabulary.ts';
import { mix, svgDocument, tag } from './svg.ts';

export const BACKDROP_WIDTH = 1920;
export const BACKDROP_HEIGHT = 1080;

const W = BACKDROP_WIDTH;
const H = BACKDROP_HEIGHT;

type Painter = () => string;

const PAINTERS: Record<SettingId, Painter> = {
  office: office,
  shop: shop,
  phone: phone,
  airport: airport,
  restaurant: restaurant,
  chat: chat,
  pharmacy: pharmacy,
  hotel: hotel,
  bank: bank,
  clinic: clinic,
  'car-service': carService,
  transit: transit,
  checkout: checkout,
};

/** The backdrop for a setting as an SVG document string. Unknown settings get the office. */
export function backdropSvg(setting: SettingId): string {
  const painter = PAINTERS[setting] ?? PAINTERS.office;
  return svgDocument(W, H, painter());
}

/** Every setting that has a backdrop (all of them). */
export const BACKDROP_SETTINGS: readonly SettingId[] = SETTINGS;

const rect = (x: number, y: number, w: number, h: number, fill: string, extra: Record<string, string | number> = {}) =>
  tag('rect', { x, y, width: w, height: h, fill, ...extra });
const circle = (cx: number, cy: number, r: number, fill: string, extra: Record<string, string | number> = {}) =>
  tag('circle', { cx, cy, r, fill, ...extra });
const path = (d: string, fill: string, extra: Record<string, string | number> = {}) => tag('path', { d, fill, ...extra });

function gradient(id: string, top: string, bottom: string): string {
  return tag(
    'linearGradient',
    { id, x1: 0, y1: 0, x2: 0, y2: 1 },
    tag('stop', { offset: 0, 'stop-color': top }) + tag('stop', { offset: 1, 'stop-color': bottom }),
  );
}

function wall(top: string, bottom: string, floor: string, floorY = 820): string {
  return (
    tag('defs', {}, gradient('wall', top, bottom) + gradient('floor', floor, mix(floor, '#000000', 0.08))) +
    rect(0, 0, W, floorY, 'url(#wall)') +
    rect(0, floorY, W, H - floorY, 'url(#floor)') +
    rect(0, floorY - 6, W, 6, mix(floor, '#ffffff', 0.35))
  );
}

/** A window with sky, soft clouds and an optional skyline. */
function windowPane(x: number, y: number, w: number, h: number, sky: string, skyline?: string): string {
  const frame = '#f4f7f7';
  const clouds =
    tag('ellipse', { cx: x + w * 0.3, cy: y + h * 0.28, rx: w * 0.12, ry: h * 0.05, fill: '#ffffff', opacity: 0.7 }) +
    tag('ellipse', { cx: x + w * 0.7, cy: y + h * 0.18, rx: w * 0.09, ry: h * 0.04, fill: '#ffffff', opacity: 0.6 });
  const city = skyline
    ? [0.05, 0.2, 0.33, 0.5, 0.62, 0.78].map((f, i) => {
        const bw = w * 0.12;
        const bh = h * (0.25 + ((i * 37) % 30) / 100);
        return rect(x + w * f, y + h - bh, bw, bh, skyline, { opacity: 0.55 });
      }).join('')
    : '';
  return (
    rect(x - 14, y - 14, w + 28, h + 28, frame, { rx: 10 }) +
    rect(x, y, w, h, sky) +
    clouds +
    city +
    rect(x + w / 2 - 6, y, 12, h, frame) +
    rect(x, y + h * 0.55, w, 10, frame)
  );
}

function plant(x: number, baseY: number, scale = 1): string {
  const leaf = (dx: number, dy: number, rot: number, fill: string) =>
    tag('ellipse', {
      cx: x + dx * scale,
      cy: baseY - 120 * scale + dy * scale,
      rx: 24 * scale,
      ry: 70 * scale,
      fill,
      transform: `rotate(${rot} ${x + dx * scale} ${baseY - 120 * scale + dy * scale})`,
    });
  return (
    leaf(-40, 10, -35, '#6f9f88') +
    leaf(40, 10, 35, '#5f927b') +
    leaf(-10, -30, -10, '#7cae95') +
    leaf(18, -24, 14, '#6a9a84') +
    path(
      `M${x - 55 * scale} ${baseY - 70 * scale} L${x + 55 * scale} ${baseY - 70 * scale} L${x + 42 * scale} ${baseY} L${x - 42 * scale} ${baseY} Z`,
      '#c98b6b',
    )
  );
}

function clock(cx: number, cy: number): string {
  return (
    circle(cx, cy, 52, '#f8fafa', { stroke: '#9fb3b9', 'stroke-width': 8 }) +
    tag('line', { x1: cx, y1: cy, x2: cx, y2: cy - 32, stroke: '#3f5a64', 'stroke-width': 6, 'stroke-linecap': 'round' }) +
    tag('line', { x1: cx, y1: cy, x2: cx + 22, y2: cy + 8, stroke: '#3f5a64', 'stroke-width': 6, 'stroke-linecap': 'round' })
  );
}

function office(): string {
  return (
    wall('#e3ecee', '#d3e0e3', '#b9c9cc') +
    windowPane(1180, 150, 560, 420, '#cfe4ec', '#a9c2cb') +
    clock(300, 210) +
    rect(140, 380, 380, 14, '#c3d2d6', { rx: 7 }) +
    rect(170, 320, 60, 60, '#e0a045', { rx: 6, opacity: 0.8 }) +
    rect(245, 300, 44, 80, '#9fc4c4', { rx: 6 }) +
    rect(300, 335, 90, 45, '#d9765f', { rx: 6, opacity: 0.7 }) +
    plant(1830, 820, 1.1) +
    rect(0, 760, W, 60, '#a9bcc1') +
    rect(0, 740, W, 24, '#c4d3d6', { rx: 4 })
  );
}

function shop(): string {
  const shelf = (x: number, y: number, w: number) => {
    const boxes = [0, 1, 2, 3, 4, 5, 6].map((i) => {
      const colors = ['#e8c9a1', '#b7d0cf', '#e6b4a6', '#c9d7b8', '#d8c3df', '#f0d89c', '#a8c5d6'];
      const bh = 70 + ((i * 23) % 40);
      return rect(x + 14 + i * ((w - 28) / 7), y - bh, (w - 28) / 7 - 12, bh, colors[i] ?? '#ddd', { rx: 6 });
    });
    return boxes.join('') + rect(x, y, w, 16, '#b79a7d', { rx: 4 });
  };
  return (
    wall('#f3ebdf', '#eadfce', '#c9b9a6') +
    shelf(120, 300, 620) +
    shelf(120, 520, 620) +
    shelf(1200, 300, 600) +
    shelf(1200, 520, 600) +
    rect(820, 120, 300, 90, '#2b6b70', { rx: 18, opacity: 0.85 }) +
    rect(860, 155, 220, 20, '#f8fafa', { rx: 10, opacity: 0.8 }) +
    rect(0, 720, W, 110, '#8fb1ad') +
    rect(0, 700, W, 28, '#b6cfcb', { rx: 4 }) +
    rect(1460, 640, 200, 70, '#5a7078', { rx: 10 }) +
    rect(1480, 610, 160, 40, '#3f5a64', { rx: 8 })
  );
}

function phone(): string {
  const wave = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((i) => {
    const h = 20 + ((i * 53) % 90);
    return rect(1290 + i * 30, 420 - h / 2, 16, h, '#9fc4c4', { rx: 8 });
  });
  return (
    wall('#e0e9ef', '#d0dde5', '#b8c7cf') +
    windowPane(140, 150, 520, 400, '#d6e6ee', '#b3c6cf') +
    rect(1220, 250, 480, 320, '#3f5a64', { rx: 20 }) +
    rect(1240, 270, 440, 280, '#1f3a44', { rx: 12 }) +
    wave.join('') +
    rect(1420, 570, 80, 120, '#5a7078') +
    rect(1360, 680, 200, 24, '#5a7078', { rx: 12 }) +
    path('M 980 700 a 90 90 0 0 1 180 0', 'none', { stroke: '#2b6b70', 'stroke-width': 18, 'stroke-linecap': 'round' }) +
    rect(960, 690, 44, 64, '#2b6b70', { rx: 16 }) +
    rect(1136, 690, 44, 64, '#2b6b70', { rx: 16 }) +
    rect(0, 740, W, 80, '#a8b9c1') +
    rect(0, 720, W, 26, '#c7d5db', { rx: 4 }) +
    plant(100, 820, 0.9)
  );
}

function airport(): string {
  const panes = [0, 1, 2, 3].map((i) => windowPane(80 + i * 450, 110, 400, 470, '#cfe3ee')).join('');
  const board = [0, 1, 2, 3, 4].map((i) =>
    rect(1440, 650 + i * 26 - 130, 300, 12, i === 2 ? '#e0a045' : '#9fc4c4', { rx: 6 }),
  );
  const plane = path(
    'M 560 430 L 900 410 Q 940 408 950 420 Q 940 432 900 432 L 560 440 Z M 720 418 L 660 360 L 690 360 L 790 416 Z M 720 434 L 670 480 L 700 480 L 790 436 Z M 580 430 L 555 395 L 575 395 L 610 428 Z',
    '#ffffff',
    { opacity: 0.9 },
  );
  return (
    wall('#e5ecef', '#d6e0e4', '#c2ccd0', 800) +
    panes +
    rect(80, 520, 1750, 60, '#9db2ba', { opacity: 0.6 }) +
    plane +
    rect(1410, 480, 360, 200, '#1f3a44', { rx: 14 }) +
    board.join('') +
    rect(0, 740, W, 60, '#a7b8be') +
    rect(0, 720, W, 26, '#cbd7db', { rx: 4 })
  );
}

function restaurant(): string {
  const lamp = (x: number) =>
    tag('line', { x1: x, y1: 0, x2: x, y2: 180, stroke: '#5a4a3f', 'stroke-width': 4 }) +
    path(`M ${x - 70} 250 Q ${x} 150 ${x + 70} 250 Z`, '#e0a045') +
    tag('ellipse', { cx: x, cy: 280, rx: 120, ry: 40, fill: '#ffe7b8', opacity: 0.45 });
  const table = (x: number, y: number) =>
    tag('ellipse', { cx: x, cy: y, rx: 150, ry: 30, fill: '#b07e5c' }) +
    rect(x - 10, y, 20, 140, '#8c6347') +
    rect(x - 160, y + 20, 40, 120, '#c49a7a', { rx: 10 }) +
    rect(x + 120, y + 20, 40, 120, '#c49a7a', { rx: 10 });
  return (
    wall('#f4e6d8', '#ead6c3', '#b99a82', 800) +
    windowPane(760, 170, 420, 330, '#f3dcc3', '#d9b99c') +
    lamp(420) +
    lamp(1500) +
    table(420, 640) +
    table(1500, 640) +
    rect(0, 800, W, 12, '#a9886f')
  );
}

function chat(): string {
  const bubble = (x: number, y: number, w: number, fill: string, tail: 'left' | 'right') =>
    rect(x, y, w, 90, fill, { rx: 40 }) +
    path(
      tail === 'left' ? `M ${x + 40} ${y + 80} l -30 40 l 70 -40 Z` : `M ${x + w - 40} ${y + 80} l 30 40 l -70 -40 Z`,
      fill,
    ) +
    rect(x + 36, y + 30, w - 110, 12, '#ffffff', { rx: 6, opacity: 0.8 }) +
    rect(x + 36, y + 52, (w - 110) * 0.6, 12, '#ffffff', { rx: 6, opacity: 0.8 });
  return (
    tag('defs', {}, gradient('wall', '#e2ebf0', '#cfdde4')) +
    rect(0, 0, W, H, 'url(#wall)') +
    circle(260, 880, 420, '#d6e4e8') +
    circle(1760, 160, 300, '#d9e6ea') +
    rect(1150, 180, 640, 440, '#3f5a64', { rx: 28 }) +
    rect(1172, 202, 596, 396, '#f4f8f8', { rx: 16 }) +
    bubble(1210, 250, 380, '#9fc4c4', 'left') +
    bubble(1340, 400, 380, '#e0a045', 'right') +
    rect(1100, 620, 740, 36, '#5a7078', { rx: 18 }) +
    bubble(140, 180, 420, '#b5cfd0', 'left') +
    bubble(300, 340, 320, '#f0cfa0', 'right') +
    rect(0, 1000, W, 80, '#c2d2d8')
  );
}

/** A service counter across the lower part of the picture. */
function counter(top: string, front: string, y = 700): string {
  return rect(0, y + 24, W, 820 - y - 24, front) + rect(0, y, W, 28, top, { rx: 4 });
}

/** A hanging sign with a pale text bar on it. */
function sign(x: number, y: number, w: number, fill: string): string {
  return (
    tag('line', { x1: x + 30, y1: 0, x2: x + 30, y2: y, stroke: '#8a9aa0', 'stroke-width': 3 }) +
    tag('line', { x1: x + w - 30, y1: 0, x2: x + w - 30, y2: y, stroke: '#8a9aa0', 'stroke-width': 3 }) +
    rect(x, y, w, 80, fill, { rx: 14, opacity: 0.9 }) +
    rect(x + 40, y + 32, w - 80, 16, '#f8fafa', { rx: 8, opacity: 0.85 })
  );
}

function pharmacy(): string {
  const drawers = [0, 1, 2, 3, 4, 5].flatMap((col) =>
    [0, 1, 2, 3].map((row) =>
      rect(1180 + col * 100, 220 + row * 90, 86, 76, row % 2 === col % 2 ? '#e9f1ef' : '#dde9e6', { rx: 6 }) +
      rect(1210 + col * 100, 256 + row * 90, 26, 6, '#9fb3b0', { rx: 3 }),
    ),
  );
  const cross = path('M 330 170 h 60 v 60 h 60 v 60 h -60 v 60 h -60 v -60 h -60 v -60 h 60 Z', '#4f9a7a', { opacity: 0.85 });
  return (
    wall('#eef4f2', '#e1ebe8', '#bfcfcb') +
    cross +
    drawers.join('') +
    sign(720, 150, 380, '#4f9a7a') +
    rect(160, 470, 420, 14, '#c7d6d2', { rx: 7 }) +
    rect(190, 400, 50, 70, '#f3f6f5', { rx: 8 }) +
    rect(260, 420, 70, 50, '#e6b4a6', { rx: 8 }) +
    rect(350, 390, 46, 80, '#b7d0cf', { rx: 8 }) +
    counter('#d5e2de', '#9fbab4')
  );
}

function hotel(): string {
  const keyRack = [0, 1, 2, 3, 4].flatMap((col) =>
    [0, 1, 2].map((row) => rect(1250 + col * 80, 250 + row * 80, 60, 60, '#b89a74', { rx: 6 }) + circle(1280 + col * 80, 290 + row * 80, 8, '#e0c070')),
  );
  return (
    wall('#f2e8dc', '#e6d6c3', '#a88c70', 800) +
    rect(1200, 200, 500, 300, '#9c7b5a', { rx: 12 }) +
    keyRack.join('') +
    rect(300, 180, 360, 260, '#e9dccb', { rx: 10, stroke: '#c4a882', 'stroke-width': 14 }) +
    path('M 320 420 L 420 300 L 500 380 L 560 330 L 640 420 Z', '#b7c9b8') +
    circle(580, 250, 30, '#f0d89c') +
    tag('ellipse', { cx: 860, cy: 120, rx: 120, ry: 30, fill: '#ffe7b8', opacity: 0.5 }) +
    path('M 800 0 L 800 80 M 920 0 L 920 80', 'none', { stroke: '#8c7358', 'stroke-width': 4 }) +
    path('M 780 120 Q 860 60 940 120 Z', '#e0a045') +
    plant(120, 800, 1.1) +
    counter('#c9ad8c', '#8c6b4e', 690)
  );
}

function bank(): string {
  const column = (x: number) => rect(x, 120, 90, 620, '#e6e9ea') + rect(x - 16, 100, 122, 30, '#d6dbdd', { rx: 4 }) + rect(x - 16, 730, 122, 30, '#d6dbdd', { rx: 4 });
  return (
    wall('#e9eef0', '#dde4e7', '#b4c0c5') +
    column(160) +
    column(1680) +
    rect(520, 160, 880, 70, '#2b5b70', { rx: 12, opacity: 0.85 }) +
    rect(580, 186, 420, 18, '#f4f8f8', { rx: 9, opacity: 0.85 }) +
    rect(560, 300, 360, 300, '#cfe0e6', { rx: 10, stroke: '#a9bcc3', 'stroke-width': 10, opacity: 0.8 }) +
    rect(1000, 300, 360, 300, '#cfe0e6', { rx: 10, stroke: '#a9bcc3', 'stroke-width': 10, opacity: 0.8 }) +
    rect(1060, 380, 240, 20, '#9fb3b9', { rx: 10 }) +
    rect(1060, 420, 180, 20, '#9fb3b9', { rx: 10 }) +
    circle(740, 450, 70, '#e0a045', { opacity: 0.55 }) +
    counter('#c3ced2', '#8ea2a9')
  );
}

function clinic(): string {
  const chair = (x: number) => rect(x, 560, 110, 20, '#7fa7b5', { rx: 8 }) + rect(x, 480, 110, 80, '#9cc0cc', { rx: 14 }) + rect(x + 10, 580, 10, 60, '#6d8f9b') + rect(x + 90, 580, 10, 60, '#6d8f9b');
  return (
    wall('#eaf2f5', '#dbe8ed', '#bccbd1') +
    windowPane(1240, 160, 500, 360, '#d6e9f1', '#b9ccd4') +
    sign(520, 130, 460, '#3f8aa0') +
    chair(160) +
    chair(300) +
    chair(440) +
    rect(560, 300, 260, 170, '#f7fafb', { rx: 10, stroke: '#c3d3d8', 'stroke-width': 6 }) +
    path('M 640 385 h 30 v -30 h 30 v 30 h 30 v 30 h -30 v 30 h -30 v -30 h -30 Z', '#d9765f', { opacity: 0.8 }) +
    clock(1000, 220) +
    counter('#d2e0e4', '#a3bac1')
  );
}

function carService(): string {
  const tyre = (x: number, y: number) => circle(x, y, 70, '#3b4348') + circle(x, y, 34, '#8d979c');
  return (
    wall('#e6e8e6', '#d8dbd8', '#a9aeab', 800) +
    rect(1100, 120, 700, 520, '#c9d2d6', { rx: 10 }) +
    rect(1130, 150, 640, 460, '#dfe6e9', { rx: 6 }) +
    path('M 1250 520 Q 1270 430 1360 420 L 1560 420 Q 1640 430 1680 520 Z', '#d9765f', { opacity: 0.8 }) +
    circle(1320, 530, 36, '#3b4348') +
    circle(1620, 530, 36, '#3b4348') +
    tyre(220, 650) +
    tyre(220, 510) +
    tyre(380, 650) +
    rect(500, 200, 420, 260, '#5a7078', { rx: 12 }) +
    [0, 1, 2, 3].map((i) => rect(530, 230 + i * 55, 360, 30, i === 1 ? '#e0a045' : '#9fc4c4', { rx: 8 })).join('') +
    counter('#bfc6c3', '#8c9793')
  );
}

function transit(): string {
  const windowRow = [0, 1, 2, 3].map((i) => rect(220 + i * 380, 180, 320, 260, '#cfe3ee', { rx: 24, stroke: '#f2f5f6', 'stroke-width': 14 })).join('');
  const poles = [520, 1280].map((x) => rect(x, 0, 18, 820, '#e0a045', { rx: 9 })).join('');
  return (
    wall('#e3ebe9', '#d3dfdc', '#9fb1ad', 800) +
    windowRow +
    [0, 1, 2, 3].map((i) => rect(260 + i * 380, 360, 240, 60, '#b3c6cf', { opacity: 0.6 })).join('') +
    rect(160, 80, 1600, 50, '#2b6b70', { rx: 10, opacity: 0.85 }) +
    rect(200, 96, 620, 18, '#f4f8f8', { rx: 9, opacity: 0.8 }) +
    poles +
    [0, 1, 2, 3, 4].map((i) => rect(180 + i * 340, 560, 260, 80, '#6f9f88', { rx: 20 }) + rect(180 + i * 340, 500, 260, 70, '#7cae95', { rx: 20 })).join('') +
    rect(0, 780, W, 20, '#8ea29e')
  );
}

function checkout(): string {
  const belt = rect(300, 640, 1100, 60, '#3f5a64', { rx: 12 }) + [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => rect(320 + i * 108, 655, 60, 30, '#5a7078', { rx: 6 })).join('');
  const groceries = [
    rect(420, 580, 80, 60, '#e6b4a6', { rx: 8 }),
    rect(540, 560, 60, 80, '#f0d89c', { rx: 8 }),
    circle(660, 610, 30, '#c9d7b8'),
    rect(720, 590, 100, 50, '#a8c5d6', { rx: 8 }),
  ].join('');
  return (
    wall('#f1ede4', '#e6e0d2', '#c4bba9') +
    [0, 1, 2].map((i) => sign(260 + i * 520, 140, 300, ['#2b6b70', '#d9765f', '#4f9a7a'][i] ?? '#2b6b70')).join('') +
    rect(1500, 420, 260, 280, '#5a7078', { rx: 14 }) +
    rect(1530, 450, 200, 120, '#1f3a44', { rx: 8 }) +
    rect(1560, 490, 140, 14, '#9fc4c4', { rx: 7 }) +
    belt +
    groceries +
    rect(0, 720, W, 100, '#b3a996') +
    rect(0, 700, W, 26, '#cfc6b3', { rx: 4 })
  );
}
