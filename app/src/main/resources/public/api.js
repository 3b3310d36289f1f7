// The one way the pages talk to the JSON API. A 401 (the session ended) goes to the login page and
// comes back to where the user was; every other answer is returned as {ok, status, body}.

/** Sends the browser to the login page, to come back to the current page and its state. */
export function toLogin() {
  location.href = '/login?next=' + encodeURIComponent(location.pathname + location.search);
}

const INLINE_PROBLEMS = 'Rowdesk-Inline-Problems';

async function send(url, options) {
  let response;
  try {
    response = await fetch(url, options);
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    return { ok: false, status: 0, body: { error: 'The server could not be reached.' } };
  }
  if (response.status === 401) {
    toLogin();
    return { ok: false, status: 401, body: { error: 'Your session has ended; log in again.' }, redirected: true };
  }
  if (response.status === 204) return { ok: response.ok, status: response.status, body: null };
  try {
    return { ok: response.ok, status: response.status, body: await response.json() };
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    return { ok: false, status: response.status, body: { error: 'The server answered something unexpected (' + response.status + ').' } };
  }
}

export function getJson(url, signal) {
  return send(url, { headers: { Accept: 'application/json' }, signal: signal });
}

/**
 * options.inlineProblems: a question not understood (422) comes back as a 200 whose body says
 * `problem: true`, so that a hint under the search bar is not also a network error in the console.
 */
/** The session's CSRF token, which the layout puts in a meta tag; every write sends it. */
function csrfToken() {
  const meta = document.querySelector('meta[name="csrf-token"]');
  return meta ? meta.content : '';
}

export async function sendJson(method, url, payload, signal, options) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-Token': csrfToken() };
  if (options && options.inlineProblems) headers[INLINE_PROBLEMS] = '1';
  const answer = await send(url, {
    method: method,
    headers: headers,
    body: payload === undefined ? undefined : JSON.stringify(payload),
    signal: signal
  });
  if (answer.ok && answer.body && answer.body.problem === true) {
    return { ok: false, status: answer.body.status || 422, body: answer.body };
  }
  return answer;
}

export function postJson(url, payload, signal, options) {
  return sendJson('POST', url, payload, signal, options);
}
