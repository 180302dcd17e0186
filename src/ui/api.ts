/** Error from the API: `{code, message}` with the HTTP status. `message` is Chinese and shown as is. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: { field: string; label: string; message: string }[],
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

type Listener = (error: ApiError) => void;
const unauthenticatedListeners = new Set<Listener>();
/** Called when any request answers 401 (session ended): the shell sends the user to the login page. */
export function onUnauthenticated(l: Listener) {
  unauthenticatedListeners.add(l);
  return () => {
    unauthenticatedListeners.delete(l);
  };
}

async function toError(res: Response): Promise<ApiError> {
  try {
    const body = await res.json();
    return new ApiError(res.status, body.code ?? 'UNKNOWN', body.message ?? '请求失败', body.details);
  } catch {
    return new ApiError(res.status, 'NETWORK', res.status >= 500 ? '服务器暂时不可用，请稍后再试' : '请求失败');
  }
}

export async function api<T>(method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络');
  }
  if (!res.ok) {
    const error = await toError(res);
    if (res.status === 401 && !url.startsWith('/api/auth/login')) unauthenticatedListeners.forEach((l) => l(error));
    throw error;
  }
  return (await res.json()) as T;
}

export const get = <T>(url: string) => api<T>('GET', url);
export const post = <T>(url: string, body: unknown = {}) => api<T>('POST', url, body);
export const patch = <T>(url: string, body: unknown) => api<T>('PATCH', url, body);
export const put = <T>(url: string, body: unknown) => api<T>('PUT', url, body);
export const del = <T>(url: string) => api<T>('DELETE', url);

/** Builds `?a=1&b=2` from the defined, non-empty values. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Downloads a file (Excel export) through fetch so errors show as messages, not as a broken download. */
export async function download(url: string, fallbackName: string): Promise<void> {
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok) throw await toError(res);
  const disposition = res.headers.get('content-disposition') ?? '';
  const match = /filename\*=UTF-8''([^;]+)/.exec(disposition);
  const name = match ? decodeURIComponent(match[1]!) : fallbackName;
  const blob = await res.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 1000);
}

/** Uploads a file as the raw request body (Excel imports; attachments as octet-stream); answers like `api`. */
export async function uploadFile<T>(url: string, file: Blob, contentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'): Promise<T> {
  const headers: Record<string, string> = { 'content-type': contentType };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', headers, body: file, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络');
  }
  if (!res.ok) throw await toError(res);
  return (await res.json()) as T;
}
