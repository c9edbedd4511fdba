/**
 * Learning records in the game: registers the xAPI reporter with `reporting.ts` and loads the
 * sender (statements, queue, storage) once the saved settings have loaded, after the first screen.
 * The xAPI client itself loads only when an LRS is configured. Call `installLearningRecords` once
 * from `StartGame`; the Settings screen reads the sender through `learningRecords()`.
 */
import { addReporter } from '../reporting.ts';
import type { Services } from '../services.ts';
import type { XapiSender } from './xapiSender.ts';

let sender: Promise<XapiSender> | null = null;
let services: Services | null = null;

/** The sender, loading it on first use (null before `installLearningRecords`). */
export function learningRecords(): Promise<XapiSender> | null {
  if (!services) return null;
  const s = services;
  sender ??= import('./xapiSender.ts').then((m) => m.createXapiSender(s));
  return sender;
}

/** Registers the reporter and follows settings changes. Returns a function that undoes both. */
export function installLearningRecords(s: Services): () => void {
  services = s;
  const withSender = (use: (x: XapiSender) => void) => {
    // Only once the store has loaded (the Title waits for it before any conversation starts).
    void s
      .ready()
      .then(() => learningRecords())
      .then((x) => x && use(x), (error: unknown) => console.warn('Calm Desk: learning records are unavailable.', error));
  };
  // The first settings change is the store loading: that starts the sender, which drains what waits.
  const offSettings = s.onSettingsChange(() => withSender((x) => x.settingsChanged()));
  const offReporter = addReporter({
    started: (e) => withSender((x) => x.started?.(e)),
    decided: (e) => withSender((x) => x.decided?.(e)),
    finished: (e) => withSender((x) => x.finished?.(e)),
  });
  return () => {
    offSettings();
    offReporter();
  };
}
