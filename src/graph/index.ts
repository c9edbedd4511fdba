/** The scenario map: layout (dagre), path traces and the self-contained HTML page. Pure: no DOM. */
export { scenarioMapHtml, type MapPageOptions } from './mapPage.ts';
export { layoutScenario, moodsByNode, type MapLayout, type MapNode, type MapEdge, type MapWords } from './layout.ts';
export { mapPageHtml, mapWords, escapeHtml, scriptJson, type MapPaths } from './graphHtml.ts';
export { traceTranscript, traceSteps, type PathTrace, type TraceMove } from './trace.ts';
