/** Aloitusnäkymä. */
export default {
  play: 'Pelaa',
  settings: 'Asetukset',
  scenariosHeading: 'Tämän version tilanteet',
  scenarioCount: { zero: 'Tilanteita ei löytynyt.', one: '{count} tilanne', other: '{count} tilannetta' },
  noScenarios: 'Scenarios-kansiosta ei löytynyt yhtään tilannetiedostoa.',
  scenarioLine: '{language} · {difficulty}',
  brokenHint: 'Tätä tiedostoa ei voi pelata ennen kuin sen virheet on korjattu.',
  welcome: 'Tervetuloa Calm Deskiin. Valitse asiakas painamalla Pelaa.',
  storeFailed: 'Pelin lataus jäi kesken. Tarkista verkkoyhteys ja lataa sivu uudelleen.',
};
