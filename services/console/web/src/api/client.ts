// Every call goes through the BFF: /api/session/…, /api/<service>/<path> (= that service's /api/v1/<path>),
// /api/stream (SSE), /api/export/…. The bearer token lives in sessionStorage (one tab, one sign-in).

export interface SessionUser {
  userId: string;
  name: string;
  role: string;
  unitId: string;
}

const TOKEN_KEY = 'civicflow.token';
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

export function storeSession(token: string, user: SessionUser): void {
  sessionStorage.setItem(TOKEN_KEY, token);
  sessionStorage.setItem(USER_KEY, JSON.stringify(user));
}

export function clearSession(): void {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(USER_KEY);
}

export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly body: unknown) {
    super(message);
  }
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

/** The server's message: our services answer `{ message, errors? }` (message often "中文 english"). */
function messageOf(body: unknown, status: number): string {
  if (body && typeof body === 'object') {
    const b = body as { message?: unknown; reason?: { zh?: string; en?: string }; errors?: { field?: string; reason?: string; message?: string }[] };
    const parts: string[] = [];
    if (typeof b.message === 'string') parts.push(b.message);
    else if (Array.isArray(b.message)) parts.push(b.message.join('; '));
    if (b.reason && typeof b.reason === 'object' && (b.reason.zh || b.reason.en)) parts.push([b.reason.zh, b.reason.en].filter(Boolean).join(' '));
    if (Array.isArray(b.errors)) parts.push(b.errors.map((e) => `${e.field ?? ''} ${e.reason ?? e.message ?? ''}`.trim()).join('; '));
    if (parts.length) return parts.join(' — ');
  }
  if (typeof body === 'string' && body) return body.slice(0, 300);
  return `HTTP ${status}`;
}

export async function api<T = unknown>(path: string, init: { method?: string; body?: unknown; query?: Query; headers?: Record<string, string> } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...init.headers };
  const token = getToken();
  if (token) headers.authorization = `Bearer ${token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(withQuery(`/api/${path.replace(/^\//, '')}`, init.query), {
    method: init.method ?? (init.body !== undefined ? 'POST' : 'GET'),
    headers,
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON */
  }
  if (response.status === 401 && !path.startsWith('session/login')) onUnauthorized();
  if (!response.ok) throw new ApiError(response.status, messageOf(body, response.status), body);
  return body as T;
}

/** A protected binary (photo, PDF) as an object URL, since <img>/<a> cannot send the bearer header. */
export async function fetchBlobUrl(path: string): Promise<string> {
  const token = getToken();
  const response = await fetch(`/api/${path.replace(/^\//, '')}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!response.ok) throw new ApiError(response.status, `HTTP ${response.status}`, null);
  return URL.createObjectURL(await response.blob());
}

/** Downloads an export (CSV / Excel) with the bearer header and saves it under the server's file name. */
export async function download(path: string, query: Query, fallbackName: string): Promise<void> {
  const token = getToken();
  const response = await fetch(withQuery(`/api/${path.replace(/^\//, '')}`, query), { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!response.ok) throw new ApiError(response.status, messageOf(await response.text(), response.status), null);
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
