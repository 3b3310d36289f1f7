// Row actions in the grid's row panel, and the buttons of the requests and approvals pages.
// An ES module of its own: grid.js only announces its row panel ('rowdesk:row-panel').

import { el } from './dom.js';
import { sendJson } from './api.js';

const STATE_LABELS = {
  queued: 'Queued', sending: 'Sending', succeeded: 'Sent', failed: 'Failed',
  pending_approval: 'Waiting for approval', rejected: 'Rejected', cancelled: 'Cancelled'
};

const definitions = new Map(); // relation -> Promise of the actions list

// the one JSON client (CSRF token, 401 to the login page); an error answer becomes an Error
async function api(method, url, body) {
  const answer = await sendJson(method, url, body);
  if (!answer.ok) throw new Error((answer.body && answer.body.error) || ('HTTP ' + answer.status));
  return answer.body || {};
}

function actionsOf(relation) {
  if (!definitions.has(relation)) {
    definitions.set(relation, api('GET', '/api/v1/actions?relation=' + encodeURIComponent(relation)).then(j => j.actions));
  }
  return definitions.get(relation);
}

// the confirmation text with {{row.x}} filled in as plain text (shown by confirm(), never as HTML)
function confirmText(text, columns, values) {
  return text.replace(/\{\{\s*row\.([A-Za-z_][A-Za-z0-9_]*)\s*}}/g, (m, name) => {
    const i = columns.findIndex(c => c.name === name);
    return i < 0 ? m : String(values[i]);
  });
}

async function fillPanel(detail) {
  const { relation, columns, values, container } = detail;
  let defs;
  try {
    defs = await actionsOf(relation);
  } catch (e) {
    container.append(el('p', 'muted', 'Actions could not be loaded: ' + e.message));
    return;
  }
  if (!defs.length) {
    container.append(el('p', 'muted', 'No row actions are configured for ' + relation + '.'));
    return;
  }
  const keyColumn = defs[0].key;
  const index = columns.findIndex(c => c.name === keyColumn);
  if (index < 0) return;
  const key = values[index];
  const list = el('div', 'row-actions');
  list.dataset.rowActions = '';
  container.append(list);
  const render = async () => {
    const answer = await api('GET', '/api/v1/row-actions?relation=' + encodeURIComponent(relation) + '&key=' + encodeURIComponent(JSON.stringify(key)));
    list.innerHTML = '';
    if (!answer.actions.length) {
      list.append(el('p', 'muted', 'No action applies to this row.'));
    }
    for (const action of answer.actions) {
      const line = el('div', 'row-action');
      const button = el('button', 'tool small', action.label);
      button.type = 'button';
      button.dataset.action = action.name;
      line.append(button);
      if (action.state) {
        const badge = el('span', 'state state-' + action.state, STATE_LABELS[action.state] || action.state);
        badge.dataset.state = action.state;
        line.append(badge);
      }
      button.addEventListener('click', () => run(action, columns, values, key).then(render).catch(e => alert(e.message)));
      list.append(line);
    }
  };
  render().catch(e => list.append(el('p', 'muted', e.message)));
}

async function run(action, columns, values, key) {
  const inputs = {};
  for (const name of action.inputs || []) {
    const value = window.prompt(action.label + ': ' + name);
    if (value === null || value.trim() === '') return;
    inputs[name] = value;
  }
  if (action.confirm && !window.confirm(confirmText(action.confirm, columns, values))) return;
  let answer = await api('POST', '/api/v1/actions/' + encodeURIComponent(action.name) + '/run', { keys: [key], inputs: inputs });
  const first = answer.requests[0];
  if (first && first.existing && first.state === 'succeeded') {
    if (window.confirm('This was sent already. Send it again (a new request)?')) {
      answer = await api('POST', '/api/v1/actions/' + encodeURIComponent(action.name) + '/run', { keys: [key], inputs: inputs, again: true });
    }
  }
  if (answer.skipped && answer.skipped.length && !answer.requests.length) {
    alert(answer.skipped[0].reason);
  }
}

document.addEventListener('rowdesk:row-panel', event => fillPanel(event.detail));

// buttons of the requests and approvals pages: POST, then reload the page. They are rendered disabled
// so that a click before this script has run is not silently lost.
for (const button of document.querySelectorAll('[data-request-post]')) button.disabled = false;
document.addEventListener('click', async event => {
  const button = event.target.closest('[data-request-post]');
  if (!button) return;
  const body = {};
  if (button.dataset.comment) {
    const comment = window.prompt(button.dataset.comment === 'required' ? 'Why?' : 'Comment (optional)');
    if (comment === null) return;
    if (button.dataset.comment === 'required' && comment.trim() === '') return;
    body.comment = comment;
  }
  try {
    await api('POST', button.dataset.requestPost, body);
    window.location.reload();
  } catch (e) {
    alert(e.message);
  }
});
