/**
 * The one way the app talks to the server: same-origin fetch with the session cookie, JSON both
 * ways, and the CSRF token on every non-GET (the server rejects writes without it).
 */
import type { Bilingual, ErrorBody, ErrorId, FieldProblem } from './types.ts';

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when any request (other than sign-in itself) finds the session gone, e.g. it expired. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

export class ApiError extends Error {
  readonly status: number;
  readonly id: ErrorId;
  readonly messages: Bilingual;
  readonly fields: FieldProblem[];

  constructor(status: number, body: ErrorBody) {
    super(body.error.message.en);
    this.name = 'ApiError';
    this.status = status;
    this.id = body.error.id;
    this.messages = body.error.message;
    this.fields = body.error.fields ?? [];
  }
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error: unknown = value.error;
  return typeof error === 'object' && error !== null && 'id' in error && 'message' in error;
}

/** A body the server did not shape (proxy error, HTML 502 …) still becomes an ApiError. */
function fallbackError(status: number): ErrorBody {
  const id: ErrorId = status === 401 ? 'unauthenticated' : status === 404 ? 'not_found' : 'internal';
  return {
    error: {
      id,
      message: { zh: `服务器错误（HTTP ${status}）`, en: `Server error (HTTP ${status})` },
    },
  };
}

export type QueryValue = string | number | boolean | null | undefined;

/** Drops empty values so URLs stay short and bookmarkable. */
export function toQueryString(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  /** A multipart body (file uploads); the browser sets the content type with its boundary. */
  form?: FormData;
  signal?: AbortSignal;
  /** Sign-in answers 401 for a wrong password; that must not bounce the user to the login page. */
  quietUnauthenticated?: boolean;
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined && !options.form) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: options.form ?? (options.body === undefined ? null : JSON.stringify(options.body)),
    signal: options.signal ?? null,
  });

  const text = await response.text();
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
  }

  if (!response.ok) {
    const body = isErrorBody(parsed) ? parsed : fallbackError(response.status);
    const error = new ApiError(response.status, body);
    if (error.id === 'unauthenticated' && !options.quietUnauthenticated) onUnauthenticated?.();
    throw error;
  }
  return parsed as T;
}
