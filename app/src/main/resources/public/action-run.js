// Running a row action on one row, as the row panel and the grid's actions column both do: the
// action's inputs asked for, its confirmation text, then the run; and the words for a request's
// state. No side effects on import: row-actions.js and the grid share it.

import { sendJson } from './api.js';

export const STATE_LABELS = {
  queued: 'Queued', sending: 'Sending', succeeded: 'Sent', failed: 'Failed',
  pending_approval: 'Waiting for approval', rejected: 'Rejected', cancelled: 'Cancelled'
};

export function stateLabel(state) {
  return STATE_LABELS[state] || state;
}

const definitions = new Map(); // relation -> Promise of the actions list

/** The one JSON client (CSRF token, 401 to the login page); an error answer becomes an Error. */
export async function api(method, url, body) {
  const answer = await sendJson(method, url, body);
  if (!answer.ok) throw new Error((answer.body && answer.body.error) || ('HTTP ' + answer.status));
  return answer.body || {};
}

/** The action definitions of a relation (label, roles, confirm, inputs, may_run ...), asked once. */
export function actionsOf(relation) {
  if (!definitions.has(relation)) {
    const loading = api('GET', '/api/v1/actions?relation=' + encodeURIComponent(relation)).then(j => j.actions);
    loading.catch(() => definitions.delete(relation));
    definitions.set(relation, loading);
  }
  return definitions.get(relation);
}

/** The confirmation text with {{row.x}} filled in as plain text (shown by confirm(), never as HTML). */
export function confirmText(text, columns, values) {
  return text.replace(/\{\{\s*row\.([A-Za-z_][A-Za-z0-9_]*)\s*}}/g, (m, name) => {
    const i = columns.findIndex(c => c.name === name);
    return i < 0 ? m : String(values[i]);
  });
}

/**
 * Runs `action` ({name, label, confirm, inputs}) on the row `key` whose values are `values`: asks
 * for its inputs and confirmation, offers to send again what was sent already, and says why a row
 * was skipped. Answers the run's answer, or null when the person backed out.
 */
export async function runOnRow(action, columns, values, key) {
  const inputs = {};
  for (const name of action.inputs || []) {
    const value = window.prompt(action.label + ': ' + name);
    if (value === null || value.trim() === '') return null;
    inputs[name] = value;
  }
  if (action.confirm && !window.confirm(confirmText(action.confirm, columns, values))) return null;
  const url = '/api/v1/actions/' + encodeURIComponent(action.name) + '/run';
  let answer = await api('POST', url, { keys: [key], inputs: inputs });
  const first = answer.requests[0];
  if (first && first.existing && first.state === 'succeeded') {
    if (window.confirm('This was sent already. Send it again (a new request)?')) {
      answer = await api('POST', url, { keys: [key], inputs: inputs, again: true });
    }
  }
  if (answer.skipped && answer.skipped.length && !answer.requests.length) {
    alert(answer.skipped[0].reason);
  }
  return answer;
}
