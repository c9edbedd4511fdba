/** Scenario selection screen. */
export default {
  heading: 'Choose a customer',
  intro: 'Each scenario is one customer contact. Pick one to read the briefing first.',
  filterLabel: 'Show scenarios in',
  filterAll: 'All languages',
  bestScore: 'Best score {score} / 100',
  notPlayed: 'Not played yet',
  attempts: { one: '{count} attempt', other: '{count} attempts' },
  open: 'Open briefing: {title}',
  empty: 'No scenarios in this language yet.',
  shown: { zero: 'No scenarios shown.', one: '{count} scenario shown.', other: '{count} scenarios shown.' },
  numberHint: 'Press a number to open that scenario.',
};
