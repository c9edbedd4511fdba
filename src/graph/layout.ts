/**
 * The scenario map's geometry: every node as a box and every way on (reply, silence,
 * interruption, branch) as an edge, laid out top to bottom by dagre. Pure: no DOM, so the CLI
 * and the browser draw the same map. `graphHtml.ts` turns it into SVG.
 */
import dagre from '@dagrejs/dagre';
import type { Scenario, ScenarioNode } from '../scenario/model.ts';
import { isAutoFailTag, isTrustRuiner, type BehaviourTag, type Outcome } from '../scenario/vocabulary.ts';
import { moodBand, type MoodBand } from '../presenter/conversationMood.ts';
import { buildStateGraph, type StateGraph } from '../analysis/stateGraph.ts';

export type EdgeKind = 'reply' | 'silence' | 'interrupt' | 'branch';
export type NodeKind = 'decision' | 'branch' | 'ending' | 'wait';

export interface Point {
  x: number;
  y: number;
}

export interface MapNode {
  id: string;
  kind: NodeKind;
  /** Centre and size of the box. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** The customer's mood on arriving here: the lowest and highest any play reaches, and their mean. */
  mood: { min: number; max: number; mean: number; band: MoodBand } | null;
  outcome?: Outcome;
  /** The box's text lines after the id (excerpt, mood, ending), already cut to fit. */
  lines: string[];
  /** How many of `lines` are the customer's first words (the rest are mood and ending notes). */
  quoteLines: number;
}

export interface MapEdge {
  /** Stable key: `reply:<node>:<reply>`, `branch:<node>:<index>`, `silence:<node>`, `interrupt:<node>`. */
  key: string;
  from: string;
  to: string;
  kind: EdgeKind;
  replyId?: string;
  tags: BehaviourTag[];
  /** The reply (or silence) carries a trust-ruiner or an auto-fail tag. */
  ruiner: boolean;
  /** The label text: reply id and tags, a branch's condition, a silence's seconds. */
  label: string;
  points: Point[];
  labelAt: Point;
  labelWidth: number;
}

export interface MapLayout {
  width: number;
  height: number;
  nodes: MapNode[];
  edges: MapEdge[];
}

const NODE_WIDTH = 240;
const LINE_HEIGHT = 16;
const CHARS_PER_LINE = 30;
/** Rough width of a label character at the page's 12 px label font. */
const LABEL_CHAR = 6.6;
const LABEL_MAX_CHARS = 34;

/** The text cut to `max` characters at a word break where possible. */
export function shorten(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space >= max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Splits text into at most `maxLines` lines of about `width` characters. */
export function wrap(text: string, width: number, maxLines: number): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= width || !line) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines.map((l) => shorten(l, width + 4));
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = shorten(`${kept[maxLines - 1]} ${lines[maxLines]}`, width);
  if (!kept[maxLines - 1]!.endsWith('…')) kept[maxLines - 1] += '…';
  return kept;
}

function nodeKind(node: ScenarioNode): NodeKind {
  if (node.end) return 'ending';
  if (node.branches.length > 0) return 'branch';
  if (node.replies.length > 0) return 'decision';
  return 'wait';
}

/** Words the box needs, supplied by the caller so the map speaks the page's language. */
export interface MapWords {
  /** e.g. `mood 40–75 · upset` */
  mood(mood: NonNullable<MapNode['mood']>): string;
  ending(outcome: Outcome, satisfaction: number): string;
  branch(): string;
  silence(seconds: number): string;
  interrupted(): string;
  otherwise(): string;
  when(condition: string): string;
}

/**
 * The mood on arrival at every node, over every play the state graph knows (decision nodes from
 * its states, endings from the moves that reach them). Nodes only passed through by a branch have none.
 */
export function moodsByNode(scenario: Scenario, graph: StateGraph = buildStateGraph(scenario)): Map<string, number[]> {
  const moods = new Map<string, number[]>();
  const add = (id: string, mood: number): void => {
    const list = moods.get(id) ?? [];
    list.push(mood);
    moods.set(id, list);
  };
  for (const state of graph.states) {
    add(state.nodeId, state.context.mood);
    for (const edge of state.edges) {
      if (edge.target.kind === 'end' && edge.target.ending.nodeId !== state.nodeId) add(edge.target.ending.nodeId, edge.decision.moodAfter);
    }
  }
  return moods;
}

function moodSummary(values: readonly number[] | undefined): MapNode['mood'] {
  if (!values || values.length === 0) return null;
  const min = Math.min(...values);
  const max = Math.max(...values);
  const mean = Math.round(values.reduce((a, b) => a + b, 0) / values.length);
  return { min, max, mean, band: moodBand(mean) };
}

function hasRuiner(tags: readonly BehaviourTag[]): boolean {
  return tags.some((tag) => isTrustRuiner(tag) || isAutoFailTag(tag));
}

interface EdgeSpec {
  key: string;
  from: string;
  to: string;
  kind: EdgeKind;
  replyId?: string;
  tags: BehaviourTag[];
  label: string;
}

/** Every way on from every node, in file order. */
export function edgeSpecs(scenario: Scenario, words: MapWords): EdgeSpec[] {
  const out: EdgeSpec[] = [];
  for (const id of scenario.nodeOrder) {
    const node = scenario.nodes[id]!;
    for (const reply of node.replies) {
      const tags = reply.tags.length > 0 ? ` · ${reply.tags.join(', ')}` : '';
      const when = reply.when ? ` · ${words.when(reply.when.source)}` : '';
      out.push({ key: `reply:${id}:${reply.id}`, from: id, to: reply.next, kind: 'reply', replyId: reply.id, tags: [...reply.tags], label: `${reply.id}${tags}${when}` });
    }
    node.branches.forEach((branch, index) => {
      out.push({ key: `branch:${id}:${index}`, from: id, to: branch.next, kind: 'branch', tags: [], label: branch.when ? words.when(branch.when.source) : words.otherwise() });
    });
    if (node.silence && !node.end && node.branches.length === 0) {
      const tags = node.silence.tags.length > 0 ? ` · ${node.silence.tags.join(', ')}` : '';
      out.push({ key: `silence:${id}`, from: id, to: node.silence.next ?? id, kind: 'silence', tags: [...node.silence.tags], label: `${words.silence(node.silence.after)}${tags}` });
    }
    if (node.interrupted?.next) {
      out.push({ key: `interrupt:${id}`, from: id, to: node.interrupted.next, kind: 'interrupt', tags: ['impatience'], label: words.interrupted() });
    }
  }
  return out.filter((edge) => scenario.nodes[edge.to] !== undefined);
}

function boxLines(node: ScenarioNode, mood: MapNode['mood'], words: MapWords): string[] {
  const first = node.says[0];
  const lines = first ? wrap(`“${first.text}”`, CHARS_PER_LINE, 2) : [];
  if (mood) lines.push(words.mood(mood));
  if (node.end) lines.push(words.ending(node.end.outcome, node.end.satisfaction));
  else if (node.branches.length > 0) lines.push(words.branch());
  return lines;
}

/**
 * Lays the scenario out top to bottom.
 *
 * @example
 * const map = layoutScenario(scenario, words);
 * map.nodes.find((n) => n.id === scenario.start); // { x, y, width, height, mood, ... }
 */
export function layoutScenario(scenario: Scenario, words: MapWords, moods: Map<string, number[]> = moodsByNode(scenario)): MapLayout {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 40, ranksep: 70, edgesep: 16, marginx: 24, marginy: 24 });
  g.setDefaultEdgeLabel(() => ({}));
  const boxes = new Map<string, { lines: string[]; quoteLines: number; mood: MapNode['mood'] }>();
  for (const id of scenario.nodeOrder) {
    const node = scenario.nodes[id]!;
    const mood = moodSummary(moods.get(id));
    const lines = boxLines(node, mood, words);
    const quoteLines = node.says.length > 0 ? lines.length - (mood ? 1 : 0) - (node.end || node.branches.length > 0 ? 1 : 0) : 0;
    boxes.set(id, { lines, quoteLines, mood });
    g.setNode(id, { width: NODE_WIDTH, height: 20 + LINE_HEIGHT * (lines.length + 1) });
  }
  const specs = edgeSpecs(scenario, words);
  const labels = new Map<string, string>();
  for (const spec of specs) {
    const label = shorten(spec.label, LABEL_MAX_CHARS);
    labels.set(spec.key, label);
    g.setEdge(spec.from, spec.to, { width: label.length * LABEL_CHAR + 10, height: 18, labelpos: 'c', minlen: 1 }, spec.key);
  }
  dagre.layout(g);
  const nodes: MapNode[] = scenario.nodeOrder.map((id) => {
    const n = g.node(id);
    const node = scenario.nodes[id]!;
    const box = boxes.get(id)!;
    const out: MapNode = { id, kind: nodeKind(node), x: n.x ?? 0, y: n.y ?? 0, width: n.width, height: n.height, mood: box.mood, lines: box.lines, quoteLines: box.quoteLines };
    if (node.end) out.outcome = node.end.outcome;
    return out;
  });
  const edges: MapEdge[] = specs.map((spec) => {
    const e = g.edge(spec.from, spec.to, spec.key);
    const points = ((e?.points ?? []) as Point[]).map((p) => ({ x: p.x, y: p.y }));
    const label = labels.get(spec.key)!;
    const middle = points[Math.floor(points.length / 2)] ?? { x: 0, y: 0 };
    const edge: MapEdge = {
      key: spec.key,
      from: spec.from,
      to: spec.to,
      kind: spec.kind,
      tags: spec.tags,
      ruiner: hasRuiner(spec.tags),
      label,
      points,
      labelAt: e?.x !== undefined && e.y !== undefined ? { x: e.x, y: e.y } : middle,
      labelWidth: label.length * LABEL_CHAR + 10,
    };
    if (spec.replyId !== undefined) edge.replyId = spec.replyId;
    return edge;
  });
  const size = g.graph();
  return { width: Math.ceil(size.width ?? 0), height: Math.ceil(size.height ?? 0), nodes, edges };
}
