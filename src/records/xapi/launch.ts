/**
 * Where statements go and who they are about: from a tincan/cmi5-style launch address
 * (`?endpoint=…&auth=…&actor=…&registration=…`, as an LMS passes them) or else from Settings.
 * Pure: the shell passes `location.search` and the saved settings. Problems name the parameter,
 * never its value: the `auth` value is a credential and must not reach a log or the screen.
 *
 * ```ts
 * const launch = parseLaunch('?endpoint=https%3A%2F%2Flrs.example.com%2Fxapi%2F&auth=Basic%20abc&actor=…');
 * const config = resolveXapiConfig(settings.records, launch);
 * ```
 */
import type { RecordsSettings } from '../../storage/recordsDefaults.ts';
import { activityId, isUuid } from './statements.ts';
import type { XapiAgent } from './types.ts';

export interface Launch {
  endpoint: string;
  /** The Authorization header value, e.g. `Basic dXNlcjpwYXNz`. Never log it. */
  auth: string;
  actor: XapiAgent;
  registration?: string;
  /** The activity id the LMS launched (`activity_id`), when it gave one. */
  activityId?: string;
}

export type LaunchReading =
  | { kind: 'none' }
  | { kind: 'ok'; launch: Launch }
  /** The address has launch parameters that cannot be used; each problem names a parameter. */
  | { kind: 'invalid'; problems: string[] };

/**
 * Reads launch parameters from a query string. No `endpoint` parameter: not a launch.
 * The actor may be xAPI JSON (`{"mbox":"mailto:…","name":"…"}`) or TinCan's older array form
 * (`{"name":["…"],"mbox":["mailto:…"]}`, `account: [{accountServiceHomePage, accountName}]`).
 */
export function parseLaunch(search: string): LaunchReading {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  } catch {
    return { kind: 'none' };
  }
  const endpointRaw = params.get('endpoint');
  if (endpointRaw === null) return { kind: 'none' };
  const problems: string[] = [];
  const endpoint = checkEndpoint(endpointRaw);
  if (!endpoint.ok) problems.push(`endpoint: ${endpoint.problem}`);
  const auth = (params.get('auth') ?? '').trim();
  if (auth === '') problems.push('auth: missing (the LMS must pass the LRS credentials)');
  else if (/[\r\n]/.test(auth) || auth.length > 2000) problems.push('auth: not a usable Authorization value');
  const actor = readActor(params.get('actor'));
  if (!actor.ok) problems.push(`actor: ${actor.problem}`);
  const registration = params.get('registration')?.trim() || undefined;
  if (registration !== undefined && !isUuid(registration)) problems.push('registration: not a UUID');
  const launchedActivity = params.get('activity_id')?.trim() || undefined;
  if (problems.length > 0 || !endpoint.ok || !actor.ok) return { kind: 'invalid', problems };
  return {
    kind: 'ok',
    launch: {
      endpoint: endpoint.value,
      auth,
      actor: actor.value,
      ...(registration ? { registration } : {}),
      ...(launchedActivity && /^\w+:/.test(launchedActivity) ? { activityId: launchedActivity } : {}),
    },
  };
}

type Checked<T> = { ok: true; value: T } | { ok: false; problem: string };

/** An http(s) URL without credentials in it, ending in `/` (the client appends `statements`). */
export function checkEndpoint(raw: string): Checked<string> {
  const text = raw.trim();
  if (text === '') return { ok: false, problem: 'empty' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, problem: 'not a web address (expected https://…)' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, problem: 'must start with https:// or http://' };
  if (url.username || url.password) return { ok: false, problem: 'must not contain a user name or password (use the key and secret fields)' };
  if (url.search || url.hash) return { ok: false, problem: 'must not contain ? or #' };
  const href = url.href;
  return { ok: true, value: href.endsWith('/') ? href : `${href}/` };
}

/** A plain email check: something@something.something, no spaces. */
export function isEmail(value: string): boolean {
  return /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/.test(value.trim());
}

/** An absolute IRI for activity ids (scheme and something after it). */
export function checkActivityBase(raw: string): Checked<string> {
  const text = raw.trim();
  if (!/^[a-z][a-z0-9+.-]*:\S+$/i.test(text)) return { ok: false, problem: 'not an absolute IRI (expected https://…)' };
  return { ok: true, value: text };
}

function readActor(raw: string | null): Checked<XapiAgent> {
  if (raw === null || raw.trim() === '') return { ok: false, problem: 'missing' };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { ok: false, problem: 'not JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, problem: 'not an object' };
  const src = value as Record<string, unknown>;
  const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
  const agent: XapiAgent = { objectType: 'Agent' };
  const name = first(src.name);
  if (typeof name === 'string' && name.trim() !== '') agent.name = name.trim().slice(0, 200);
  const mbox = first(src.mbox);
  const account = first(src.account) as Record<string, unknown> | undefined;
  const sha1 = first(src.mbox_sha1sum);
  const openid = first(src.openid);
  if (typeof mbox === 'string' && mbox !== '') {
    const address = mbox.startsWith('mailto:') ? mbox.slice(7) : mbox;
    if (!isEmail(address)) return { ok: false, problem: 'mbox is not an email address' };
    agent.mbox = `mailto:${address.trim()}`;
  } else if (account && typeof account === 'object') {
    const homePage = account.homePage ?? account.accountServiceHomePage;
    const accountName = account.name ?? account.accountName;
    if (typeof homePage !== 'string' || !/^\w+:/.test(homePage) || typeof accountName !== 'string' || accountName === '') {
      return { ok: false, problem: 'account needs homePage (an IRI) and name' };
    }
    agent.account = { homePage, name: accountName };
  } else if (typeof sha1 === 'string' && /^[0-9a-f]{40}$/i.test(sha1)) {
    agent.mbox_sha1sum = sha1.toLowerCase();
  } else if (typeof openid === 'string' && /^\w+:/.test(openid)) {
    agent.openid = openid;
  } else {
    return { ok: false, problem: 'needs mbox, account, mbox_sha1sum or openid' };
  }
  return { ok: true, value: agent };
}

/** Everything the sender needs, or why it cannot send. */
export type XapiConfig =
  | { kind: 'off' }
  | {
      kind: 'incomplete';
      /** `endpoint`: not a usable address. `actor`: no learner email. `activityBase`: not an IRI. `launch`: the launch address was unusable. */
      missing: 'endpoint' | 'actor' | 'activityBase' | 'launch';
      problems?: string[];
    }
  | {
      kind: 'ready';
      source: 'settings' | 'launch';
      endpoint: string;
      /** Authorization header value. Never log it. */
      auth: string;
      actor: XapiAgent;
      activityBase: string;
      passMark: number;
      registration?: string;
    };

/**
 * The sending configuration: a valid launch wins over Settings (an LMS launch names the learner
 * and the LRS); an invalid one stops sending (statements must not go to the wrong place or
 * person); otherwise Settings, when the endpoint is filled in.
 */
export function resolveXapiConfig(settings: RecordsSettings, launch: LaunchReading = { kind: 'none' }): XapiConfig {
  const base = checkActivityBase(settings.activityBase);
  if (launch.kind === 'invalid') return { kind: 'incomplete', missing: 'launch', problems: launch.problems };
  if (launch.kind === 'ok') {
    const l = launch.launch;
    return {
      kind: 'ready',
      source: 'launch',
      endpoint: l.endpoint,
      auth: l.auth,
      actor: l.actor,
      activityBase: base.ok ? base.value : l.activityId ? activityId(l.activityId, '') : settings.activityBase,
      passMark: settings.passMark,
      ...(l.registration ? { registration: l.registration } : {}),
    };
  }
  if (settings.endpoint.trim() === '') return { kind: 'off' };
  const endpoint = checkEndpoint(settings.endpoint);
  if (!endpoint.ok) return { kind: 'incomplete', missing: 'endpoint', problems: [endpoint.problem] };
  if (!isEmail(settings.actorEmail)) return { kind: 'incomplete', missing: 'actor' };
  if (!base.ok) return { kind: 'incomplete', missing: 'activityBase', problems: [base.problem] };
  const actor: XapiAgent = { objectType: 'Agent', mbox: `mailto:${settings.actorEmail.trim()}` };
  if (settings.actorName.trim() !== '') actor.name = settings.actorName.trim();
  return {
    kind: 'ready',
    source: 'settings',
    endpoint: endpoint.value,
    auth: basicAuth(settings.username, settings.secret),
    actor,
    activityBase: base.value,
    passMark: settings.passMark,
  };
}

/** `Basic base64(user:secret)`, UTF-8 safe. */
export function basicAuth(username: string, secret: string): string {
  const bytes = new TextEncoder().encode(`${username}:${secret}`);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `Basic ${btoa(binary)}`;
}
