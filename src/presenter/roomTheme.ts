/**
 * The projector's colours: dark ink on near-white paper, every text pair at least 7:1 (WCAG AAA),
 * so a line read from the back of a dim training room stays sharp on a washed-out projector. The
 * shell sets these as CSS custom properties on the room screens; `tests/presenter/roomTheme.test.ts`
 * computes the contrast of every pair below.
 */
export const ROOM_THEME = {
  /** Page behind everything. */
  page: '#eef3f4',
  /** Panels that hold text. */
  paper: '#ffffff',
  ink: '#0b1c22',
  /** Secondary text (speaker names, hints). */
  inkSoft: '#22393f',
  /** Reply letter chips and primary buttons: white text on it. */
  accent: '#0a4146',
  accentText: '#ffffff',
  /** Vote bars (not text; drawn beside the count). */
  bar: '#1c6f76',
  /** Good and bad marks in a reveal (text on paper). */
  good: '#0d4d2c',
  bad: '#7a1616',
  /** Status banners: paused, hot seat. */
  banner: '#10262d',
  bannerText: '#ffffff',
  hot: '#6b1d0e',
  hotText: '#ffffff',
  /** Focus ring (not text). */
  focus: '#c77700',
  /** The blanked screen. */
  blank: '#000000',
} as const;

export type RoomColour = keyof typeof ROOM_THEME;

/** Foreground/background pairs that carry text, each needing ≥ 7:1. */
export const ROOM_TEXT_PAIRS: ReadonlyArray<readonly [RoomColour, RoomColour]> = [
  ['ink', 'paper'],
  ['ink', 'page'],
  ['inkSoft', 'paper'],
  ['inkSoft', 'page'],
  ['accentText', 'accent'],
  ['accent', 'paper'],
  ['good', 'paper'],
  ['bad', 'paper'],
  ['bannerText', 'banner'],
  ['hotText', 'hot'],
];

/** WCAG relative luminance of `#rrggbb`. */
export function luminance(hex: string): number {
  const value = Number.parseInt(hex.replace('#', ''), 16);
  const channels = [(value >> 16) & 255, (value >> 8) & 255, value & 255].map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * channels[0]! + 0.7152 * channels[1]! + 0.0722 * channels[2]!;
}

/** WCAG contrast ratio of two `#rrggbb` colours (1..21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Minimum body text size on the projector at 1080p (px), and the sizes the room screens use. */
export const ROOM_TYPE = { body: 44, line: 56, heading: 48, small: 40 } as const;
