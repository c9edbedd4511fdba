/** Entry point: the bundled font, the overlay styles, then the game. */
import '@fontsource/atkinson-hyperlegible/400.css';
import '@fontsource/atkinson-hyperlegible/700.css';
import './game/ui/styles.css';
import { StartGame } from './game/main.ts';

StartGame('game');
