/** Title screen. */
export default {
  play: 'Play',
  settings: 'Settings',
  scenariosHeading: 'Scenarios in this build',
  scenarioCount: { zero: 'No scenarios found.', one: '{count} scenario', other: '{count} scenarios' },
  noScenarios: 'No scenario files were found in the scenarios folder.',
  scenarioLine: '{language} · {difficulty}',
  storeFailed: 'The game could not finish loading. Check the connection and reload the page.',
};
