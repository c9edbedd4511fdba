/**
 * The xAPI client (`@xapi/xapi`, over axios) as the queue's transport. Loaded with a dynamic
 * import only when an LRS is configured, so the first screen never carries it. Failures become
 * short, credential-free messages: the error object (which holds the request headers) is never
 * logged or shown.
 */
import type { SendResult, Transport } from '../../records/xapi/queue.ts';

export interface TransportConfig {
  endpoint: string;
  /** Authorization header value. */
  auth: string;
}

/** A transport that POSTs statements to `<endpoint>statements`. */
export async function createXapiTransport(config: TransportConfig): Promise<Transport> {
  const { default: XAPI } = await import('@xapi/xapi');
  const client = new XAPI({ endpoint: config.endpoint, auth: config.auth });
  return {
    async send(statements) {
      try {
        await client.sendStatements({ statements: statements as never });
        return { ok: true };
      } catch (error) {
        return failure(error);
      }
    },
  };
}

interface AxiosLikeError {
  code?: string;
  message?: string;
  response?: { status?: number; statusText?: string; headers?: unknown; data?: unknown };
}

/** An axios error as a `SendResult`: the status, Retry-After and a short reason. */
export function failure(error: unknown): SendResult {
  const e = (typeof error === 'object' && error !== null ? error : {}) as AxiosLikeError;
  const status = e.response?.status;
  if (typeof status === 'number' && status > 0) {
    return { ok: false, status, retryAfter: header(e.response?.headers, 'retry-after'), message: reason(e.response?.statusText, e.response?.data) };
  }
  if (e.code === 'ERR_NETWORK' || e.code === 'ECONNABORTED' || e.code === 'ETIMEDOUT') {
    return { ok: false, status: null, message: 'no answer (offline, a wrong address, or the LRS does not allow this site)' };
  }
  return { ok: false, status: null, message: (e.message ?? 'unknown error').slice(0, 200) };
}

function header(headers: unknown, name: string): string | null {
  if (!headers || typeof headers !== 'object') return null;
  const h = headers as { get?: (n: string) => unknown } & Record<string, unknown>;
  const value = typeof h.get === 'function' ? h.get(name) : h[name];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;
}

/** The LRS's own words when short (many send `{ message }` or plain text), else the status text. */
function reason(statusText: string | undefined, data: unknown): string {
  const fromBody =
    typeof data === 'string' ? data : data && typeof data === 'object' && typeof (data as { message?: unknown }).message === 'string' ? (data as { message: string }).message : '';
  const text = (fromBody || statusText || '').replace(/\s+/g, ' ').trim();
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}
