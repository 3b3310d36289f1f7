// The builder's editor on /actions: a form over one definition (the shape of `actions:` in
// rowdesk.yaml), a live preview of its request on a real row, "Send a test", save and delete.
// The server's parser decides what is valid; its problems name a key path, shown by that field.

import { el } from './dom.js';
import { sendJson } from './api.js';

const ACTIONS = '/api/v1/actions';
const PREVIEW = '/api/v1/actions/preview';
const TEST = '/api/v1/actions/test';
const DEBOUNCE_MS = 350;

const section = document.querySelector('[data-action-editor]');
if (section) start(section);

function start(section) {
  const model = JSON.parse(section.dataset.editor);
  const form = section.querySelector('form');
  const field = name => form.elements.namedItem(name);
  const previewKey = section.querySelector('input[name=preview_key]');
  const relations = new Map(model.relations.map(r => [r.name, r.columns]));
  let editing = null; // the stored definition (masked) being edited, or null for a new one
  const touched = new Set(); // data-paths of the fields typed in: their problems show at once
  let saveTried = false; // after a save, every problem shows
  let previewTimer = 0;
  let previewAbort = null;

  fillSelect(field('relation'), [''].concat(model.relations.map(r => r.name)), '(choose a relation)');
  fillSelect(field('source'), model.postgres_sources, null);
  if (!model.postgres_sources.length) {
    field('source').append(option('', '(no postgres source is configured)'));
  }

  function option(value, text) {
    const o = el('option', null, text === undefined ? value : text);
    o.value = value;
    return o;
  }

  function fillSelect(select, values, blankLabel) {
    select.innerHTML = '';
    for (const v of values) select.append(option(v, v === '' && blankLabel ? blankLabel : v));
  }

  function fillKeys(selected) {
    const columns = relations.get(field('relation').value) || [];
    fillSelect(field('key'), columns, null);
    if (selected && columns.includes(selected)) field('key').value = selected;
    else if (columns.length) field('key').value = columns[0];
  }

  // a starting body for a new action: the row's key and who ran it
  function suggestPayload() {
    const key = field('key').value;
    if (editing || !key || field('payload').value.trim() !== '') return;
    set('payload', '{\n  "' + key + '": {{row.' + key + '}},\n  "requested_by": {{user.email}}\n}');
  }

  function checked(name) {
    return Array.from(form.querySelectorAll('input[name=' + name + ']')).filter(c => c.checked).map(c => c.value);
  }

  function setChecked(name, values) {
    form.querySelectorAll('input[name=' + name + ']').forEach(c => { c.checked = values.includes(c.value); });
  }

  // what fields show: those of the destination kind, the auth kind, and an approval's
  function showFields() {
    const kind = field('kind').value;
    const auth = field('auth').value;
    form.querySelectorAll('[data-kind]').forEach(n => { n.hidden = !n.dataset.kind.split(' ').includes(kind); });
    form.querySelectorAll('[data-auth]').forEach(n => { n.hidden = n.hidden || n.dataset.auth !== auth; });
    const approval = field('approval').value !== 'none';
    form.querySelectorAll('[data-approval]').forEach(n => { n.hidden = !approval; });
  }

  function text(name) {
    const value = field(name).value.trim();
    return value === '' ? undefined : value;
  }

  // the form as a definition; keys the form does not show (concurrency, rate_per_second) are kept
  function definition() {
    const d = {};
    const put = (obj, key, value) => { if (value !== undefined && value !== '') obj[key] = value; };
    put(d, 'name', text('name'));
    put(d, 'label', text('label'));
    put(d, 'relation', text('relation'));
    put(d, 'key', text('key'));
    put(d, 'when', text('when'));
    d.roles = [field('run_role').value];
    put(d, 'confirm', text('confirm'));
    const inputs = (field('inputs').value || '').split(',').map(s => s.trim()).filter(s => s);
    if (inputs.length) d.inputs = inputs;
    if (field('approval').value === 'none') {
      d.approval = 'none';
    } else {
      d.approval = { approvals: Number(field('approval').value) };
      put(d.approval, 'when', text('approval_when'));
      const roles = checked('approval_roles');
      d.approval.roles = ['admin'].concat(roles);
    }
    const kind = field('kind').value;
    const before = editing && editing.destination && editing.destination.kind === kind ? editing.destination : {};
    const dest = { kind: kind };
    for (const k of ['concurrency', 'rate_per_second']) put(dest, k, before[k]);
    put(dest, 'timeout', text('timeout'));
    const retry = {};
    const attempts = text('retry_attempts');
    if (attempts !== undefined) retry.attempts = /^\d+$/.test(attempts) ? Number(attempts) : attempts;
    put(retry, 'initial', text('retry_initial'));
    put(retry, 'max', text('retry_max'));
    if (Object.keys(retry).length) dest.retry = retry;
    if (kind === 'webhook') {
      put(dest, 'url', text('url'));
      put(dest, 'signing_secret', text('signing_secret'));
    } else if (kind === 'http') {
      dest.method = field('method').value;
      put(dest, 'url', text('http_url'));
      const headers = {};
      for (const line of field('headers').value.split('\n')) {
        const i = line.indexOf(':');
        if (i > 0) headers[line.slice(0, i).trim()] = line.slice(i + 1).trim();
      }
      if (Object.keys(headers).length) dest.headers = headers;
      const auth = field('auth').value;
      if (auth !== 'none') {
        const a = { kind: auth };
        if (auth === 'bearer') put(a, 'token', text('token'));
        if (auth === 'basic') { put(a, 'user', text('auth_user')); put(a, 'password', text('password')); }
        if (auth === 'oauth2_client_credentials') {
          put(a, 'token_url', text('token_url'));
          put(a, 'client_id', text('client_id'));
          put(a, 'client_secret', text('client_secret'));
          put(a, 'scope', text('scope'));
        }
        dest.auth = a;
      }
    } else {
      put(dest, 'source', text('source'));
      put(dest, 'statement', text('statement'));
    }
    d.destination = dest;
    if (kind !== 'postgres') put(d, 'payload', field('payload').value.trim());
    return d;
  }

  function set(name, value) {
    const f = field(name);
    if (f) f.value = value === undefined || value === null ? '' : String(value);
  }

  function load(d) {
    form.reset();
    const dest = d.destination || {};
    const auth = dest.auth || {};
    set('name', d.name);
    field('name').readOnly = editing !== null;
    set('label', d.label);
    set('relation', d.relation || '');
    fillKeys(d.key);
    set('when', d.when);
    const roles = toList(d.roles, ['builder']).map(r => r.toLowerCase());
    set('run_role', ['viewer', 'builder', 'admin'].find(r => roles.includes(r)) || 'admin');
    set('confirm', d.confirm);
    set('inputs', toList(d.inputs, []).join(', '));
    const approval = d.approval && typeof d.approval === 'object' ? d.approval : null;
    set('approval', approval ? String(approval.approvals || 1) : 'none');
    set('approval_when', approval ? approval.when : '');
    setChecked('approval_roles', approval ? toList(approval.roles, []) : []);
    set('kind', dest.kind || 'webhook');
    set('url', dest.kind === 'webhook' || !dest.kind ? dest.url : '');
    set('http_url', dest.kind === 'http' ? dest.url : '');
    set('signing_secret', dest.signing_secret);
    set('method', (dest.method || 'POST').toUpperCase());
    set('headers', Object.entries(dest.headers || {}).map(([k, v]) => k + ': ' + v).join('\n'));
    set('auth', auth.kind || 'none');
    set('token', auth.token);
    set('auth_user', auth.user);
    set('password', auth.password);
    set('token_url', auth.token_url);
    set('client_id', auth.client_id);
    set('client_secret', auth.client_secret);
    set('scope', auth.scope);
    if (dest.source) set('source', dest.source);
    set('statement', dest.statement);
    set('timeout', dest.timeout);
    const retry = dest.retry || {};
    set('retry_attempts', retry.attempts);
    set('retry_initial', retry.initial);
    set('retry_max', retry.max);
    set('payload', d.payload);
    previewKey.value = '';
    showFields();
  }

  function toList(value, fallback) {
    if (value === undefined || value === null) return fallback;
    return Array.isArray(value) ? value.map(String) : [String(value)];
  }

  function open(name) {
    editing = name ? model.definitions[name] : null;
    section.querySelector('[data-editor-heading]').textContent = name ? 'Edit “' + (editing.label || name) + '”' : 'New action';
    section.querySelector('[data-delete]').hidden = !name;
    section.querySelector('[data-config-note]').hidden = true;
    const card = name ? document.querySelector('[data-action-name="' + CSS.escape(name) + '"]') : null;
    if (card && card.textContent.includes('from rowdesk.yaml')) section.querySelector('[data-config-note]').hidden = false;
    load(editing || { roles: ['builder'], destination: { kind: 'webhook' } });
    if (!editing && model.relations.length === 1) {
      set('relation', model.relations[0].name);
      fillKeys();
      suggestPayload();
    }
    touched.clear();
    saveTried = false;
    nameTyped = false;
    clearProblems();
    section.querySelector('[data-test-result]').hidden = true;
    section.hidden = false;
    section.scrollIntoView({ block: 'start' });
    field('label').focus();
    schedulePreview(0);
  }

  // --- problems next to their fields -------------------------------------------------------------

  function clearProblems() {
    form.querySelectorAll('.field-problem').forEach(n => n.remove());
    form.querySelectorAll('.has-problem').forEach(n => n.classList.remove('has-problem'));
    const general = section.querySelector('[data-general-problems]');
    general.innerHTML = '';
    general.hidden = true;
  }

  // "action.destination.url: must be https ..." goes under the field whose data-path is the longest
  // prefix of destination.url; what names no field goes to the box above the buttons
  function showProblems(problems, all) {
    clearProblems();
    const general = section.querySelector('[data-general-problems]');
    const fields = Array.from(form.querySelectorAll('[data-path]')).filter(n => !n.closest('[hidden]'));
    for (const problem of problems) {
      const m = /^action(?:\.([A-Za-z0-9_.]+))?: ([\s\S]*)$/.exec(problem);
      const path = m && m[1] ? m[1] : '';
      const message = m ? m[2] : problem;
      let best = null;
      for (const f of fields) {
        const p = f.dataset.path;
        if (path && (path === p || path.startsWith(p + '.')) && (!best || p.length > best.dataset.path.length)) best = f;
      }
      if (!all && !(best && touched.has(best.dataset.path))) continue;
      if (best) {
        best.classList.add('has-problem');
        best.append(el('span', 'field-problem', message));
      } else {
        general.append(el('p', 'field-problem', path ? path + ': ' + message : message));
        general.hidden = false;
      }
    }
  }

  // --- the live preview ------------------------------------------------------------------------

  function schedulePreview(delay) {
    clearTimeout(previewTimer);
    previewTimer = setTimeout(preview, delay === undefined ? DEBOUNCE_MS : delay);
  }

  function keyValue() {
    const k = previewKey.value.trim();
    if (k === '') return undefined;
    return /^-?\d+$/.test(k) && k.length < 16 ? Number(k) : k;
  }

  async function preview() {
    if (previewAbort) previewAbort.abort();
    previewAbort = new AbortController();
    const rowLine = section.querySelector('[data-preview-row]');
    const problemsBox = section.querySelector('[data-preview-problems]');
    const request = section.querySelector('[data-preview-request]');
    if (!field('relation').value) {
      rowLine.textContent = 'Choose a relation to see the request on a real row.';
      request.hidden = true;
      problemsBox.hidden = true;
      return;
    }
    let answer;
    try {
      answer = await sendJson('POST', PREVIEW, { definition: definition(), key: keyValue() }, previewAbort.signal);
    } catch (e) {
      if (e.name === 'AbortError') return;
      throw e;
    }
    if (!answer.ok) {
      rowLine.textContent = (answer.body && answer.body.error) || 'The preview could not be made.';
      request.hidden = true;
      return;
    }
    const p = answer.body;
    section.dataset.previewed = 'true';
    rowLine.innerHTML = '';
    if (p.row_key !== null && p.row_key !== undefined) {
      rowLine.append('On row ', el('strong', null, typeof p.row_key === 'string' ? p.row_key : JSON.stringify(p.row_key)), ' of ' + field('relation').value + ': ');
      const holds = el('span', 'when-state ' + (p.when_holds === false ? 'no' : 'yes'),
        p.when_holds === false ? 'the button does not show on this row (its condition does not hold)'
          : p.when_holds === null ? 'the condition is not valid yet' : 'the button shows on this row');
      holds.dataset.whenHolds = String(p.when_holds);
      rowLine.append(holds);
    } else {
      rowLine.textContent = 'No row to preview on.';
    }
    const formProblems = p.problems.filter(x => x.startsWith('action'));
    const rowProblems = p.problems.filter(x => !x.startsWith('action')).map(x => x.replace(/^row: /, ''));
    if (formProblems.length) {
      rowProblems.push(formProblems.length === 1 ? 'One thing to fix before this can be saved.' : formProblems.length + ' things to fix before this can be saved.');
    }
    problemsBox.innerHTML = '';
    problemsBox.hidden = rowProblems.length === 0;
    for (const problem of rowProblems) problemsBox.append(el('p', 'field-problem', problem));
    showProblems(formProblems, saveTried);
    const target = section.querySelector('[data-preview-target]');
    const headers = section.querySelector('[data-preview-headers]');
    const body = section.querySelector('[data-preview-body]');
    const params = section.querySelector('[data-preview-params]');
    target.textContent = p.url ? (p.method || 'POST') + ' ' + p.url : '';
    headers.innerHTML = '';
    for (const [name, value] of Object.entries(p.headers || {})) {
      const tr = el('tr');
      tr.append(el('th', null, name), el('td', null, value));
      headers.append(tr);
    }
    if (p.statement) {
      body.textContent = p.statement;
    } else {
      body.textContent = p.payload === null || p.payload === undefined ? '' : JSON.stringify(p.payload, null, 2);
    }
    body.hidden = body.textContent === '';
    params.innerHTML = '';
    (p.params || []).forEach((v, i) => params.append(el('li', null, '$' + (i + 1) + ' = ' + JSON.stringify(v))));
    params.hidden = !(p.params && p.params.length);
    request.hidden = !(p.url || p.statement || p.payload !== null);
  }

  // --- test, save, delete -----------------------------------------------------------------------

  async function sendTest() {
    const box = section.querySelector('[data-test-result]');
    const buttonNode = section.querySelector('[data-send-test]');
    buttonNode.disabled = true;
    box.hidden = false;
    box.className = 'test-result';
    box.textContent = 'Sending…';
    try {
      const answer = await sendJson('POST', TEST, { definition: definition(), key: keyValue() });
      box.innerHTML = '';
      if (!answer.ok) {
        box.classList.add('failed');
        box.append(el('strong', null, 'Not sent: '), (answer.body && answer.body.error) || ('HTTP ' + answer.status));
        if (answer.body && answer.body.problems) showProblems(answer.body.problems, true);
        return;
      }
      const t = answer.body;
      box.classList.add(t.outcome === 'succeeded' ? 'succeeded' : 'failed');
      box.dataset.outcome = t.outcome;
      const head = el('div', 'test-head');
      head.append(el('strong', null, t.outcome === 'succeeded' ? 'Delivered' : 'Not delivered'),
        ' · ' + (t.status_code ? 'HTTP ' + t.status_code + ' ' : '') + 'in ' + t.duration_ms + ' ms' +
        (t.error ? ' (' + t.error + ')' : '') + ' · row ' + JSON.stringify(t.row_key));
      box.append(head, el('div', 'muted small mono', 'id ' + t.id));
      if (t.response) box.append(el('pre', 'payload', t.response));
    } finally {
      buttonNode.disabled = false;
    }
  }

  async function save(event) {
    event.preventDefault();
    saveTried = true;
    const d = definition();
    const answer = editing
      ? await sendJson('PUT', ACTIONS + '/' + encodeURIComponent(editing.name), d)
      : await sendJson('POST', ACTIONS, d);
    if (answer.ok) {
      location.href = location.pathname + '?saved=' + encodeURIComponent(d.name || '');
      return;
    }
    const body = answer.body || {};
    showProblems(body.problems || [body.error || ('HTTP ' + answer.status)], true);
    const first = form.querySelector('.has-problem');
    if (first) first.scrollIntoView({ block: 'center' });
  }

  async function remove() {
    if (!editing || !window.confirm('Delete “' + (editing.label || editing.name) + '”? Its button disappears from every row; past requests stay.')) return;
    const answer = await sendJson('DELETE', ACTIONS + '/' + encodeURIComponent(editing.name));
    if (answer.ok) {
      location.href = location.pathname;
    } else {
      showProblems([(answer.body && answer.body.error) || ('HTTP ' + answer.status)], true);
    }
  }

  // a new action's name follows its label until the builder types a name of their own
  let nameTyped = false;
  field('name').addEventListener('input', () => { nameTyped = true; });
  field('label').addEventListener('input', () => {
    if (editing || nameTyped) return;
    set('name', field('label').value.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').replace(/^(\d)/, '_$1'));
  });

  form.addEventListener('input', event => {
    const f = event.target.closest('[data-path]');
    if (f) touched.add(f.dataset.path);
    schedulePreview();
  });
  previewKey.addEventListener('input', () => schedulePreview());
  form.addEventListener('change', event => {
    const f = event.target.closest('[data-path]');
    if (f) touched.add(f.dataset.path);
    if (event.target === field('relation')) { fillKeys(); suggestPayload(); }
    showFields();
    schedulePreview();
  });
  form.addEventListener('submit', save);
  section.querySelector('[data-cancel]').addEventListener('click', () => { section.hidden = true; editing = null; });
  section.querySelector('[data-delete]').addEventListener('click', remove);
  section.querySelector('[data-send-test]').addEventListener('click', sendTest);

  const newButton = document.querySelector('[data-new-action]');
  newButton.addEventListener('click', () => open(null));
  newButton.disabled = false;
  document.querySelectorAll('[data-edit]').forEach(b => {
    b.addEventListener('click', () => open(b.dataset.edit));
    b.disabled = false;
  });
  const params = new URLSearchParams(location.search);
  if (params.get('saved')) {
    const note = el('p', 'saved-note', 'Saved “' + params.get('saved') + '”. Its button shows on the rows of its relation.');
    section.after(note);
    history.replaceState(null, '', location.pathname);
  }
  if (params.get('edit') && model.definitions[params.get('edit')]) open(params.get('edit'));
}
