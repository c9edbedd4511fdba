/** Adapts the game's typed translator to the string-keyed one presenters take. */
import type { MessageKey, Params } from '../../i18n/index.ts';
import type { Translate } from '../../presenter/conversationText.ts';
import type { Services } from '../services.ts';

/** A presenter translator that always uses the current UI language. */
export function presenterTranslate(services: Services): Translate {
  return (key, params) => services.t(key as MessageKey, params as Params | undefined);
}
