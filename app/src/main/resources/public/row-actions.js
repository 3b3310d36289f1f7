// Row actions in the grid's row panel, and the buttons of the requests and approvals pages.
// An ES module of its own: grid.js only announces its row panel ('rowdesk:row-panel').

import { el } from './dom.js';
import { api, actionsOf, runOnRow, stateLabel } from './action-run.js';

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
        const badge = el('span', 'state state-' + action.state, stateLabel(action.state));
        badge.dataset.state = action.state;
        line.append(badge);
      }
      button.addEventListener('click', () => runOnRow(action, columns, values, key).then(answer => {
        // the grid's actions column shows the row's new state too
        if (answer) document.dispatchEvent(new CustomEvent('rowdesk:row-action-ran', { detail: { relation: relation, key: key } }));
        return render();
      }).catch(e => alert(e.message)));
      list.append(line);
    }
  };
  render().catch(e => list.append(el('p', 'muted', e.message)));
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
