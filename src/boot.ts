/** The game itself: the bundled font, the overlay styles, Phaser and the scenes (loaded by `main.ts`). */
import '@fontsource/atkinson-hyperlegible/400.css';
import '@fontsource/atkinson-hyperlegible/700.css';
import './game/ui/styles.css';
import { StartGame } from './game/main.ts';

// Fetch the font files now, while Phaser boots, so the Preloader does not wait for them.
void document.fonts?.load('400 32px "Atkinson Hyperlegible"').catch(() => undefined);
void document.fonts?.load('700 32px "Atkinson Hyperlegible"').catch(() => undefined);

StartGame('game');
