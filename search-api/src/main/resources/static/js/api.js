// HTTP access to the search API. Reads may be open; when the server answers 401 the user is asked for a token once,
// it is kept in sessionStorage (this tab only) and sent as a bearer header from then on.

const TOKEN_KEY = 'hpo.token';

export class ApiError extends Error {
  constructor(status, detail) {
    super(detail || `HTTP ${status}`);
    this.status = status;
  }
}

let pendingToken = null;

function storedToken() {
  return sessionStorage.getItem(TOKEN_KEY);
}

function askForToken(message) {
  if (pendingToken) return pendingToken;
  const dialog = document.getElementById('token-dialog');
  const input = document.getElementById('token-input');
  const error = document.getElementById('token-error');
  error.hidden = !message;
  error.textContent = message || '';
  input.value = '';
  pendingToken = new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      const token = input.value.trim();
      if (token) sessionStorage.setItem(TOKEN_KEY, token);
      pendingToken = null;
      resolve(token);
    }, { once: true });
  });
  dialog.showModal();
  return pendingToken;
}

async function problemDetail(response) {
  try {
    const body = await response.json();
    return body.detail || body.title || `HTTP ${response.status}`;
  } catch {
    return `HTTP ${response.status}`;
  }
}

/** GETs a JSON document, asking for a token when the server demands one. */
export async function getJson(path, { signal } = {}) {
  return (await getJsonIfChanged(path, null, { signal })).body;
}

/**
 * GETs a JSON document unless its entity tag still matches `etag`: then `{ changed: false }` comes back and
 * nothing is parsed, which keeps polling a large study cheap.
 */
export async function getJsonIfChanged(path, etag, { signal } = {}) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const headers = { Accept: 'application/json' };
    const token = storedToken();
    if (token) headers.Authorization = `Bearer ${token}`;
    if (etag) headers['If-None-Match'] = etag;
    const response = await fetch(path, { headers, signal, cache: 'no-store' });
    if (response.status === 304) return { changed: false, etag };
    if (response.ok) return { changed: true, etag: response.headers.get('ETag'), body: await response.json() };
    if (response.status === 401 || response.status === 403) {
      if (token) sessionStorage.removeItem(TOKEN_KEY);
      const entered = await askForToken(token ? 'That token was not accepted.' : '');
      if (!entered) throw new ApiError(response.status, 'A token is required to read studies.');
      continue;
    }
    throw new ApiError(response.status, await problemDetail(response));
  }
  throw new ApiError(401, 'The token was not accepted.');
}
