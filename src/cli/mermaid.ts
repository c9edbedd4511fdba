/**
 * A scenario as a Mermaid flowchart: a box per node (id and the first thing the customer says),
 * reply edges labelled with the reply id and tags, dashed silence edges, branch edges with their
 * conditions, and endings coloured by outcome.
 */
import type { Scenario, ScenarioNode } from '../scenario/model.ts';
import type { Outcome } from '../scenario/vocabulary.ts';

const OUTCOME_CLASSES: Record<Outcome, { name: string; style: string }> = {
  resolved: { name: 'resolved', style: 'fill:#d8f3dc,stroke:#2d6a4f,color:#081c15' },
  escalated: { name: 'escalated', style: 'fill:#fff3bf,stroke:#b08900,color:#3d2e00' },
  unresolved: { name: 'unresolved', style: 'fill:#e9ecef,stroke:#495057,color:#212529' },
  'walked-out': { name: 'walkedOut', style: 'fill:#ffd6d6,stroke:#c92a2a,color:#3b0a0a' },
};

/**
 * Makes text safe inside a quoted Mermaid label: quotes, `#`, `<`, `>`, `&`, `|` and backticks
 * become entity codes, line breaks become spaces.
 */
export function escapeMermaid(text: string): string {
  return text
    .replace(/#/g, '#35;')
    .replace(/&/g, '#amp;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/\|/g, '#124;')
    .replace(/`/g, '#96;')
    .replace(/[\r\n]+/g, ' ');
}

/** The text cut to `max` characters, at a word break when there is one near the end. */
function shorten(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space >= max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function nodeShape(mermaidId: string, node: ScenarioNode): string {
  const first = node.says[0];
  const excerptText = first ? `${first.expression}: ${shorten(first.text, 48)}` : '';
  const lines = [`<b>${escapeMermaid(node.id)}</b>`, escapeMermaid(excerptText)];
  if (node.end) {
    lines.push(escapeMermaid(`END ${node.end.outcome} · satisfaction ${node.end.satisfaction}/5`));
    return `${mermaidId}(["${lines.join('<br/>')}"])`;
  }
  if (node.venting) lines.push('venting');
  return `${mermaidId}["${lines.join('<br/>')}"]`;
}

function edge(from: string, to: string, label: string, dashed = false): string {
  const arrow = dashed ? '-.->' : '-->';
  return `  ${from} ${arrow}|"${escapeMermaid(label)}"| ${to}`;
}

/** Mermaid `flowchart TD` source for a scenario. */
export function scenarioToMermaid(scenario: Scenario): string {
  const ids = new Map(scenario.nodeOrder.map((id, index) => [id, `n${index + 1}`]));
  const target = (id: string): string => ids.get(id) ?? 'missing';
  const out = ['flowchart TD', `  start((" ")) --> ${target(scenario.start)}`];
  for (const id of scenario.nodeOrder) out.push(`  ${nodeShape(target(id), scenario.nodes[id]!)}`);
  for (const id of scenario.nodeOrder) {
    const node = scenario.nodes[id]!;
    const from = target(id);
    for (const reply of node.replies) {
      const tags = reply.tags.length > 0 ? ` · ${reply.tags.join(', ')}` : '';
      const condition = reply.when ? ` · if ${reply.when.source}` : '';
      out.push(edge(from, target(reply.next), `${reply.id}${tags}${condition}`));
    }
    node.branches.forEach((branch) => {
      out.push(edge(from, target(branch.next), branch.when ? `if ${branch.when.source}` : 'otherwise'));
    });
    if (node.silence) {
      const tags = node.silence.tags.length > 0 ? ` · ${node.silence.tags.join(', ')}` : '';
      out.push(edge(from, target(node.silence.next ?? node.id), `silence ${node.silence.after} s${tags}`, true));
    }
  }
  for (const [outcome, { name, style }] of Object.entries(OUTCOME_CLASSES)) {
    out.push(`  classDef ${name} ${style}`);
    const members = scenario.nodeOrder.filter((id) => scenario.nodes[id]!.end?.outcome === outcome).map(target);
    if (members.length > 0) out.push(`  class ${members.join(',')} ${name}`);
  }
  return `${out.join('\n')}\n`;
}
