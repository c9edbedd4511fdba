/** Tilanteen valinta. */
export default {
  heading: 'Valitse asiakas',
  intro: 'Jokainen tilanne on yksi asiakaskohtaaminen. Valitse tilanne, niin näet ensin taustatiedot.',
  filterLabel: 'Näytä tilanteet kielellä',
  filterAll: 'Kaikki kielet',
  bestScore: 'Paras tulos {score}/100',
  notPlayed: 'Ei vielä pelattu',
  attempts: { one: '{count} yritys', other: '{count} yritystä' },
  open: 'Avaa taustatiedot: {title}',
  empty: 'Tällä kielellä ei ole vielä tilanteita.',
  shown: { zero: 'Ei näytettäviä tilanteita.', one: '{count} tilanne näkyvissä.', other: '{count} tilannetta näkyvissä.' },
  numberHint: 'Numeronäppäin avaa vastaavan tilanteen.',
};
