/** Briefing screen before a conversation. */
export default {
  heading: 'Briefing',
  background: 'What has happened',
  courseStep: 'Course step {order}',
  customer: 'Your customer',
  who: 'Who is this customer?',
  needs: 'What do they need?',
  expects: 'What do they expect?',
  goals: 'Practise this',
  facilitator: 'Facilitator note',
  start: 'Start the conversation',
  back: 'Back to scenarios',
  loading: 'Loading the scenario…',
  loadFailed: 'This scenario could not be loaded: {reason}',
  noBrief: 'This scenario has no pre-brief. Read the summary and listen carefully.',
  startHint: 'The customer starts talking as soon as you begin. Let them finish.',
};
