// The console's only way to the gateway: same-origin fetch with the session cookie, the CSRF header
// on every non-GET request, JSON in and out, and errors as ApiError (google.rpc.Status JSON).
// A 401 from any call means the session ended: the handler set by the app takes the user to the
// sign-in page, unless the caller handles 401 itself (sign-in, change of password).

const CSRF_COOKIE = 'kinerja_csrf';
const BAD_REQUEST_TYPE = 'type.googleapis.com/google.rpc.BadRequest';

let unauthenticatedHandler = () => {};

/** Sets what happens when a call answers 401 (the session ended). */
export function setUnauthenticatedHandler(fn) {
  unauthenticatedHandler = fn;
}

/** An HTTP error: status (0 when the gateway could not be reached), code, message, details. */
export class ApiError extends Error {
  constructor(status, body) {
    const message = body && typeof body.message === 'string' ? body.message : '';
    super(message || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = body && Number.isInteger(body.code) ? body.code : 0;
    this.serverMessage = message;
    this.details = body && Array.isArray(body.details) ? body.details : [];
  }

  /** The google.rpc.BadRequest field violations: [{field, description}]. */
  fieldViolations() {
    const out = [];
    for (const d of this.details) {
      if (d && d['@type'] === BAD_REQUEST_TYPE && Array.isArray(d.fieldViolations)) {
        for (const v of d.fieldViolations) {
          out.push({ field: String(v.field ?? ''), description: String(v.description ?? '') });
        }
      }
    }
    return out;
  }
}

/** The value of the CSRF cookie, or "". */
export function csrfToken() {
  for (const part of document.cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === CSRF_COOKIE) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return '';
}

/** Builds "path?query" from an object, leaving out empty values. */
export function withQuery(path, query) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') params.append(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** One path segment, %-encoded. */
export const seg = (s) => encodeURIComponent(String(s));

async function parseBody(response) {
  const text = await response.text();
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    return { message: '' };
  }
}

/**
 * Calls the gateway. options: {query, body, handle401}. Resolves to the JSON answer; rejects with
 * ApiError. With handle401 the caller deals with a 401 (the global handler is not called).
 */
export async function request(method, path, options = {}) {
  const headers = { Accept: 'application/json' };
  const init = { method, headers, credentials: 'same-origin', cache: 'no-store' };
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  if (method !== 'GET' && method !== 'HEAD') {
    const token = csrfToken();
    if (token) headers['X-CSRF-Token'] = token;
  }
  let response;
  try {
    response = await fetch(withQuery(path, options.query), init);
  } catch {
    throw new ApiError(0, null);
  }
  const body = await parseBody(response);
  if (response.ok) return body;
  const error = new ApiError(response.status, body);
  if (response.status === 401 && !options.handle401) unauthenticatedHandler(error);
  throw error;
}

export const get = (path, query, options) => request('GET', path, { ...options, query });
export const post = (path, body, options) => request('POST', path, { ...options, body: body ?? {} });
export const patch = (path, body, options) => request('PATCH', path, { ...options, body: body ?? {} });
export const put = (path, body, options) => request('PUT', path, { ...options, body: body ?? {} });

/** The gRPC status codes the console tells apart (google.rpc.Status.code). */
export const GRPC = { ALREADY_EXISTS: 6, PERMISSION_DENIED: 7, FAILED_PRECONDITION: 9, ABORTED: 10 };
