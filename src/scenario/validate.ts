/**
 * Semantic checks on a schema-valid scenario: links, reachability, endings, conditions,
 * variables (CD2xx), and quality warnings for trainers (CD3xx).
 */
import { conditionVariables, parseCondition } from './condition.ts';
import { diagnostic } from './diagnostics.ts';
import type { Diagnostic, DiagnosticCode, Range } from './diagnostics.ts';
import { interruptionTarget, linkGraph, nodesThatReachAnEnding, reachableFrom, stronglyConnected } from './graph-analysis.ts';
import { branchLoopMessage, branchLoops } from './branch-loops.ts';
import type { RawNode, RawReply, RawScenario } from './schema.ts';
import type { DataPath, SourceMap } from './source-map.ts';
import { didYouMean, nearest } from './suggest.ts';
import { isGoodTag, isTrustRuiner } from './vocabulary.ts';

interface Ctx {
  raw: RawScenario;
  map: SourceMap;
  file: string;
  out: Diagnostic[];
  nodeIds: string[];
  usedInConditions: Set<string>;
  /** A condition could not be read, so which variables are used is unknown. */
  unreadableCondition: boolean;
  /** Broken link → the node it probably meant; the graph checks follow that guess. */
  meant: Map<string, string>;
}

/** All CD2xx and CD3xx diagnostics of a scenario that passed the schema. */
export function semanticDiagnostics(raw: RawScenario, map: SourceMap, file: string): Diagnostic[] {
  const ctx: Ctx = { raw, map, file, out: [], nodeIds: Object.keys(raw.nodes), usedInConditions: new Set(), unreadableCondition: false, meant: new Map() };
  checkScenario(ctx);
  for (const id of ctx.nodeIds) checkNode(ctx, id, raw.nodes[id]!);
  checkGraph(ctx);
  checkUnusedVariables(ctx);
  return ctx.out;
}

function add(ctx: Ctx, code: DiagnosticCode, range: Range, message: string, hint?: string): void {
  ctx.out.push(diagnostic(code, ctx.file, range, message, hint));
}

function hasNode(ctx: Ctx, id: string): boolean {
  return Object.hasOwn(ctx.raw.nodes, id);
}

function checkScenario(ctx: Ctx): void {
  const { raw, map } = ctx;
  if (!hasNode(ctx, raw.start)) {
    add(ctx, 'CD201', map.rangeAt(['start']), `The conversation starts at node \`${raw.start}\`, which does not exist.`, didYouMean(raw.start, ctx.nodeIds) ?? nodeListHint(ctx));
  }
  if (raw.customer.walksOutAt <= raw.customer.mood) {
    add(ctx, 'CD216', map.rangeAt(['customer', 'walksOutAt']), `The customer walks out at mood ${raw.customer.walksOutAt} but starts at mood ${raw.customer.mood}: they would leave before the trainee says a word.`, `Set \`walksOutAt\` above ${raw.customer.mood}, or lower the starting \`mood\`.`);
  }
  checkMinutes(ctx);
  checkInterrupted(ctx, raw.interrupted, ['interrupted'], 'The scenario\'s `interrupted` rule');
  if (!raw.brief) {
    add(ctx, 'CD304', map.keyAt(['id']), 'The scenario has no `brief`, so trainees start without knowing who the customer is.', 'Add `brief:` with `who`, `needs` and `expects`.');
  }
}

function nodeListHint(ctx: Ctx): string {
  const shown = ctx.nodeIds.slice(0, 8).map((id) => `\`${id}\``).join(', ');
  return ctx.nodeIds.length === 0 ? 'Add nodes under `nodes:`.' : `Existing nodes: ${shown}${ctx.nodeIds.length > 8 ? ', ...' : ''}.`;
}

function checkLink(ctx: Ctx, target: string, path: DataPath, subject: string): void {
  if (hasNode(ctx, target)) return;
  const meant = nearest(target, ctx.nodeIds);
  if (meant !== undefined) ctx.meant.set(target, meant);
  add(ctx, 'CD202', ctx.map.rangeAt(path), `${subject} goes to node \`${target}\`, which does not exist.`, meant !== undefined ? `Did you mean \`${meant}\`?` : nodeListHint(ctx));
}

function checkNode(ctx: Ctx, id: string, node: RawNode): void {
  const path = ['nodes', id];
  const kinds = (['replies', 'branches', 'end'] as const).filter((key) => node[key] !== undefined);
  if (kinds.length > 1) {
    add(ctx, 'CD208', ctx.map.keyAt(path), `Node \`${id}\` has ${kinds.map((k) => `\`${k}\``).join(' and ')}; a node has only one of them.`, 'Move the extra part to a node of its own.');
  } else if (kinds.length === 0 && node.silence === undefined) {
    add(ctx, 'CD207', ctx.map.keyAt(path), `Node \`${id}\` has no replies, no branches and no \`end\`: the conversation gets stuck here.`, 'Add `replies:`, or make it an ending with `end: resolved` (or escalated, unresolved, walked-out).');
  }
  checkEnding(ctx, id, node);
  node.replies?.forEach((reply, index) => checkReply(ctx, id, node, reply, index));
  checkPreferred(ctx, id, node);
  checkInterrupted(ctx, node.interrupted, [...path, 'interrupted'], `The \`interrupted\` rule of node \`${id}\``);
  node.branches?.forEach((branch, index) => {
    checkLink(ctx, branch.next, [...path, 'branches', index, 'next'], `Branch ${index + 1} of node \`${id}\``);
    if (branch.when !== undefined) checkCondition(ctx, branch.when, [...path, 'branches', index, 'when']);
  });
  checkSilence(ctx, id, node);
  checkNodeQuality(ctx, id, node);
}

function checkPreferred(ctx: Ctx, id: string, node: RawNode): void {
  const preferred = (node.replies ?? []).map((reply, index) => ({ reply, index })).filter(({ reply }) => reply.preferred === true);
  for (const { reply, index } of preferred.slice(1)) {
    add(ctx, 'CD220', ctx.map.keyAt(['nodes', id, 'replies', index, 'preferred']), `Node \`${id}\` has more than one preferred reply: \`${preferred[0]!.reply.id}\` and \`${reply.id}\`.`, 'Keep `preferred: true` on the one reply the trainer wants taught.');
  }
}

/** The routing form of `interrupted:` may go to a node: it must exist. */
function checkInterrupted(ctx: Ctx, raw: RawNode['interrupted'], path: DataPath, subject: string): void {
  const target = interruptionTarget(raw);
  if (target !== undefined) checkLink(ctx, target, [...path, 'next'], subject);
}

/** `minutes: "8-5"`: the range must run from the lower number to the higher. */
function checkMinutes(ctx: Ctx): void {
  const raw = ctx.raw.minutes;
  if (typeof raw !== 'string') return;
  const [low, high] = raw.split(/[-–]/).map((part) => Number(part.trim()));
  if (low === undefined || high === undefined) return;
  if (low < 1 || high > 60 || low > high) {
    add(ctx, 'CD104', ctx.map.rangeAt(['minutes']), `\`minutes\` is the range ${raw.trim()}, which ${low > high ? 'runs backwards' : 'goes outside 1 to 60'}.`, 'Write the shorter time first, both from 1 to 60, e.g. "5-8".');
  }
}

function checkEnding(ctx: Ctx, id: string, node: RawNode): void {
  const path = ['nodes', id];
  if (node.end !== undefined) {
    const missing = (['satisfaction', 'comment'] as const).filter((key) => node[key] === undefined);
    if (missing.length > 0) {
      add(ctx, 'CD209', ctx.map.keyAt([...path, 'end']), `The ending \`${id}\` has no ${missing.map((k) => `\`${k}\``).join(' and ')}.`, 'An ending needs `satisfaction` (1 to 5) and the customer\'s closing `comment`.');
    }
    return;
  }
  for (const key of ['satisfaction', 'comment'] as const) {
    if (node[key] !== undefined) {
      add(ctx, 'CD210', ctx.map.keyAt([...path, key]), `Node \`${id}\` has \`${key}\` but is not an ending.`, 'Add `end:` with the outcome, or remove this key.');
    }
  }
}

function checkReply(ctx: Ctx, nodeId: string, node: RawNode, reply: RawReply, index: number): void {
  const path = ['nodes', nodeId, 'replies', index];
  const subject = `Reply \`${reply.id}\``;
  const earlier = node.replies!.slice(0, index).findIndex((other) => other.id === reply.id);
  if (earlier >= 0) {
    add(ctx, 'CD203', ctx.map.rangeAt([...path, 'id']), `Node \`${nodeId}\` has two replies with the id \`${reply.id}\` (replies ${earlier + 1} and ${index + 1}).`, 'Give each reply on a node its own id.');
  }
  checkLink(ctx, reply.next, [...path, 'next'], subject);
  if (reply.better !== undefined) checkBetter(ctx, nodeId, node, reply, path);
  if (reply.when !== undefined) checkCondition(ctx, reply.when, [...path, 'when']);
  checkEffects(ctx, reply, path);
  checkReplyQuality(ctx, nodeId, reply, path);
  if (node.venting) checkVentingReply(ctx, nodeId, reply, path);
}

/** The id `better:` names, in either form (`better: id` or `better: { reply: id, why }`). */
export function betterId(raw: RawReply['better']): string | undefined {
  return typeof raw === 'string' ? raw : raw?.reply;
}

function checkBetter(ctx: Ctx, nodeId: string, node: RawNode, reply: RawReply, replyPath: DataPath): void {
  const better = betterId(reply.better)!;
  const path = typeof reply.better === 'string' ? replyPath : [...replyPath, 'better'];
  const key = typeof reply.better === 'string' ? 'better' : 'reply';
  const ids = node.replies!.map((r) => r.id);
  if (better === reply.id) {
    add(ctx, 'CD205', ctx.map.rangeAt([...path, key]), `Reply \`${reply.id}\` names itself as the better reply.`, 'Name another reply on the same node.');
  } else if (!ids.includes(better)) {
    const others = ids.filter((id) => id !== reply.id);
    add(ctx, 'CD205', ctx.map.rangeAt([...path, key]), `Reply \`${reply.id}\` names \`${better}\` as the better reply, but node \`${nodeId}\` has no reply with that id.`, didYouMean(better, others) ?? (others.length > 0 ? `Replies on this node: ${others.map((id) => `\`${id}\``).join(', ')}.` : undefined));
  }
}

function checkCondition(ctx: Ctx, source: string, path: DataPath): void {
  const parsed = parseCondition(source);
  const declared = Object.keys(ctx.raw.variables ?? {});
  if (!parsed.ok) {
    ctx.unreadableCondition = true;
    add(ctx, 'CD213', conditionRange(ctx, path, parsed.error.offset, parsed.error.length), `The condition \`${source}\` cannot be read: ${parsed.error.message}`, 'Conditions look like `askedReceipt and offers < 2`.');
    return;
  }
  for (const name of conditionVariables(parsed.ast)) {
    ctx.usedInConditions.add(name);
    if (declared.includes(name)) continue;
    const offset = findWord(source, name);
    const meant = nearest(name, declared);
    if (meant !== undefined) ctx.usedInConditions.add(meant);
    add(ctx, 'CD214', conditionRange(ctx, path, offset, name.length), `The condition uses \`${name}\`, which is not declared under \`variables\`.`, meant !== undefined ? `Did you mean \`${meant}\`?` : `Declare it: \`variables: { ${name}: false }\`.`);
  }
}

function findWord(source: string, word: string): number {
  const match = new RegExp(`(?<![A-Za-z0-9_])${word}(?![A-Za-z0-9_])`).exec(source);
  return match?.index ?? 0;
}

/** Range of `length` characters at `offset` inside the condition text at `path`. */
function conditionRange(ctx: Ctx, path: DataPath, offset: number, length: number): Range {
  const start = ctx.map.textStart(path);
  if (start === undefined) return ctx.map.rangeAt(path);
  const end = ctx.map.valueEnd(path) ?? start + offset + length;
  const from = Math.min(start + offset, end);
  return ctx.map.rangeOf(from, Math.min(from + length, end));
}

function checkEffects(ctx: Ctx, reply: RawReply, path: DataPath): void {
  const variables = ctx.raw.variables ?? {};
  const declared = Object.keys(variables);
  const effects: ['set' | 'add', Record<string, number | boolean>][] = [
    ['set', reply.set ?? {}],
    ['add', reply.add ?? {}],
  ];
  for (const [kind, values] of effects) {
    for (const [name, value] of Object.entries(values)) {
      const keyRange = ctx.map.keyAt([...path, kind, name]);
      if (!Object.hasOwn(variables, name)) {
        add(ctx, 'CD214', keyRange, `Reply \`${reply.id}\` changes \`${name}\`, which is not declared under \`variables\`.`, didYouMean(name, declared) ?? `Declare it with its starting value: \`variables: { ${name}: ${typeof value === 'boolean' ? 'false' : '0'} }\`.`);
        continue;
      }
      const declaredType = typeof variables[name];
      if (kind === 'add' && declaredType === 'boolean') {
        add(ctx, 'CD215', keyRange, `Reply \`${reply.id}\` adds to \`${name}\`, but \`${name}\` is true/false, not a number.`, `Use \`set: { ${name}: true }\` instead.`);
      } else if (kind === 'set' && typeof value !== declaredType) {
        add(ctx, 'CD215', ctx.map.rangeAt([...path, kind, name]), `Reply \`${reply.id}\` sets \`${name}\` to ${String(value)}, but \`${name}\` is declared as ${declaredType === 'boolean' ? 'true/false' : 'a number'}.`, 'Use the same kind of value as in `variables`.');
      }
    }
  }
}

function checkSilence(ctx: Ctx, id: string, node: RawNode): void {
  const silence = node.silence;
  if (!silence) return;
  const path = ['nodes', id, 'silence'];
  if (silence.next !== undefined) checkLink(ctx, silence.next, [...path, 'next'], `The silence rule of node \`${id}\``);
  if (node.branches || node.end !== undefined) {
    const why = node.end !== undefined ? 'is an ending' : 'moves on by itself through `branches`';
    add(ctx, 'CD217', ctx.map.keyAt(path), `Node \`${id}\` ${why}, so its silence rule never applies.`, 'Move the rule to a node where the trainee chooses a reply.');
  }
  (silence.tags ?? []).forEach((tag, index) => {
    if (tag === 'insult' || tag === 'tyranny') {
      add(ctx, 'CD218', ctx.map.rangeAt([...path, 'tags', index]), `The silence rule of node \`${id}\` is tagged \`${tag}\`, but saying nothing cannot be ${tag === 'insult' ? 'an insult' : 'raising your voice'}.`, 'Use `indifference` (ignoring the customer) or `arrogance` (keeping them waiting).');
    }
  });
}

function checkNodeQuality(ctx: Ctx, id: string, node: RawNode): void {
  const path = ['nodes', id];
  if (node.replies && !node.silence && node.replies.every((reply) => reply.when !== undefined)) {
    add(ctx, 'CD302', ctx.map.keyAt([...path, 'replies']), `Every reply on node \`${id}\` has a condition and there is no silence rule: if none holds, the trainee has nothing to choose.`, 'Leave one reply without `when:`, or add a `silence:` rule.');
  }
  const punished = node.silence && ((node.silence.tags ?? []).some(isTrustRuiner) || (node.silence.mood ?? 0) > 0);
  if (node.venting && node.replies && punished) {
    add(ctx, 'CD303', ctx.map.keyAt([...path, 'silence']), `The customer is venting on node \`${id}\`, but its silence rule punishes the trainee for letting them finish.`, 'Remove the rule (the first silence while venting then counts as patience), or tag it [listening] with a mood that calms.');
  }
}

function checkReplyQuality(ctx: Ctx, nodeId: string, reply: RawReply, path: DataPath): void {
  const tags = reply.tags ?? [];
  if (reply.feedback === undefined) {
    add(ctx, 'CD301', ctx.map.rangeAt([...path, 'id']), `Reply \`${reply.id}\` on node \`${nodeId}\` has no feedback for the debrief.`, 'Add `feedback:` saying why this reply helps or hurts.');
  }
  const bad = tags.filter((tag) => isTrustRuiner(tag) || tag === 'insult');
  const good = tags.filter((tag) => isGoodTag(tag));
  if (bad.length > 0 && reply.better === undefined) {
    add(ctx, 'CD305', ctx.map.keyAt([...path, 'tags']), `Reply \`${reply.id}\` is tagged \`${bad[0]}\` but names no \`better\` reply for the debrief.`, 'Add `better: <id of a better reply on this node>`.');
  }
  if (bad.length > 0 && good.length > 0) {
    add(ctx, 'CD306', ctx.map.rangeAt([...path, 'tags']), `Reply \`${reply.id}\` is tagged both \`${good[0]}\` (good) and \`${bad[0]}\` (trust-ruining).`, 'Keep the tag that describes the reply best.');
  }
}

/** A reply with good tags only, on a venting node, that the engine will score as rushing (no empathy, no listening). */
function checkVentingReply(ctx: Ctx, nodeId: string, reply: RawReply, path: DataPath): void {
  const tags = reply.tags ?? [];
  const good = tags.filter((tag) => isGoodTag(tag));
  if (good.length === 0 || tags.some((tag) => isTrustRuiner(tag) || tag === 'insult')) return;
  if (tags.includes('empathy') || tags.includes('listening')) return;
  add(ctx, 'CD309', ctx.map.rangeAt([...path, 'tags']), `Reply \`${reply.id}\` on venting node \`${nodeId}\` is tagged ${good.map((t) => `\`${t}\``).join(', ')} but neither \`empathy\` nor \`listening\`: it will be scored as rushing (impatience).`, 'If the reply acknowledges how the customer feels, add `empathy` (or `listening`); otherwise it does rush them, and this warning says so.');
}

function checkGraph(ctx: Ctx): void {
  if (!hasNode(ctx, ctx.raw.start)) return;
  const graph = linkGraph(ctx.raw.nodes, ctx.meant, interruptionTarget(ctx.raw.interrupted));
  const reachable = reachableFrom(graph, ctx.raw.start);
  for (const id of ctx.nodeIds) {
    if (!reachable.has(id)) {
      add(ctx, 'CD206', ctx.map.keyAt(['nodes', id]), `Node \`${id}\` cannot be reached from the start, so no trainee will see it.`, 'Link to it from a reply, branch or silence rule, or delete it.');
    }
  }
  const endings = ctx.nodeIds.filter((id) => ctx.raw.nodes[id]!.end !== undefined);
  const canEnd = nodesThatReachAnEnding(graph, endings);
  if (![...reachable].some((id) => endings.includes(id))) {
    add(ctx, 'CD212', ctx.map.rangeAt(['start']), 'No path from the start reaches an ending.', 'Add a node with `end:` and link to it.');
    return;
  }
  for (const group of stronglyConnected(graph, ctx.nodeIds)) {
    const looping = group.length > 1 || graph.get(group[0]!)?.includes(group[0]!) === true;
    if (!looping || !reachable.has(group[0]!) || group.some((id) => canEnd.has(id))) continue;
    const names = group.map((id) => `\`${id}\``).join(', ');
    add(ctx, 'CD211', ctx.map.keyAt(['nodes', group[0]!]), `Nodes ${names} only lead to each other: once there, the conversation can never end.`, 'Give one of them a reply or branch that leads towards an ending.');
  }
  for (const loop of branchLoops(ctx.raw.nodes, reachable)) {
    add(ctx, 'CD219', ctx.map.keyAt(['nodes', loop[0]!]), branchLoopMessage(loop), 'Give one of the branches a way out: to a node with replies, or to an ending.');
  }
}

function checkUnusedVariables(ctx: Ctx): void {
  if (ctx.unreadableCondition) return;
  for (const name of Object.keys(ctx.raw.variables ?? {})) {
    if (!ctx.usedInConditions.has(name)) {
      add(ctx, 'CD307', ctx.map.keyAt(['variables', name]), `The variable \`${name}\` is never tested by a condition.`, 'Use it in a `when:`, or remove it.');
    }
  }
}
