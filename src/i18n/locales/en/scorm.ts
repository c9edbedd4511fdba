/** Inside a learning platform (SCORM package): course progress on the scenario list. */
export default {
  progressLabel: 'Course progress',
  progress: { one: '{done} of {count} scenario played to the end.', other: '{done} of {count} scenarios played to the end.' },
  statusIncomplete: 'Play each one to finish the course.',
  statusPassed: {
    one: 'Course passed (pass mark {mastery}): your best score is {score}.',
    other: 'Course passed (pass mark {mastery}): your lowest best score is {score}.',
  },
  statusFailed: {
    one: 'Not passed yet: your best score is {score}, the pass mark is {mastery}. Play it again to raise it.',
    other: 'Not passed yet: your lowest best score is {score}, the pass mark is {mastery}. Replay that scenario to raise it.',
  },
  connected: 'Your results go to your learning platform.',
  connectedAs: 'Your results go to your learning platform as {name}.',
  noPlatform: 'No learning platform found: your results stay in this browser only.',
  restored: 'Your earlier progress was brought back from your learning platform.',
  trouble: 'The learning platform did not accept the latest result. It is kept in this browser; try again later or tell your trainer.',
};
