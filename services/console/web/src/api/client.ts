// Every call goes through the BFF: /api/session/…, /api/<service>/<path> (= that service's /api/v1/<path>),
// /api/stream (SSE), /api/export/…. The tokens live in sessionStorage (one tab, one sign-in): a short-lived access
// token sent as the Authorization header (never in a URL), and a refresh token used once for the next pair.
import { storedLocale } from '../i18n/locale';
import { type Locale, translate } from '../i18n/messages';

export interface SessionUser {
  userId: string;
  name: string;
  role: string;
  unitId: string;
}

const TOKEN_KEY = 'civicflow.token';
const REFRESH_KEY = 'civicflow.refresh';
const USER_KEY = 'civicflow.user';

export function getToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function getStoredUser(): SessionUser | null {
  const raw = sessionStorage.getItem(USER_KEY);
  try {
    return raw ? (JSON.parse(raw) as SessionUser) : null;
  } catch {
    return null;
  }
}

export function storeSession(token: string, refreshToken: string | undefined, user: SessionUser): void {
  sessionStorage.setItem(TOKEN_KEY, token);
  if (refreshToken) sessionStorage.setItem(REFRESH_KEY, refreshToken);
  sessionStorage.setItem(USER_KEY, JSON.stringify(user));
}

export function clearSession(): void {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(REFRESH_KEY);
  sessionStorage.removeItem(USER_KEY);
}

/** What went wrong, as the page needs to tell it: no network, session over, the case refused, bad input, gone, the server. */
export type ApiErrorKind = 'offline' | 'unauthorized' | 'forbidden' | 'refused' | 'invalid' | 'not-found' | 'server';

let refreshing: Promise<boolean> | null = null;

/** Trades the refresh token for a new pair (once for all callers at a time); false when the session is over. */
export function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    const refreshToken = sessionStorage.getItem(REFRESH_KEY);
    if (!refreshToken) return false;
    try {
      const response = await fetch('/api/session/refresh', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ refreshToken }) });
      if (!response.ok) return false;
      const answer = (await response.json()) as { accessToken: string; refreshToken: string; user: SessionUser };
      storeSession(answer.accessToken, answer.refreshToken, answer.user);
      return true;
    } catch {
      return false;
    }
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/** fetch with the access token; an expired one is refreshed once and the request sent again. */
async function authorizedFetch(url: string, init: RequestInit & { headers: Record<string, string> }): Promise<Response> {
  const withToken = () => {
    const token = getToken();
    return send(url, { ...init, headers: { ...init.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } });
  };
  const response = await withToken();
  if (response.status !== 401 || !sessionStorage.getItem(REFRESH_KEY) || !(await refreshSession())) return response;
  return withToken();
}

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  constructor(readonly status: number, message: string, readonly body: unknown) {
    super(message);
    this.kind = kindOf(status);
  }
}

function kindOf(status: number): ApiErrorKind {
  if (status === 0) return 'offline';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 409) return 'refused';
  if (status >= 500) return 'server';
  return 'invalid';
}

let onUnauthorized: () => void = () => undefined;
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}${path.includes('?') ? '&' : '?'}${qs}` : path;
}

/**
 * The server's message, said once in the user's language: a refusal's reason {zh, en} alone, else the message
 * (the half of a "中文 english" text in the user's language), then the fields at fault. Server errors and an
 * unreachable service get our own words (the service named), never a stack or an HTML page.
 */
export function messageOf(body: unknown, status: number, locale: Locale = storedLocale()): string {
  const b = (body && typeof body === 'object' ? body : {}) as { message?: unknown; reason?: unknown; errors?: { field?: string; reason?: string; message?: string }[]; service?: string };
  if (status >= 500) return translate(locale, status === 502 || status === 503 ? 'error.unavailable' : 'error.server', { service: b.service ? `(${b.service})` : '' }).replace(/\s+([,，。])/g, '$1');
  const reason = b.reason && typeof b.reason === 'object' ? (b.reason as { zh?: unknown; en?: unknown }) : undefined;
  const said = reason && typeof reason.zh === 'string' && typeof reason.en === 'string'
    ? (locale === 'en' ? reason.en : reason.zh)
    : typeof b.message === 'string' ? inLocale(b.message, locale)
      : Array.isArray(b.message) ? b.message.join('; ')
        : typeof body === 'string' && body && !body.trimStart().startsWith('<') ? body.slice(0, 300) : translate(locale, `error.status.${status}`);
  const fields = Array.isArray(b.errors) ? b.errors.map((e) => `${e.field ?? ''} ${e.reason ?? e.message ?? ''}`.trim()).filter(Boolean).join('; ') : '';
  return fields ? `${said}: ${fields}` : said;
}

/** The half of a "中文 english" message in the locale (services answer both when asked in Chinese); the text as it is otherwise. */
export function inLocale(text: string, locale: Locale): string {
  const match = /^(.*[\u3400-\u9fff\uff00-\uffef][^A-Za-z]*?)\s*\(?([A-Za-z][A-Za-z0-9 ,;:'’()/.-]*[A-Za-z0-9).])\)?\s*$/.exec(text.trim());
  if (!match || match[2].split(/\s+/).length < 2) return text;
  return locale === 'en' ? match[2].replace(/^\(|\)$/g, '') : match[1].trim();
}

/** An answer's body: its JSON, else the text as it came (an HTML error page, a bare message). */
function parsedBody(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return text;
  }
}

export async function api<T = unknown>(path: string, init: { method?: string; body?: unknown; query?: Query; headers?: Record<string, string> } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': storedLocale(), ...init.headers };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const response = await authorizedFetch(withQuery(`/api/${path.replace(/^\//, '')}`, init.query), {
    method: init.method ?? (init.body !== undefined ? 'POST' : 'GET'),
    headers,
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
  });
  const body = parsedBody(await response.text());
  if (response.status === 401 && !path.startsWith('session/login')) onUnauthorized();
  if (!response.ok) throw new ApiError(response.status, messageOf(body, response.status), body);
  return body as T;
}

/** fetch, with a lost network said in words (the page's connection banner hears of it too). */
async function send(url: string, init: RequestInit): Promise<Response> {
  try {
    const response = await fetch(url, init);
    connectivity.set(true);
    return response;
  } catch (error) {
    if ((error as Error)?.name === 'AbortError') throw error;
    connectivity.set(false);
    throw new ApiError(0, translate(storedLocale(), 'error.offline'), null);
  }
}

/** Whether the gateway answered the last request: false after a failed fetch until one succeeds (or the browser says it is back online). */
export const connectivity = (() => {
  let online = typeof navigator === 'undefined' ? true : navigator.onLine;
  const listeners = new Set<() => void>();
  const set = (value: boolean) => {
    if (value === online) return;
    online = value;
    listeners.forEach((l) => l());
  };
  if (typeof window !== 'undefined') {
    window.addEventListener('offline', () => set(false));
    window.addEventListener('online', () => set(true));
  }
  return {
    set,
    online: () => online,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
})();

/** A multipart form (photos from the camera) sent with the bearer header; the answer as JSON, errors as for api(). */
export async function upload<T = unknown>(path: string, form: FormData, query?: Query): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': storedLocale() };
  const response = await authorizedFetch(withQuery(`/api/${path.replace(/^\//, '')}`, query), { method: 'POST', headers, body: form });
  const body = parsedBody(await response.text());
  if (response.status === 401) onUnauthorized();
  if (!response.ok) throw new ApiError(response.status, messageOf(body, response.status), body);
  return body as T;
}

/** A protected binary (photo, PDF) as an object URL, since <img>/<a> cannot send the bearer header. */
export async function fetchBlobUrl(path: string): Promise<string> {
  const response = await authorizedFetch(`/api/${path.replace(/^\//, '')}`, { headers: {} });
  if (!response.ok) throw new ApiError(response.status, `HTTP ${response.status}`, null);
  return URL.createObjectURL(await response.blob());
}

/** Downloads an export (CSV / Excel) with the bearer header and saves it under the server's file name. */
export async function download(path: string, query: Query, fallbackName: string): Promise<void> {
  // a refusal's field reasons come in the user's language, as for api()
  const response = await authorizedFetch(withQuery(`/api/${path.replace(/^\//, '')}`, query), { headers: { 'accept-language': storedLocale() } });
  if (!response.ok) {
    const body = parsedBody(await response.text());
    throw new ApiError(response.status, messageOf(body, response.status), body);
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  const name = utf8 ? decodeURIComponent(utf8[1]) : plain ? plain[1] : fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A list answer in whichever shape a service uses: an array, { items }, { cases }, { callbacks } … */
export function listOf<T>(body: unknown, ...keys: string[]): T[] {
  if (Array.isArray(body)) return body as T[];
  if (body && typeof body === 'object') {
    for (const key of [...keys, 'items', 'results', 'data']) {
      const v = (body as Record<string, unknown>)[key];
      if (Array.isArray(v)) return v as T[];
    }
  }
  return [];
}

/** A fresh id for a request that must not happen twice (a command, a call): the server recognises a resend by it. */
export function newRequestId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(16).slice(2)}`;
}
