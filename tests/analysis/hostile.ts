/**
 * Hostile but lint-clean scenarios for the analyzer (issue 12, item 2): `n` decision nodes, each
 * offering 4 replies (on, back two nodes, skip ahead, a shrug that ends the call), every node
 * answerable early, the default silence on each, a distinct good tag per reply where the
 * vocabulary allows, and `variables` boolean flags: moving on from node i sets flag (i mod
 * variables), and the skip ahead there shows only while flag (i + 1 mod variables) is set, so
 * variables really change what can happen. Shared by the analyzer's tests and `npm run bench` (analyze growth).
 */
const GOOD = ['empathy', 'listening', 'composure', 'expertise', 'honesty', 'clarifying', 'ownership', 'efficiency'] as const;

export interface HostileOptions {
  /** Boolean flags set and read by replies (default 0). */
  variables?: number;
  /**
   * Independent flags (default false): the skip reply no longer jumps but moves on clearing the
   * node's flag, and the loop back shows only while the next flag is set, so each of the last
   * `variables` nodes remembers its own yes/no and the states grow as 2^variables (the worst case
   * for the analyzer's state budget).
   */
  independent?: boolean;
}

export function hostileScenario(n: number, options: HostileOptions = {}): string {
  const flags = options.variables ?? 0;
  const independent = options.independent === true && flags > 0;
  const lines = [
    'format: "1.1"',
    `id: hostile-${n}`,
    `title: Hostile ${n}`,
    'language: en',
    'difficulty: 3',
    'minutes: 5',
    'summary: A generated scenario for the analyzer.',
    'goals:',
    '  - Stay fast.',
    'brief:',
    '  who: A generated customer.',
    '  needs: An answer.',
    '  expects: Speed.',
    'customer:',
    '  name: Bench',
    '  portrait: person-30s',
    '  mood: 40',
    '  walksOutAt: 95',
  ];
  if (flags > 0) {
    lines.push('variables:');
    for (let v = 0; v < flags; v++) lines.push(`  flag${v}: false`);
  }
  lines.push('start: n0', 'nodes:');
  for (let i = 0; i < n; i++) {
    const next = i + 1 < n ? `n${i + 1}` : 'solved';
    const back = `n${Math.max(0, i - 2)}`;
    const skip = i + 2 < n ? `n${i + 2}` : 'solved';
    const tag = (k: number) => GOOD[(i * 3 + k) % GOOD.length];
    const flag = flags > 0 ? `flag${i % flags}` : null;
    const sets = flag ? `, set: { ${flag}: true }` : '';
    const when = flags > 0 ? `when: flag${(i + 1) % flags}, ` : '';
    const skipReply = independent
      ? `      - { id: skip, say: "I know this one, let us go on.", tags: [${tag(2)}], mood: 0, next: ${next}, feedback: Skips., set: { ${flag}: false } }`
      : `      - { id: skip, ${when}say: "I know this one, skip ahead.", tags: [${tag(2)}], mood: 0, next: ${skip}, feedback: Skips. }`;
    const loopWhen = independent ? when : '';
    lines.push(
      `  n${i}:`,
      '    says:',
      `      - annoyed: Step ${i}, and I am still waiting.`,
      `      - Do something.`,
      '    earlyReplies: true',
      '    replies:',
      `      - { id: forward, say: "Let us move on to the next step now.", tags: [${tag(0)}], mood: -5, next: ${next}, feedback: Moves on.${sets} }`,
      `      - { id: loop, ${loopWhen}say: "Could you tell me that again?", tags: [${tag(1)}], mood: 5, next: ${back}, feedback: Goes back. }`,
      skipReply,
      `      - { id: shrug, say: "Not my problem.", tags: [indifference], mood: 10, better: forward, next: gave-up, feedback: Shrugs. }`,
    );
  }
  lines.push(
    '  solved:',
    '    says: [Thanks.]',
    '    end: resolved',
    '    satisfaction: 5',
    '    comment: Fine.',
    '  gave-up:',
    '    says: [Forget it.]',
    '    end: unresolved',
    '    satisfaction: 1',
    '    comment: Useless.',
  );
  return `${lines.join('\n')}\n`;
}
