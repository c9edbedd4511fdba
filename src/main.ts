/**
 * Entry point, kept tiny on purpose: index.html's static first screen (title, loading dots) is on
 * screen before any of the game's code is fetched or run. Nothing here blocks that first paint:
 * no stylesheet (the overlay styles and the font come with the game's chunk) and no Phaser.
 * The game starts right after the first frame (at once in a hidden tab, which paints no frames).
 */
function afterFirstFrame(): Promise<void> {
  if (document.visibilityState === 'hidden') return Promise.resolve();
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
  });
}

/** The game's code could not be fetched (connection lost, files missing): say so on the first screen. */
function showLoadFailure(error: unknown): void {
  console.error(error);
  const status = document.querySelector('#cd-splash p');
  if (!status) return;
  status.textContent = 'Calm Desk could not load. Check the connection and reload the page. ';
  const fi = document.createElement('span');
  fi.lang = 'fi';
  fi.textContent = 'Calm Desk ei latautunut. Tarkista yhteys ja lataa sivu uudelleen.';
  status.append(fi);
  document.querySelector('#cd-splash .cd-splash-dots')?.remove();
}

void afterFirstFrame()
  .then(() => import('./boot.ts'))
  .catch(showLoadFailure);
