/**
 * The scenario map as one self-contained HTML page: an SVG drawn from `layoutScenario`, a
 * legend, and a side panel that shows a node's lines, replies and notes when the node is clicked
 * (or focused and Enter pressed). No network: every style and script is inline. All scenario
 * text is escaped (it is untrusted); the panel is filled with `textContent` from JSON data.
 */
import type { Scenario, ScenarioNode, CustomerLine } from '../scenario/model.ts';
import type { Translate, MessageKey } from '../i18n/index.ts';
import { MOOD_BANDS } from '../presenter/conversationMood.ts';
import { OUTCOMES, type Outcome } from '../scenario/vocabulary.ts';
import type { MapEdge, MapLayout, MapNode, MapWords } from './layout.ts';
import type { PathTrace } from './trace.ts';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** JSON that is safe inside a `<script>` element (no `</script>`, no `<!--`, no line separators). */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export type PathName = 'best' | 'worst' | 'taken';

export interface MapPaths {
  best?: { trace: PathTrace; score: number } | null;
  worst?: { trace: PathTrace; score: number } | null;
  taken?: { trace: PathTrace } | null;
  /** Set when the analysis stopped at its budget: the best and worst paths are the ones found in the states explored. */
  limited?: { states: number };
}

/** Colour-blind-safe (Okabe–Ito) mood colours: border, and a light fill dark text stays readable on. */
export const MOOD_STYLE = {
  calm: { stroke: '#0072B2', fill: '#d6eaf8' },
  uneasy: { stroke: '#8a7e00', fill: '#faf4c0' },
  upset: { stroke: '#E69F00', fill: '#fde3b3' },
  furious: { stroke: '#D55E00', fill: '#f8cdb0' },
  none: { stroke: '#6b6b6b', fill: '#eeeeee' },
} as const;

const OUTCOME_STROKE: Record<Outcome, string> = {
  resolved: '#009E73',
  escalated: '#56B4E9',
  unresolved: '#6b6b6b',
  'walked-out': '#D55E00',
};

const PATH_STYLE: Record<PathName, { colour: string; width: number; dash: string }> = {
  best: { colour: '#009E73', width: 14, dash: '' },
  worst: { colour: '#CC79A7', width: 9, dash: '10 6' },
  taken: { colour: '#0072B2', width: 5, dash: '' },
};

const RUINER = '#c1121f';

/** The words the layout puts in boxes and on arrows, in the page's language. */
export function mapWords(t: Translate): MapWords {
  return {
    mood: (m) => {
      const band = t(`graph.band_${m.band}` as MessageKey);
      return m.min === m.max ? t('graph.moodOne', { value: m.min, band }) : t('graph.moodRange', { min: m.min, max: m.max, band });
    },
    ending: (outcome, stars) => t('graph.ending', { outcome: t(`graph.outcome_${outcome}` as MessageKey), stars }),
    branch: () => t('graph.branchNode'),
    silence: (seconds) => t('graph.silence', { seconds }),
    interrupted: () => t('graph.interrupted'),
    otherwise: () => t('graph.otherwise'),
    when: (condition) => t('graph.when', { condition }),
  };
}

function pathOf(points: readonly { x: number; y: number }[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)} ${p.y.toFixed(1)}`).join(' ');
}

function edgeOnPath(edge: MapEdge, trace: PathTrace | undefined): boolean {
  if (!trace) return false;
  return trace.moves.some((move) => {
    if (move.from !== edge.from || move.to !== edge.to) return false;
    if (move.kind === 'branch') return edge.kind === 'branch';
    if (move.kind === 'silence') return edge.kind === 'silence';
    if (move.kind === 'interrupt') return edge.kind === 'interrupt' || (edge.kind === 'reply' && edge.replyId === move.replyId);
    return edge.kind === 'reply' && edge.replyId === move.replyId;
  });
}

function pathsOf(paths: MapPaths): [PathName, PathTrace][] {
  const out: [PathName, PathTrace][] = [];
  if (paths.best) out.push(['best', paths.best.trace]);
  if (paths.worst) out.push(['worst', paths.worst.trace]);
  if (paths.taken) out.push(['taken', paths.taken.trace]);
  return out;
}

function svgText(x: number, y: number, text: string, attrs = ''): string {
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}"${attrs ? ` ${attrs}` : ''}>${escapeHtml(text)}</text>`;
}

function edgeSvg(edge: MapEdge, paths: [PathName, PathTrace][]): string {
  const d = pathOf(edge.points);
  const under = paths
    .filter(([, trace]) => edgeOnPath(edge, trace))
    .map(([name]) => {
      const s = PATH_STYLE[name];
      return `<path class="path-${name}" d="${d}" stroke="${s.colour}" stroke-width="${s.width}"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''} fill="none" stroke-opacity="0.55" stroke-linecap="round" stroke-linejoin="round"/>`;
    })
    .join('');
  const colour = edge.ruiner ? RUINER : '#555555';
  const dash = edge.kind === 'silence' || edge.kind === 'interrupt' ? ' stroke-dasharray="7 5"' : edge.kind === 'branch' ? ' stroke-dasharray="2 4"' : '';
  const marker = edge.ruiner ? 'arrow-ruiner' : 'arrow';
  const label = `${edge.ruiner ? '⚠ ' : ''}${edge.label}`;
  const w = edge.labelWidth + (edge.ruiner ? 14 : 0);
  const { x, y } = edge.labelAt;
  return (
    `<g class="edge edge-${edge.kind}${edge.ruiner ? ' ruiner' : ''}" data-edge="${escapeHtml(edge.key)}" data-from="${escapeHtml(edge.from)}" data-to="${escapeHtml(edge.to)}">` +
    under +
    `<path d="${d}" stroke="${colour}" stroke-width="${edge.ruiner ? 2.2 : 1.5}"${dash} fill="none" marker-end="url(#${marker})"/>` +
    `<rect x="${(x - w / 2).toFixed(1)}" y="${(y - 9).toFixed(1)}" width="${w.toFixed(1)}" height="18" rx="4" class="label-bg${edge.ruiner ? ' ruiner' : ''}"/>` +
    svgText(x, y + 4, label, `text-anchor="middle" class="edge-label${edge.ruiner ? ' ruiner' : ''}"`) +
    `</g>`
  );
}

function nodeSvg(node: MapNode, scenario: Scenario, paths: [PathName, PathTrace][], t: Translate): string {
  const band = node.mood?.band ?? 'none';
  const style = MOOD_STYLE[band];
  const left = node.x - node.width / 2;
  const top = node.y - node.height / 2;
  const on = paths.filter(([, trace]) => trace.nodes.includes(node.id)).map(([name]) => name);
  const isEnd = node.kind === 'ending';
  const outline = isEnd && node.outcome ? OUTCOME_STROKE[node.outcome] : style.stroke;
  const moodText = node.mood ? mapWords(t).mood(node.mood) : t(node.kind === 'branch' ? 'graph.band_none' : 'graph.moodUnknown');
  const aria = t('graph.nodeAria', { id: node.id, kind: t(`graph.kind_${node.kind}` as MessageKey), mood: moodText });
  const parts = [
    `<g class="node node-${node.kind}${node.id === scenario.start ? ' start' : ''}${on.map((p) => ` on-${p}`).join('')}" data-node="${escapeHtml(node.id)}" tabindex="0" role="button" aria-label="${escapeHtml(aria)}">`,
    `<rect class="box" x="${left.toFixed(1)}" y="${top.toFixed(1)}" width="${node.width}" height="${node.height}" rx="${isEnd ? 18 : 6}" fill="${style.fill}" stroke="${outline}" stroke-width="${isEnd ? 4 : 2.5}"/>`,
    `<rect x="${left.toFixed(1)}" y="${top.toFixed(1)}" width="8" height="${node.height}" fill="${style.stroke}" rx="3"/>`,
    svgText(left + 16, top + 20, node.id === scenario.start ? `${node.id} · ${t('graph.start')}` : node.id, 'class="node-id"'),
    ...node.lines.map((line, i) => svgText(left + 16, top + 20 + 16 * (i + 1), line, `class="node-line${i < node.quoteLines ? '' : ' node-meta'}"`)),
  ];
  on.forEach((name, i) => {
    const label = t(`graph.badge${name[0]!.toUpperCase()}${name.slice(1)}` as MessageKey);
    const bx = left + node.width - 8 - (i + 1) * 70 + 4;
    parts.push(`<rect x="${bx.toFixed(1)}" y="${(top - 10).toFixed(1)}" width="66" height="18" rx="9" fill="${PATH_STYLE[name].colour}"/>`);
    parts.push(svgText(bx + 33, top + 3, label, 'text-anchor="middle" class="badge"'));
  });
  parts.push('</g>');
  return parts.join('');
}

function lineData(line: CustomerLine): { expression: string; text: string; action?: string } {
  const out: { expression: string; text: string; action?: string } = { expression: line.expression, text: line.text };
  if (line.action) out.action = line.action;
  return out;
}

/** What the side panel shows for one node, as plain data (the page script fills the panel with it). */
export function nodeDetails(node: ScenarioNode) {
  return {
    says: node.says.map(lineData),
    replies: node.replies.map((r) => ({
      id: r.id,
      say: r.say,
      action: r.action ?? null,
      tags: r.tags,
      mood: r.mood,
      next: r.next,
      when: r.when?.source ?? null,
      feedback: r.feedback ?? null,
      better: r.better ?? null,
      betterWhy: r.betterWhy ?? null,
      preferred: r.preferred,
    })),
    branches: node.branches.map((b) => ({ when: b.when?.source ?? null, next: b.next })),
    silence: node.silence
      ? { after: node.silence.after, tags: node.silence.tags, mood: node.silence.mood, next: node.silence.next ?? null, say: node.silence.say?.text ?? null, feedback: node.silence.feedback ?? null }
      : null,
    interrupted: node.interrupted ? { says: node.interrupted.says.map(lineData), mood: node.interrupted.mood, next: node.interrupted.next ?? null, feedback: node.interrupted.feedback ?? null } : null,
    facilitator: node.facilitator ?? null,
    end: node.end ? { outcome: node.end.outcome, satisfaction: node.end.satisfaction, comment: node.end.comment } : null,
  };
}

function legendItem(swatch: string, text: string): string {
  return `<li>${swatch}<span>${escapeHtml(text)}</span></li>`;
}

function legend(paths: MapPaths, t: Translate): string {
  const box = (fill: string, stroke: string, rx = 3) => `<svg width="26" height="16" aria-hidden="true"><rect x="1" y="1" width="24" height="14" rx="${rx}" fill="${fill}" stroke="${stroke}" stroke-width="2"/></svg>`;
  const line = (colour: string, dash = '', width = 2) => `<svg width="34" height="16" aria-hidden="true"><line x1="1" y1="8" x2="33" y2="8" stroke="${colour}" stroke-width="${width}"${dash ? ` stroke-dasharray="${dash}"` : ''}/></svg>`;
  const moods = [...MOOD_BANDS, 'none' as const].map((band) => legendItem(box(MOOD_STYLE[band].fill, MOOD_STYLE[band].stroke), t(`graph.band_${band}` as MessageKey)));
  const endings = OUTCOMES.map((o) => legendItem(box('#ffffff', OUTCOME_STROKE[o], 7), t(`graph.outcome_${o}` as MessageKey)));
  const arrows = [
    legendItem(line('#555555'), t('graph.edgeReply')),
    legendItem(line(RUINER, '', 2.5), t('graph.edgeRuiner')),
    legendItem(line('#555555', '7 5'), t('graph.edgeSilence')),
    legendItem(line('#555555', '2 4'), t('graph.edgeBranch')),
  ];
  const pathItems: string[] = [];
  const found = paths.limited !== undefined;
  if (paths.best) pathItems.push(legendItem(line(PATH_STYLE.best.colour, '', 8), t(found ? 'graph.pathBestFound' : 'graph.pathBest', { score: paths.best.score })));
  if (paths.worst) pathItems.push(legendItem(line(PATH_STYLE.worst.colour, PATH_STYLE.worst.dash, 6), t(found ? 'graph.pathWorstFound' : 'graph.pathWorst', { score: paths.worst.score })));
  if (paths.limited) pathItems.push(`<li class="legend-note">${escapeHtml(t('graph.pathsLimited', { states: paths.limited.states }))}</li>`);
  if (paths.taken) pathItems.push(legendItem(line(PATH_STYLE.taken.colour, '', 5), t('graph.pathTaken')));
  const group = (title: string, items: string[]) => (items.length ? `<div class="legend-group"><h2>${escapeHtml(title)}</h2><ul>${items.join('')}</ul></div>` : '');
  return `<section class="legend" aria-label="${escapeHtml(t('graph.legendMood'))}">${group(t('graph.legendMood'), moods)}${group(t('graph.legendEndings'), endings)}${group(t('graph.legendEdges'), arrows)}${group(t('graph.legendPaths'), pathItems)}</section>`;
}

export interface MapPageInput {
  scenario: Scenario;
  layout: MapLayout;
  paths: MapPaths;
  t: Translate;
  language: string;
}

/** The whole page. */
export function mapPageHtml({ scenario, layout, paths, t, language }: MapPageInput): string {
  const traces = pathsOf(paths);
  const nodeData = Object.fromEntries(
    scenario.nodeOrder.map((id) => {
      const mapNode = layout.nodes.find((n) => n.id === id);
      return [id, { ...nodeDetails(scenario.nodes[id]!), kind: mapNode?.kind ?? 'decision', mood: mapNode?.mood ?? null, paths: traces.filter(([, tr]) => tr.nodes.includes(id)).map(([name]) => name) }];
    }),
  );
  const words = {
    says: t('graph.says'),
    replies: t('graph.replies'),
    branches: t('graph.branches'),
    silence: t('graph.silenceRule'),
    interruption: t('graph.interruption'),
    facilitator: t('graph.facilitator'),
    ending: t('graph.endingHeading'),
    comment: t('graph.comment'),
    feedback: t('graph.feedback'),
    better: t('graph.better', { reply: '{reply}' }),
    preferred: t('graph.preferred'),
    goesTo: t('graph.goesTo', { node: '{node}' }),
    moodChange: t('graph.moodChange', { change: '{change}' }),
    stays: t('graph.stays'),
    onPaths: t('graph.onPaths', { paths: '{paths}' }),
    noTags: t('graph.noTags'),
    when: t('graph.when', { condition: '{condition}' }),
    otherwise: t('graph.otherwise'),
    outcomes: Object.fromEntries(OUTCOMES.map((o) => [o, t(`graph.outcome_${o}` as MessageKey)])),
    kinds: Object.fromEntries(['decision', 'branch', 'ending', 'wait'].map((k) => [k, t(`graph.kind_${k}` as MessageKey)])),
    paths: { best: t('graph.badgeBest'), worst: t('graph.badgeWorst'), taken: t('graph.badgeTaken') },
    mood: layout.nodes.map((n) => [n.id, n.mood ? mapWords(t).mood(n.mood) : t(n.kind === 'branch' ? 'graph.band_none' : 'graph.moodUnknown')]),
  };
  const svg =
    `<svg id="map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${layout.width} ${layout.height + 12}" width="${layout.width}" height="${layout.height + 12}" role="group" aria-label="${escapeHtml(t('graph.mapLabel'))}">` +
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="#555555"/></marker>` +
    `<marker id="arrow-ruiner" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="${RUINER}"/></marker></defs>` +
    `<g transform="translate(0 8)">` +
    layout.edges.map((e) => edgeSvg(e, traces)).join('') +
    layout.nodes.map((n) => nodeSvg(n, scenario, traces, t)).join('') +
    `</g></svg>`;
  const title = t('graph.pageTitle', { title: scenario.title });
  return `<!doctype html>
<html lang="${escapeHtml(language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(title)}</title>
<style>${PAGE_CSS}</style>
</head>
<body>
<header>
<h1>${escapeHtml(t('graph.heading'))}: <span class="title">${escapeHtml(scenario.title)}</span> <code>${escapeHtml(scenario.id)}.${escapeHtml(scenario.language)}</code></h1>
<p class="intro">${escapeHtml(t('graph.intro'))}</p>
${legend(paths, t)}
</header>
<main>
<div class="viewport-wrap">
<div class="zoom" role="toolbar" aria-label="${escapeHtml(t('graph.zoomFit'))}">
<button type="button" data-zoom="in" aria-label="${escapeHtml(t('graph.zoomIn'))}" title="${escapeHtml(t('graph.zoomIn'))}">+</button>
<button type="button" data-zoom="out" aria-label="${escapeHtml(t('graph.zoomOut'))}" title="${escapeHtml(t('graph.zoomOut'))}">−</button>
<button type="button" data-zoom="fit">${escapeHtml(t('graph.zoomFit'))}</button>
<button type="button" data-zoom="actual">${escapeHtml(t('graph.zoomActual'))}</button>
</div>
<div class="viewport" id="viewport" tabindex="-1">${svg}</div>
</div>
<aside id="panel" aria-label="${escapeHtml(t('graph.panelLabel'))}" aria-live="polite" tabindex="-1"><p class="empty">${escapeHtml(t('graph.panelEmpty'))}</p></aside>
</main>
<script type="application/json" id="map-data">${scriptJson({ nodes: nodeData, words })}</script>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}

const PAGE_CSS = `
*{box-sizing:border-box}
html,body{margin:0;height:100%}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#f7f7f4;display:flex;flex-direction:column}
header{padding:8px 16px 4px;border-bottom:1px solid #d0d0c8;background:#fff}
h1{font-size:18px;margin:0}
h1 code{font-size:13px;color:#555;font-weight:normal}
.intro{margin:2px 0 4px;color:#444;font-size:13px}
.legend{display:flex;flex-wrap:wrap;gap:4px 22px;font-size:12px}
.legend h2{font-size:12px;margin:0;color:#333}
.legend ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:2px 10px}
.legend li{display:flex;align-items:center;gap:4px}
.legend li.legend-note{flex-basis:100%;color:#333}
main{flex:1;display:flex;min-height:0}
.viewport-wrap{flex:1;position:relative;min-width:0;display:flex;flex-direction:column}
.zoom{display:flex;gap:6px;padding:6px 8px;background:#f0f0ea;border-bottom:1px solid #d0d0c8}
.zoom button,.panel-close{font:inherit;font-size:13px;padding:3px 10px;border:1px solid #888;border-radius:6px;background:#fff;cursor:pointer}
.zoom button:focus-visible,.node:focus-visible{outline:3px solid #1a1a1a;outline-offset:2px}
.viewport{flex:1;overflow:auto;cursor:grab;background:#fbfbf8}
.viewport.dragging{cursor:grabbing}
svg#map{display:block}
.node{cursor:pointer}
.node:focus{outline:none}
.node:focus .box,.node.selected .box{stroke:#1a1a1a;stroke-width:4}
.node:hover .box{filter:brightness(0.97)}
.node-id{font-weight:700;font-size:14px;fill:#1a1a1a}
.node-line{font-size:12.5px;fill:#222}
.node-meta{fill:#333;font-style:italic}
.badge{font-size:11px;font-weight:700;fill:#fff}
.edge-label{font-size:12px;fill:#333}
.edge-label.ruiner{fill:${RUINER};font-weight:700}
.label-bg{fill:#fff;stroke:#c8c8c0;stroke-width:1}
.label-bg.ruiner{stroke:${RUINER}}
aside{width:380px;flex:none;overflow:auto;border-left:1px solid #d0d0c8;background:#fff;padding:10px 16px}
aside h2{font-size:18px;margin:4px 0}
aside h3{font-size:14px;margin:12px 0 4px;color:#333}
aside ul,aside ol{margin:0;padding-left:20px}
aside li{margin:4px 0}
aside .meta{color:#444;font-size:13px}
aside .tags{font-size:12.5px;color:#333}
aside .ruiner{color:${RUINER};font-weight:600}
aside .empty{color:#555}
@media (max-width:900px){main{flex-direction:column}aside{width:auto;max-height:40vh;border-left:0;border-top:1px solid #d0d0c8}}
`;

/** The page's own script: runs in the page, never in the game. Fills the panel with textContent only. */
const PAGE_SCRIPT = `(function(){
'use strict';
var data=JSON.parse(document.getElementById('map-data').textContent);
var W=data.words, panel=document.getElementById('panel'), svg=document.getElementById('map'), vp=document.getElementById('viewport');
var RUINERS=['indifference','impatience','judging','arrogance','tyranny','insult'];
function el(tag,text,cls){var e=document.createElement(tag);if(text!=null)e.textContent=text;if(cls)e.className=cls;return e;}
function fill(s,k,v){return s.split('{'+k+'}').join(v);}
function tagLine(tags){var p=el('p',null,'tags');if(!tags.length){p.textContent=W.noTags;return p;}tags.forEach(function(t,i){if(i)p.appendChild(document.createTextNode(', '));var bad=RUINERS.indexOf(t)>=0;p.appendChild(el('span',(bad?'⚠ ':'')+t,bad?'ruiner':null));});return p;}
function signed(n){return (n>0?'+':'')+n;}
function show(id){
  var n=data.nodes[id]; if(!n)return;
  Array.prototype.forEach.call(svg.querySelectorAll('.node.selected'),function(g){g.classList.remove('selected');});
  var g=svg.querySelector('.node[data-node="'+CSS.escape(id)+'"]'); if(g)g.classList.add('selected');
  panel.textContent='';
  panel.appendChild(el('h2',id));
  var moodLine=(W.mood.filter(function(m){return m[0]===id;})[0]||['',''])[1];
  panel.appendChild(el('p',W.kinds[n.kind]+(moodLine?' · '+moodLine:''),'meta'));
  if(n.paths.length)panel.appendChild(el('p',fill(W.onPaths,'paths',n.paths.map(function(p){return W.paths[p];}).join(', ')),'meta'));
  panel.appendChild(el('h3',W.says));
  var says=el('ol');n.says.forEach(function(l){var li=el('li','['+l.expression+'] '+l.text);if(l.action)li.appendChild(el('div','('+l.action+')','meta'));says.appendChild(li);});panel.appendChild(says);
  if(n.replies.length){panel.appendChild(el('h3',W.replies));var ol=el('ol');n.replies.forEach(function(r){
    var li=el('li');li.appendChild(el('strong',r.id+(r.preferred?' · '+W.preferred:'')));li.appendChild(el('div','“'+r.say+'”'));
    if(r.action)li.appendChild(el('div','('+r.action+')','meta'));
    li.appendChild(tagLine(r.tags));
    var meta=[fill(W.goesTo,'node',r.next)];if(r.mood)meta.push(fill(W.moodChange,'change',signed(r.mood)));if(r.when)meta.push(fill(W.when,'condition',r.when));
    li.appendChild(el('div',meta.join(' · '),'meta'));
    if(r.feedback)li.appendChild(el('div',W.feedback+': '+r.feedback));
    if(r.better)li.appendChild(el('div',fill(W.better,'reply',r.better)+(r.betterWhy?' ('+r.betterWhy+')':''),'meta'));
    ol.appendChild(li);});panel.appendChild(ol);}
  if(n.branches.length){panel.appendChild(el('h3',W.branches));var ul=el('ul');n.branches.forEach(function(b){ul.appendChild(el('li',(b.when?fill(W.when,'condition',b.when):W.otherwise)+' → '+b.next));});panel.appendChild(ul);}
  if(n.silence){panel.appendChild(el('h3',W.silence));var s=n.silence;var p=el('p',s.after+' s · '+(s.next?fill(W.goesTo,'node',s.next):W.stays)+(s.mood?' · '+fill(W.moodChange,'change',signed(s.mood)):''),'meta');panel.appendChild(p);if(s.tags.length)panel.appendChild(tagLine(s.tags));if(s.say)panel.appendChild(el('p','“'+s.say+'”'));if(s.feedback)panel.appendChild(el('p',W.feedback+': '+s.feedback));}
  if(n.interrupted){panel.appendChild(el('h3',W.interruption));var it=n.interrupted;it.says.forEach(function(l){panel.appendChild(el('p','['+l.expression+'] '+l.text));});panel.appendChild(el('p',fill(W.moodChange,'change',signed(it.mood))+(it.next?' · '+fill(W.goesTo,'node',it.next):''),'meta'));if(it.feedback)panel.appendChild(el('p',W.feedback+': '+it.feedback));}
  if(n.end){panel.appendChild(el('h3',W.ending));panel.appendChild(el('p',W.outcomes[n.end.outcome]+' · '+n.end.satisfaction+'/5'));panel.appendChild(el('p',W.comment+': “'+n.end.comment+'”'));}
  if(n.facilitator){panel.appendChild(el('h3',W.facilitator));panel.appendChild(el('p',n.facilitator));}
  panel.scrollTop=0;
}
Array.prototype.forEach.call(svg.querySelectorAll('.node'),function(g){
  var id=g.getAttribute('data-node');
  g.addEventListener('click',function(){show(id);});
  g.addEventListener('keydown',function(e){if(e.key==='Enter'||e.key===' '){e.preventDefault();show(id);}});
});
var baseW=+svg.getAttribute('width'), baseH=+svg.getAttribute('height'), scale=1;
function zoom(s){scale=Math.max(0.2,Math.min(3,s));svg.setAttribute('width',String(baseW*scale));svg.setAttribute('height',String(baseH*scale));}
function fit(){zoom(Math.min(1,(vp.clientWidth-8)/baseW,(vp.clientHeight-8)/baseH));}
document.querySelector('.zoom').addEventListener('click',function(e){var b=e.target.closest('button');if(!b)return;var z=b.getAttribute('data-zoom');
  if(z==='in')zoom(scale*1.25);else if(z==='out')zoom(scale/1.25);else if(z==='fit')fit();else zoom(1);});
vp.addEventListener('wheel',function(e){if(!e.ctrlKey)return;e.preventDefault();zoom(scale*(e.deltaY<0?1.1:1/1.1));},{passive:false});
var drag=null;
vp.addEventListener('pointerdown',function(e){if(e.target.closest&&e.target.closest('.node'))return;drag={x:e.clientX,y:e.clientY,l:vp.scrollLeft,t:vp.scrollTop};vp.classList.add('dragging');});
window.addEventListener('pointermove',function(e){if(!drag)return;vp.scrollLeft=drag.l-(e.clientX-drag.x);vp.scrollTop=drag.t-(e.clientY-drag.y);});
window.addEventListener('pointerup',function(){drag=null;vp.classList.remove('dragging');});
var first=svg.querySelector('.node.start');
if(first){var r=first.getBBox();vp.scrollLeft=Math.max(0,r.x+r.width/2-vp.clientWidth/2);vp.scrollTop=0;}
})();`;
