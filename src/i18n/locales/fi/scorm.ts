/** Oppimisalustalla (SCORM-paketti): kurssin eteneminen tilannelistalla. */
export default {
  progressLabel: 'Kurssin eteneminen',
  progress: { one: '{done}/{count} tilanne pelattu loppuun.', other: '{done}/{count} tilannetta pelattu loppuun.' },
  statusIncomplete: 'Pelaa jokainen tilanne, niin kurssi on suoritettu.',
  statusPassed: {
    one: 'Kurssi läpäisty (raja {mastery}): paras tuloksesi on {score}.',
    other: 'Kurssi läpäisty (raja {mastery}): heikoin parhaista tuloksistasi on {score}.',
  },
  statusFailed: {
    one: 'Ei vielä läpäisty: paras tuloksesi on {score}, läpäisyraja on {mastery}. Pelaa tilanne uudelleen.',
    other: 'Ei vielä läpäisty: heikoin parhaista tuloksistasi on {score}, läpäisyraja on {mastery}. Pelaa se tilanne uudelleen.',
  },
  connected: 'Tuloksesi välittyvät oppimisalustallesi.',
  connectedAs: 'Tuloksesi välittyvät oppimisalustallesi nimellä {name}.',
  noPlatform: 'Oppimisalustaa ei löytynyt: tuloksesi jäävät vain tähän selaimeen.',
  restored: 'Aiempi etenemisesi palautettiin oppimisalustalta.',
  trouble: 'Oppimisalusta ei ottanut vastaan viimeisintä tulosta. Se on tallessa tässä selaimessa; yritä myöhemmin uudelleen tai kerro kouluttajallesi.',
};
