/** Aloitusnäkymä. */
export default {
  play: 'Pelaa',
  settings: 'Asetukset',
  scenariosHeading: 'Tämän version tilanteet',
  scenarioCount: { zero: 'Tilanteita ei löytynyt.', one: '{count} tilanne', other: '{count} tilannetta' },
  noScenarios: 'Scenarios-kansiosta ei löytynyt yhtään tilannetiedostoa.',
  scenarioLine: '{language} · {difficulty}',
  storeFailed: 'Pelin lataus jäi kesken. Tarkista verkkoyhteys ja lataa sivu uudelleen.',
};
