/**
 * The session record a trainer keeps: a JSON file (the figures, the transcript and the votes, to be
 * read by a program later) and a printable one-page HTML sheet (the words, to file or hand out).
 * Every piece of text in the HTML is escaped, so scenario text can never inject markup.
 *
 * @example
 * download('session.json', sessionJson(summary, session, transcript));
 * download('session.html', sessionHtml(presentRoomExport(summary, t)));
 */
import type { Transcript } from '../conversation/transcript.ts';
import { ROOM_VERSION, type RoomSession } from './session.ts';
import type { RoomSummary } from './summary.ts';

/** `format` field of the JSON export; readers check it before anything else. */
export const SESSION_EXPORT_FORMAT = 'calm-desk-room-session';

/** The JSON export: figures, votes, step-backs and the transcript; no actor internals. */
export function sessionJson(summary: RoomSummary, session: RoomSession, transcript: Transcript): string {
  const record = {
    format: SESSION_EXPORT_FORMAT,
    version: ROOM_VERSION,
    exportedFrom: 'Calm Desk classroom mode',
    session: {
      id: session.id,
      file: session.file,
      scenarioId: session.scenarioId,
      title: session.title,
      startedAt: new Date(session.createdAt).toISOString(),
      lastChangeAt: new Date(session.updatedAt).toISOString(),
    },
    summary: {
      ended: summary.ended,
      outcome: summary.outcome,
      overall: summary.score?.overall ?? null,
      verdict: summary.score?.verdict ?? null,
      satisfaction: summary.score?.satisfaction ?? null,
      bestScore: summary.bestScore,
      trustRuiners: summary.trustRuiners,
      classPath: summary.classPath,
      bestPath: summary.bestPath,
      votes: summary.votes,
      stepBacks: session.stepBacks,
      supersededVotes: session.votes.filter((v) => v.superseded),
    },
    transcript,
  };
  return `${JSON.stringify(record, null, 2)}\n`;
}

/** The printable sheet, already in the trainer's language (see `presentRoomExport`). */
export interface ExportDocument {
  lang: string;
  title: string;
  subtitle: string;
  /** Label/value lines under the title: date, length, score, outcome. */
  facts: Array<{ label: string; value: string }>;
  sections: ExportSection[];
}

export interface ExportSection {
  heading: string;
  /** A table (first row is the header) or a list of paragraphs. */
  table?: string[][];
  paragraphs?: string[];
}

/** Escape text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

const STYLE = `
@page { size: A4; margin: 14mm; }
* { box-sizing: border-box; }
body { font-family: "Atkinson Hyperlegible", Arial, sans-serif; color: #10222a; background: #fff; margin: 0 auto; max-width: 190mm; font-size: 10pt; line-height: 1.35; }
h1 { font-size: 16pt; margin: 0 0 2pt; }
h2 { font-size: 11.5pt; margin: 10pt 0 3pt; border-bottom: 1px solid #5a6f77; }
.sub { margin: 0 0 6pt; color: #2f454d; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 1pt 10pt; margin: 0; }
dt { font-weight: 700; }
dd { margin: 0; }
table { width: 100%; border-collapse: collapse; }
th, td { text-align: left; vertical-align: top; padding: 2pt 4pt; border-bottom: 1px solid #c9d3d6; }
th { font-weight: 700; }
p { margin: 2pt 0; }
`;

/** A one-page HTML document for printing; every text escaped. */
export function sessionHtml(doc: ExportDocument): string {
  const e = escapeHtml;
  const facts = doc.facts.map((f) => `<dt>${e(f.label)}</dt><dd>${e(f.value)}</dd>`).join('');
  const sections = doc.sections
    .map((s) => {
      let body = '';
      if (s.table && s.table.length > 0) {
        const [head, ...rows] = s.table;
        body += `<table><thead><tr>${(head ?? []).map((c) => `<th scope="col">${e(c)}</th>`).join('')}</tr></thead><tbody>`;
        body += rows.map((r) => `<tr>${r.map((c) => `<td>${e(c)}</td>`).join('')}</tr>`).join('');
        body += '</tbody></table>';
      }
      for (const p of s.paragraphs ?? []) body += `<p>${e(p)}</p>`;
      return `<section><h2>${e(s.heading)}</h2>${body}</section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="${e(doc.lang)}">
<head><meta charset="utf-8"><title>${e(doc.title)}</title><style>${STYLE}</style></head>
<body>
<main>
<h1>${e(doc.title)}</h1>
<p class="sub">${e(doc.subtitle)}</p>
<dl>${facts}</dl>
${sections}
</main>
</body>
</html>
`;
}

/** A file name for the export, e.g. `calm-desk-session-kettle-2026-11-26.json`. */
export function exportFileName(summary: Pick<RoomSummary, 'scenarioId' | 'startedAt'>, extension: 'json' | 'html'): string {
  const day = new Date(summary.startedAt).toISOString().slice(0, 10);
  const id = summary.scenarioId.replace(/[^a-z0-9-]+/gi, '-').slice(0, 60) || 'scenario';
  return `calm-desk-session-${id}-${day}.${extension}`;
}
