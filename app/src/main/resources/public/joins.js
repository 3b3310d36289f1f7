// "Join two tables" on the Sources page: ranked join keys for two tables with their measured
// overlap, then a view made from one in a click, named by the language model when one is
// configured (else "<left>_with_<right>"), and a link to open it.
import { el, button } from './dom.js';
import { getJson, sendJson } from './api.js';
import { count } from './format.js';

const section = document.querySelector('[data-joins]');
if (section) {
  const form = section.querySelector('[data-join-pick]');
  const results = section.querySelector('[data-join-results]');
  form.querySelector('button').disabled = false;
  form.addEventListener('submit', event => {
    event.preventDefault();
    suggest(form.elements.left.value, form.elements.right.value, results);
  });
}

function percent(share) {
  return Math.round(share * 100) + '%';
}

function problem(node, message) {
  const p = el('p', 'join-problem', message);
  p.setAttribute('role', 'alert');
  node.append(p);
}

async function suggest(left, right, results) {
  results.innerHTML = '';
  if (left === right) { problem(results, 'Pick two different tables.'); return; }
  results.append(el('p', 'muted', 'Measuring which values match…'));
  const answer = await getJson('/api/v1/joins/suggestions?left=' + encodeURIComponent(left) + '&right=' + encodeURIComponent(right));
  results.innerHTML = '';
  if (!answer.ok) { problem(results, answer.body.error); return; }
  const suggestions = answer.body.suggestions;
  if (!suggestions.length) {
    results.append(el('p', 'muted', 'No columns of ' + left + ' and ' + right + ' look joinable: no names alike with matching values.'));
    return;
  }
  const table = el('table', 'sources-table join-table');
  const head = el('tr');
  ['Join on', 'Values in both', 'Share of ' + left + ' matched', 'Share of ' + right + ' matched', ''].forEach(h => head.append(el('th', '', h)));
  table.append(el('thead'));
  table.tHead.append(head);
  const body = el('tbody');
  suggestions.slice(0, 5).forEach((s, i) => {
    const row = el('tr');
    row.dataset.joinColumns = s.left_column + '=' + s.right_column;
    const on = el('td');
    on.append(el('code', '', left + '.' + s.left_column + ' = ' + right + '.' + s.right_column));
    if (i === 0) on.append(el('span', 'badge best', 'best match'));
    if (s.right_unique) on.append(el('div', 'muted small', 'each ' + left + ' row matches at most one ' + right + ' row'));
    row.append(on, el('td', 'num', count(s.matched_values)), el('td', 'num', percent(s.left_coverage)), el('td', 'num', percent(s.right_coverage)));
    const act = el('td');
    act.append(button('tool small', 'Create a view…', () => propose(left, right, s, row)));
    row.append(act);
    body.append(row);
  });
  table.append(body);
  results.append(table);
}

async function propose(left, right, s, row) {
  const old = row.parentNode.querySelector('.join-create');
  if (old) old.remove();
  const holder = el('tr', 'join-create');
  const cell = el('td');
  cell.colSpan = 5;
  holder.append(cell);
  row.after(holder);
  cell.append(el('p', 'muted', 'Proposing a name…'));
  const pair = { left: left, right: right, left_column: s.left_column, right_column: s.right_column };
  const answer = await sendJson('POST', '/api/v1/joins/proposal', pair);
  cell.innerHTML = '';
  if (!answer.ok) { problem(cell, answer.body.error); return; }
  const proposal = answer.body;
  const name = document.createElement('input');
  name.type = 'text';
  name.className = 'filter-input join-name';
  name.value = proposal.name;
  name.maxLength = 40;
  name.setAttribute('aria-label', 'Name of the new view');
  const columns = proposal.columns.length
    ? proposal.columns.map(c => c.split('.')[1]).join(', ')
    : 'every column of both tables';
  const who = proposal.by === 'llm' ? 'Name and columns proposed by AI. ' : '';
  const status = el('span', 'muted small');
  const create = button('tool small primary-tool', 'Create view', async () => {
    create.disabled = true;
    status.textContent = ' Creating the view and reading its rows…';
    const saved = await sendJson('POST', '/api/v1/joins', Object.assign({ name: name.value.trim(), columns: proposal.columns }, pair));
    create.disabled = false;
    status.textContent = '';
    cell.querySelectorAll('.join-problem').forEach(p => p.remove());
    if (!saved.ok) { problem(cell, saved.body.error); return; }
    cell.innerHTML = '';
    const done = el('p', 'join-done', 'Created ' + saved.body.name + ' with ' + count(saved.body.row_count) + ' rows. ');
    const open = el('a', '', 'Open it →');
    open.href = saved.body.link;
    done.append(open);
    cell.append(done);
  });
  const line = el('div', 'filter-row');
  line.append(el('label', '', 'Name '), name, create, status);
  cell.append(line, el('p', 'muted small', who + 'Columns: ' + columns + '.'));
  name.focus();
}
