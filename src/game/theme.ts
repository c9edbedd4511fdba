/**
 * The look of Calm Desk in one place: design resolution, palette and type. Phaser reads the
 * numeric colours, the DOM overlay reads the same values as CSS custom properties (see
 * `ui/styles.css`), so canvas and text always agree.
 */

/** Design resolution: everything is laid out at 1920×1080 and scaled to fit (down to 1280×720). */
export const DESIGN_WIDTH = 1920;
export const DESIGN_HEIGHT = 1080;

/** The font bundled from @fontsource; text is drawn only after `document.fonts.load` resolved it. */
export const FONT_FAMILY = 'Atkinson Hyperlegible';

/** Calm palette: soft blue-grey and teal with warm accents. Text/background pairs meet WCAG AA. */
export const PALETTE = {
  /** Page and canvas background. */
  sky: 0xdde7ea,
  skyDeep: 0xc5d5da,
  /** Panels behind overlay text. */
  paper: 0xf8fafa,
  /** Primary ink (on paper: 12.9:1). */
  ink: 0x1d3640,
  /** Secondary ink (on paper: 6.4:1). */
  inkSoft: 0x3f5a64,
  /** Primary action (white text on it: 5.6:1). */
  teal: 0x2b6b70,
  tealDeep: 0x1f5256,
  tealSoft: 0x9fc4c4,
  /** Warm accents: focus ring, highlights, progress. */
  amber: 0xe0a045,
  coral: 0xd9765f,
  sand: 0xf2e4cf,
  /** Mood scale ends. */
  calm: 0x4f9a7d,
  furious: 0xc2483a,
} as const;

/** A palette colour as a CSS `#rrggbb` string. */
export function cssColor(value: number): string {
  return `#${value.toString(16).padStart(6, '0')}`;
}
