/**
 * The translation function presenters receive. The game passes its i18n service's `t`; tests
 * pass one built from the locale files. Presenters never pick a language themselves.
 */

/** Values a message may interpolate, e.g. `{name}`. */
export type TextParams = Readonly<Record<string, string | number>>;

/**
 * Look up a message by key and fill in its `{placeholders}`.
 * @example t('conversation.stillTalking', { name: 'Marja' }) // 'Marja is still talking…'
 */
export type Translate = (key: string, params?: TextParams) => string;
