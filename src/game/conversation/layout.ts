/**
 * Where things sit on the conversation screen, in design pixels (1920×1080). The canvas
 * (backdrop, portrait, mood bar) and the DOM overlay (text, buttons) read the same numbers.
 */
export const CONVERSATION_LAYOUT = {
  /** The customer's portrait: centre and size of the drawn face. */
  portrait: { x: 470, y: 500, width: 560, height: 650 },
  /** The mood meter bar under the portrait. */
  meter: { x: 190, y: 950, width: 560, height: 22 },
  /** The text column on the right. */
  column: { x: 930, width: 900 },
} as const;
