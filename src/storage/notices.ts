/**
 * Notices: what the store wants the player to know (damaged data backed up, old data upgraded,
 * saving failed). Each has a stable `code` for the UI and a ready sentence in both languages.
 */
import type { Language } from '../scenario/vocabulary.ts';

export type NoticeCode =
  | 'damaged-backed-up'
  | 'damaged-partly-recovered'
  | 'damaged-backup-failed'
  | 'newer-version-backed-up'
  | 'upgraded'
  | 'save-failed-quota'
  | 'save-failed'
  | 'storage-unavailable';

export interface Notice {
  code: NoticeCode;
  /** Which saved thing it concerns. */
  subject: 'settings' | 'results';
  /** Where the untouched original was copied, when it was. */
  backupKey?: string;
  /** Records kept / dropped while recovering damaged results. */
  kept?: number;
  dropped?: number;
  /** The version the data was upgraded from. */
  fromVersion?: number;
  /** Severity for styling: `info` (upgraded) or `warning` (anything lost or not saved). */
  level: 'info' | 'warning';
}

type Sentences = Record<NoticeCode, (n: Notice) => string>;

const what = { en: { settings: 'settings', results: 'results' }, fi: { settings: 'asetukset', results: 'tulokset' } };

const EN: Sentences = {
  'damaged-backed-up': (n) =>
    `Your saved ${what.en[n.subject]} were damaged. A copy was kept under the storage key "${n.backupKey}" and the game started clean.`,
  'damaged-partly-recovered': (n) =>
    `Some saved results were damaged: ${n.kept} kept, ${n.dropped} could not be read. The original was copied to the storage key "${n.backupKey}".`,
  'damaged-backup-failed': (n) =>
    `Your saved ${what.en[n.subject]} were damaged and could not be copied aside, so they were left untouched and nothing new will be saved over them this session. Export your results to keep them.`,
  'newer-version-backed-up': (n) =>
    `Your saved ${what.en[n.subject]} come from a newer version of the game. They were copied to the storage key "${n.backupKey}"; this version uses what it can read.`,
  upgraded: (n) => `Your saved ${what.en[n.subject]} were from an older version (${n.fromVersion}) and have been upgraded.`,
  'save-failed-quota': () =>
    'The browser storage is full, so results could not be saved. You can keep playing and export your results to a file.',
  'save-failed': (n) => `Your ${what.en[n.subject]} could not be saved. You can keep playing and export your results to a file.`,
  'storage-unavailable': () =>
    'This browser does not allow saving (for example in a private window). Settings and results last until you close the page; export results to keep them.',
};

const FI: Sentences = {
  'damaged-backed-up': (n) =>
    `Tallennetut ${what.fi[n.subject]} olivat vioittuneet. Niistä jäi kopio tallennusavaimeen "${n.backupKey}", ja peli aloitti puhtaalta pöydältä.`,
  'damaged-partly-recovered': (n) =>
    `Osa tallennetuista tuloksista oli vioittunut: ${n.kept} säilyi, ${n.dropped} ei voitu lukea. Alkuperäinen kopioitiin tallennusavaimeen "${n.backupKey}".`,
  'damaged-backup-failed': (n) =>
    `Tallennetut ${what.fi[n.subject]} olivat vioittuneet, eikä niistä voitu tehdä kopiota. Ne jätettiin ennalleen, eikä niiden päälle tallenneta tämän istunnon aikana. Vie tuloksesi tiedostoon, jotta ne säilyvät.`,
  'newer-version-backed-up': (n) =>
    `Tallennetut ${what.fi[n.subject]} ovat pelin uudemmasta versiosta. Ne kopioitiin tallennusavaimeen "${n.backupKey}"; tämä versio käyttää sen, minkä osaa lukea.`,
  upgraded: (n) => `Tallennetut ${what.fi[n.subject]} olivat vanhemmasta versiosta (${n.fromVersion}), ja ne päivitettiin.`,
  'save-failed-quota': () =>
    'Selaimen tallennustila on täynnä, joten tuloksia ei voitu tallentaa. Voit jatkaa pelaamista ja viedä tulokset tiedostoon.',
  'save-failed': (n) => `${what.fi[n.subject] === 'asetukset' ? 'Asetuksia' : 'Tuloksia'} ei voitu tallentaa. Voit jatkaa pelaamista ja viedä tulokset tiedostoon.`,
  'storage-unavailable': () =>
    'Tämä selain ei salli tallentamista (esimerkiksi yksityisessä ikkunassa). Asetukset ja tulokset säilyvät, kunnes suljet sivun; vie tulokset tiedostoon, jotta ne säilyvät.',
};

/** The notice as a sentence for the player, in their language. */
export function noticeMessage(notice: Notice, language: Language): string {
  return (language === 'fi' ? FI : EN)[notice.code](notice);
}
