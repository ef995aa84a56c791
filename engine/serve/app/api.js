// The server's API (engine/serve/api_routes.cpp). Every error answer is JSON with a message, or with problems.
export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.message) || `HTTP ${status}`);
    this.status = status;
    this.problems = (body && body.problems) || null;
  }
}

async function call(method, url, { body, type = 'application/json', headers = {}, signal } = {}) {
  const response = await fetch(url, {
    method,
    body,
    signal,
    // A FormData body (type null) gets its multipart Content-Type, with the boundary, from the browser.
    headers: body !== undefined && type ? { 'Content-Type': type, ...headers } : headers,
    credentials: 'same-origin',
  });
  if (response.status === 401 && !url.endsWith('/login')) {
    window.location.assign('/login');
    throw new ApiError(401, { message: 'ต้องเข้าสู่ระบบ' });
  }
  return response;
}

async function fail(response) {
  let body = null;
  try { body = await response.json(); } catch { /* not JSON */ }
  throw new ApiError(response.status, body);
}

async function json(method, url, options) {
  const response = await call(method, url, options);
  if (!response.ok) await fail(response);
  return response.json();
}

const part = encodeURIComponent;

export const api = {
  session: () => json('GET', '/api/session'),
  login: (password) => json('POST', '/api/login', { body: JSON.stringify({ password }) }),
  logout: () => json('POST', '/api/logout', { body: '{}' }),
  reports: () => json('GET', '/api/reports'),
  kinds: () => json('GET', '/api/kinds'),
  schema: (kind) => json('GET', `/api/kinds/${part(kind)}/schema`),
  datasets: () => json('GET', '/api/datasets'),

  async dataset(name) {
    const response = await call('GET', `/api/datasets/${part(name)}`);
    if (!response.ok) await fail(response);
    return { data: await response.json(), etag: response.headers.get('ETag') };
  },

  // Saves; answers {etag, kept_as} or throws ApiError (422 problems, 409 changed by someone else).
  async save(name, text, etag) {
    const response = await call('PUT', `/api/datasets/${part(name)}`, { body: text, headers: etag ? { 'If-Match': etag } : {} });
    if (!response.ok) await fail(response);
    return { ...(await response.json()), etag: response.headers.get('ETag') };
  },

  // {problems: []} when valid; the problems otherwise (422 is an answer here, not a failure).
  async validate(text, signal) {
    const response = await call('POST', '/api/validate', { body: text, signal });
    if (response.ok || response.status === 422) return response.json();
    return fail(response);
  },

  // {blob, pages} or {problems}.
  async render(report, text, signal) {
    const response = await call('POST', `/api/render/${part(report)}`, { body: text, signal });
    if (response.status === 422) return response.json();
    if (!response.ok) await fail(response);
    return { blob: await response.blob(), pages: Number(response.headers.get('X-Raingan-Pages') || 0) };
  },

  // A spreadsheet sent as a form's file; the server answers the dataset ({dataset}), or {problems} naming
  // sheet and cell with what could be read ({dataset} too, when the file could be read at all).
  async importFile(kind, file, signal) {
    const form = new FormData();
    form.append('file', file, file.name);
    const response = await call('POST', `/api/import/${part(kind)}`, { body: form, type: null, signal });
    if (response.status === 422) return response.json();
    if (!response.ok) await fail(response);
    return { dataset: await response.json() };
  },
  importSheetUrl: (kind, from) => `/api/kinds/${part(kind)}/import-sheet${from ? `?from=${part(from)}` : ''}`,

  startBuild: () => json('POST', '/api/build', { body: '{}' }),
  build: () => json('GET', '/api/build'),
  outputUrl: (name) => `/api/outputs/${part(name)}`,
};
