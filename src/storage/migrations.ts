/**
 * Versions of the saved documents and how to read every version this game has ever written.
 * Each step upgrades one version to the next; reading an old save runs the chain.
 */
import { z } from 'zod';
import { attemptRecordSchema, recordV1Schema, recordV2Schema, type AttemptRecord, type AttemptRecordV1, type AttemptRecordV2 } from './records.ts';
import { defaultSettings, recordsSettingsSchema, settingsSchema, type Settings } from './settings.ts';

export const RESULTS_FORMAT = 'calm-desk/results';
export const SETTINGS_FORMAT = 'calm-desk/settings';
/** The version this build writes. */
export const CURRENT_VERSION = 3;

/** Version 1 record → version 2: split the date, rename the score, number the decisions. */
export function upgradeRecordV1(r: AttemptRecordV1): AttemptRecordV2 {
  return {
    id: r.id,
    scenarioId: r.scenarioId,
    language: r.language,
    title: r.scenarioId,
    startedAt: r.date,
    finishedAt: r.date,
    overall: r.score,
    autoFailed: r.autoFailed,
    outcome: r.outcome,
    satisfaction: null,
    virtues: null,
    ruiners: r.ruiners,
    decisions: r.decisions.map((d, index) => ({
      index,
      nodeId: d.nodeId,
      choiceId: d.choiceId,
      kind: d.choiceId === null ? 'silence' : 'reply',
      interrupted: d.interrupted,
      tags: d.tags,
    })),
  };
}

/** Version 2 record → version 3: the count of waits was not kept before (null: unknown). */
export function upgradeRecordV2(r: AttemptRecordV2): AttemptRecord {
  return { ...r, waits: null };
}

interface RecordStep {
  schema: z.ZodType;
  upgrade: (record: never) => unknown;
}

/** `RECORD_STEPS[v]` reads a version-v record and returns it as version v+1. */
const RECORD_STEPS: Record<number, RecordStep> = {
  1: { schema: recordV1Schema, upgrade: upgradeRecordV1 },
  2: { schema: recordV2Schema, upgrade: upgradeRecordV2 },
};

export type RecordReading = { ok: true; record: AttemptRecord } | { ok: false; problem: string };

/**
 * Reads one record written by `version` (1..current) and upgrades it to the current shape.
 * A record from a newer version is read with the current schema (unknown fields dropped).
 */
export function readRecord(raw: unknown, version: number, where: string): RecordReading {
  let value = raw;
  for (let v = Math.min(version, CURRENT_VERSION); v < CURRENT_VERSION; v++) {
    const step = RECORD_STEPS[v];
    if (!step) return { ok: false, problem: `${where}: no way to read version ${v}` };
    const parsed = step.schema.safeParse(value);
    if (!parsed.success) return { ok: false, problem: describeIssues(parsed.error, where) };
    value = step.upgrade(parsed.data as never);
  }
  const parsed = attemptRecordSchema.safeParse(value);
  return parsed.success ? { ok: true, record: parsed.data } : { ok: false, problem: describeIssues(parsed.error, where) };
}

/** `results[3].overall: Too big: expected number to be <=100` (first issue, plus a count of the rest). */
export function describeIssues(error: z.ZodError, where: string): string {
  const [first] = error.issues;
  if (!first) return `${where}: invalid`;
  const path = first.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem${error.issues.length > 2 ? 's' : ''})` : '';
  return `${where}${path}: ${first.message}${more}`;
}

export interface ResultsReading {
  /** Set when the text is not a results document at all; nothing else is then meaningful. */
  fatal?: string;
  records: AttemptRecord[];
  /** One line per record that could not be read, naming where and why. */
  problems: string[];
  version: number;
}

/**
 * Reads a results document (what the store saves and what export writes) of any version.
 * Records that validate are kept; each one that does not is reported, never thrown.
 */
export function readResultsDocument(value: unknown): ResultsReading {
  const header = resultsHeader(value);
  if (!header.ok) return { records: [], problems: [], version: header.version, fatal: header.fatal };
  const { version, results } = header;
  const records: AttemptRecord[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  results.forEach((raw, i) => {
    const reading = readRecord(raw, version, `results[${i}]`);
    if (!reading.ok) problems.push(reading.problem);
    else if (!seen.has(reading.record.id)) {
      seen.add(reading.record.id);
      records.push(reading.record);
    }
  });
  return { records, problems, version };
}

export type ResultsHeader = { ok: true; version: number; results: unknown[] } | { ok: false; version: number; fatal: string };

/**
 * The cheap checks of a results document (format marker, version, a `results` list), before any
 * record is read: lets an import refuse a wrong or oversized file at once.
 */
export function resultsHeader(value: unknown): ResultsHeader {
  const none = { ok: false as const, version: 0 };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ...none, fatal: 'This is not a Calm Desk results file: expected a JSON object.' };
  }
  const doc = value as Record<string, unknown>;
  if (doc.format !== RESULTS_FORMAT) {
    return { ...none, fatal: `This is not a Calm Desk results file: its "format" should be "${RESULTS_FORMAT}".` };
  }
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ...none, fatal: `The results file has no valid "version" (expected a whole number from 1 to ${CURRENT_VERSION}).` };
  }
  if (!Array.isArray(doc.results)) {
    return { ...none, version, fatal: 'The results file has no "results" list.' };
  }
  return { ok: true, version, results: doc.results as unknown[] };
}

/** The current results document for these records. */
export function resultsDocument(records: readonly AttemptRecord[], exportedAt?: string): object {
  return { format: RESULTS_FORMAT, version: CURRENT_VERSION, ...(exportedAt ? { exportedAt } : {}), results: records };
}

/** What version 1 saved as settings: one master volume, no speech or facilitator switches. */
const settingsV1Schema = z.object({
  language: z.unknown(),
  textScale: z.unknown(),
  readingSpeed: z.unknown(),
  volume: z.number().min(0).max(1),
  muted: z.unknown(),
  reducedMotion: z.unknown(),
});

export interface SettingsReading {
  settings: Settings;
  /** True when some field could not be read and a default stands in its place. */
  repaired: boolean;
  fatal?: string;
  version: number;
}

/**
 * Reads a settings document of any version. Each field that does not validate falls back to
 * its default on its own, so one bad value never resets the rest.
 */
export function readSettingsDocument(value: unknown, defaults: Settings = defaultSettings()): SettingsReading {
  const doc = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  if (!doc || doc.format !== SETTINGS_FORMAT || typeof doc.version !== 'number' || typeof doc.settings !== 'object' || doc.settings === null) {
    return { settings: defaults, repaired: true, fatal: 'not a settings document', version: 0 };
  }
  let fields = doc.settings as Record<string, unknown>;
  if (doc.version === 1) {
    const v1 = settingsV1Schema.safeParse(fields);
    const master = v1.success ? v1.data.volume : undefined;
    fields = {
      ...fields,
      volume: master === undefined ? undefined : { voice: master, ambience: master, ui: master },
      speechSynthesis: defaults.speechSynthesis,
      facilitatorMode: defaults.facilitatorMode,
    };
  }
  // Version 3 added the learning-records group; older documents start with nothing configured.
  if (doc.version < 3) fields = { ...fields, records: defaults.records };
  return { ...mergeFields(fields, defaults), version: doc.version };
}

function mergeFields(fields: Record<string, unknown>, defaults: Settings): { settings: Settings; repaired: boolean } {
  const out: Record<string, unknown> = { ...defaults };
  let repaired = false;
  for (const key of Object.keys(settingsSchema.shape) as (keyof Settings)[]) {
    const parsed = settingsSchema.shape[key].safeParse(fields[key]);
    if (parsed.success) out[key] = parsed.data;
    else if (key === 'volume') {
      out.volume = mergeVolume(fields.volume, defaults.volume);
      repaired = true;
    } else if (key === 'records') {
      out.records = mergeRecords(fields.records, defaults.records);
      repaired = true;
    } else repaired = true;
  }
  return { settings: out as Settings, repaired };
}

function mergeVolume(raw: unknown, defaults: Settings['volume']): Settings['volume'] {
  const src = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const pick = (k: keyof Settings['volume']) => {
    const v = src[k];
    return typeof v === 'number' && v >= 0 && v <= 1 ? v : defaults[k];
  };
  return { voice: pick('voice'), ambience: pick('ambience'), ui: pick('ui') };
}

/** Keeps each valid records field (a bad pass mark does not lose the LRS address). */
function mergeRecords(raw: unknown, defaults: Settings['records']): Settings['records'] {
  const src = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const out: Record<string, unknown> = { ...defaults };
  for (const key of Object.keys(recordsSettingsSchema.shape) as (keyof Settings['records'])[]) {
    const parsed = recordsSettingsSchema.shape[key].safeParse(src[key]);
    if (parsed.success) out[key] = parsed.data;
  }
  return out as Settings['records'];
}

/** The current settings document. */
export function settingsDocument(settings: Settings): object {
  return { format: SETTINGS_FORMAT, version: CURRENT_VERSION, settings };
}
