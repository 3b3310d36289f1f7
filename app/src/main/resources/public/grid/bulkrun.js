// "Run action": one row action on many rows. The selected rows (by key), or every row of the grid's
// view (its English search and column filters, asked for as `q` + `all`). A dry run comes first:
// how many rows get a request, how many are left out and why, and what is sent for the first rows.
// Then the run, with a progress bar over the bulk run's counts and a button that stops what has not
// been sent. The server checks roles, `when` and approvals; this only asks and shows.
import { el, button } from '../dom.js';
import { count, humanize, label } from '../format.js';
import { api, stateLabel } from '../action-run.js';
import { describeFilter } from './filters.js';

const MAX_RUN_ROWS = 50000;     // ActionService.MAX_RUN_ROWS
const PREVIEW_ROWS = 3;
const POLL_MS = 400;
const KEY_CHUNK = 1000;

function plural(n, one, many) {
  return count(n) + ' ' + (n === 1 ? one : many);
}

/** A skip reason in the words of the business: the server's, with its own prefix reworded. */
function reasonText(reason) {
  const condition = /^the condition of this action does not hold: (.*)$/.exec(reason);
  if (condition) return 'the action does not apply to them (it applies where ' + condition[1] + ')';
  if (reason === 'no row with this key') return 'the row is no longer there';
  return reason;
}

export class BulkRun {
  constructor(grid) {
    this.grid = grid;
    this.node = document.createElement('dialog');
    this.node.className = 'bulk-run';
    this.node.setAttribute('aria-label', 'Run an action on many rows');
    this.node.addEventListener('close', () => this.closed());
    this.node.addEventListener('cancel', e => { if (this.busy) e.preventDefault(); });
  }

  // ---- what the run is on ----

  /** The rows the run is on: the selection's (when some, not all, are selected) or the view's. */
  scopes() {
    const grid = this.grid;
    const selected = grid.selection.count(grid.total);
    const scopes = [];
    if (selected > 0 && !grid.selection.all) {
      scopes.push({ kind: 'keys', rows: selected, text: selected === 1 ? 'The selected row' : 'The ' + count(selected) + ' selected rows' });
    }
    scopes.push({ kind: 'all', rows: grid.total, text: this.viewText() });
    return scopes;
  }

  /** "All 11 rows matching “pending” and Paid by is PayPal", "All 600 rows". */
  viewText() {
    const grid = this.grid;
    const what = [];
    if (grid.q) what.push('“' + grid.q + '”');
    grid.filters.forEach(f => what.push(describeFilter(f, grid.columns)));
    return 'All ' + plural(grid.total, 'row', 'rows') + (what.length ? ' matching ' + what.join(' and ') : ' of the table');
  }

  /** The run's body without the action's own choices: keys, or the view's search and filters. */
  async target(scope, definition) {
    const grid = this.grid;
    if (scope.kind === 'all') {
      const body = { all: true };
      if (grid.q) body.q = grid.q;
      if (grid.q && grid.removed.length) body.removed = grid.removed;
      if (grid.filters.length) body.filters = grid.filters;
      return body;
    }
    if (scope.rows > MAX_RUN_ROWS) throw new Error('A run takes at most ' + count(MAX_RUN_ROWS) + ' rows; narrow the search or the selection.');
    const index = grid.columns.findIndex(c => c.name === definition.key);
    if (index < 0) throw new Error('This table has no column ' + definition.key + ' to find the rows by.');
    const keys = [];
    for (const [a, b] of grid.selection.sortedRanges(grid.total)) {
      for (let offset = a; offset <= b; offset += KEY_CHUNK) {
        const rows = await grid.data.rows(offset, Math.min(KEY_CHUNK, b - offset + 1));
        rows.forEach(values => keys.push(values[index]));
      }
    }
    return { keys: keys };
  }

  // ---- the dialog ----

  open() {
    const runnable = this.grid.actions.runnable;
    if (!runnable.length) return;
    const scopes = this.scopes();
    this.state = { scopes: scopes, scope: scopes[0], action: runnable[0], inputs: {}, again: false };
    if (!this.node.isConnected) document.body.append(this.node);
    this.choose();
    if (!this.node.open) this.node.showModal();
  }

  frame(title) {
    this.node.innerHTML = '';
    const head = el('div', 'bulk-head');
    head.append(el('h2', 'bulk-title', title));
    const close = button('panel-close', '×', () => this.node.close());
    close.setAttribute('aria-label', 'Close');
    head.append(close);
    this.node.append(head);
    const body = el('div', 'bulk-body');
    this.node.append(body);
    const foot = el('div', 'bulk-foot');
    this.node.append(foot);
    return { body, foot };
  }

  problem(body, message) {
    const p = el('p', 'bulk-problem', message);
    p.setAttribute('role', 'alert');
    body.append(p);
  }

  /** Step 1: which rows, which action, and the action's inputs. */
  choose(problem) {
    const s = this.state;
    const { body, foot } = this.frame('Run an action');
    const rows = el('fieldset', 'bulk-choice');
    rows.append(el('legend', '', 'On'));
    s.scopes.forEach((scope, i) => {
      const item = el('label', 'bulk-option');
      const radio = document.createElement('input');
      radio.type = 'radio';
      radio.name = 'bulk-scope';
      radio.value = scope.kind;
      radio.checked = scope === s.scope;
      radio.addEventListener('change', () => { s.scope = s.scopes[i]; });
      item.append(radio, document.createTextNode(' ' + scope.text));
      rows.append(item);
    });
    const actions = el('fieldset', 'bulk-choice');
    actions.append(el('legend', '', 'Action'));
    this.grid.actions.runnable.forEach(action => {
      const item = el('label', 'bulk-option');
      const radio = document.createElement('input');
      radio.type = 'radio';
      radio.name = 'bulk-action';
      radio.value = action.name;
      radio.checked = action === s.action;
      radio.addEventListener('change', () => { s.action = action; this.choose(); });
      item.append(radio, document.createTextNode(' ' + action.label));
      const notes = [];
      if (action.approval && action.approval !== 'none') {
        notes.push(action.approval.when ? 'some rows need an approver’s OK first' : 'every request needs an approver’s OK first');
      }
      if (action.inputs && action.inputs.length) notes.push('asks for ' + action.inputs.map(n => humanize(n).toLowerCase()).join(', '));
      if (notes.length) item.append(el('span', 'muted bulk-note', ' · ' + notes.join(' · ')));
      actions.append(item);
    });
    body.append(rows, actions);
    const fields = [];
    for (const name of s.action.inputs || []) {
      const item = el('label', 'bulk-input');
      item.append(el('span', '', humanize(name)));
      const input = document.createElement('input');
      input.type = 'text';
      input.className = 'filter-input';
      input.name = name;
      input.value = s.inputs[name] || '';
      input.addEventListener('input', () => { s.inputs[name] = input.value; });
      item.append(input);
      fields.push(input);
      body.append(item);
    }
    if (problem) this.problem(body, problem);
    const preview = button('tool primary-tool bulk-preview', 'Preview', () => this.preview());
    foot.append(preview, button('tool', 'Close', () => this.node.close()));
    (fields.find(f => !f.value) || preview).focus();
  }

  body(extra) {
    const s = this.state;
    const inputs = {};
    (s.action.inputs || []).forEach(name => { inputs[name] = s.inputs[name] || ''; });
    return Object.assign({}, s.target, { inputs: inputs }, s.again ? { again: true } : {}, extra || {});
  }

  runUrl() {
    return '/api/v1/actions/' + encodeURIComponent(this.state.action.name) + '/run';
  }

  /** Step 2: the dry run. Nothing is created. */
  async preview() {
    const s = this.state;
    const missing = (s.action.inputs || []).filter(name => !(s.inputs[name] || '').trim());
    if (missing.length) { this.choose('Fill in ' + missing.map(n => humanize(n).toLowerCase()).join(', ') + ' first.'); return; }
    const { body } = this.frame('Checking the rows…');
    body.append(el('p', 'muted', 'Reading the rows and what would be sent…'));
    let answer;
    try {
      s.target = await this.target(s.scope, s.action);
      answer = await api('POST', this.runUrl(), this.body({ dry_run: true }));
    } catch (e) {
      this.choose(e.message);
      return;
    }
    this.showPreview(answer);
  }

  showPreview(answer) {
    const s = this.state;
    const previews = answer.dry_run || [];
    const fresh = previews.filter(p => !p.existing);
    const existing = previews.filter(p => p.existing);
    const waiting = fresh.filter(p => p.needs_approval).length;
    const { body, foot } = this.frame(s.action.label + ': preview');
    body.dataset.dryRun = '';
    const headline = el('p', 'bulk-headline', fresh.length
      ? plural(fresh.length, 'row gets a request', 'rows get a request')
      : 'No row gets a new request');
    headline.dataset.willRun = String(fresh.length);
    body.append(headline);
    const facts = el('ul', 'bulk-facts');
    if (waiting) facts.append(el('li', '', (waiting === fresh.length ? 'All of them wait' : plural(waiting, 'of them waits', 'of them wait'))
      + ' for an approver’s OK before anything is sent.'));
    if (existing.length) {
      const byState = {};
      existing.forEach(p => { byState[p.existing] = (byState[p.existing] || 0) + 1; });
      const parts = Object.entries(byState).map(([state, n]) => count(n) + ' ' + stateLabel(state).toLowerCase());
      facts.append(el('li', '', plural(existing.length, 'row has', 'rows have') + ' a request already (' + parts.join(', ')
        + ') and ' + (existing.length === 1 ? 'gets' : 'get') + ' no new one.'));
    }
    const skipped = answer.skipped || [];
    if (skipped.length) {
      const reasons = new Map();
      skipped.forEach(k => { const r = reasonText(k.reason); reasons.set(r, (reasons.get(r) || 0) + 1); });
      const item = el('li', 'bulk-skipped', plural(skipped.length, 'row is', 'rows are') + ' left out:');
      item.dataset.skipped = String(skipped.length);
      const list = el('ul');
      reasons.forEach((n, r) => list.append(el('li', '', count(n) + ' because ' + r)));
      item.append(list);
      facts.append(item);
    }
    if (facts.childElementCount) body.append(facts);
    if (existing.some(p => p.existing === 'succeeded') || s.again) {
      const again = el('label', 'bulk-option');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.checked = s.again;
      box.addEventListener('change', () => { s.again = box.checked; this.preview(); });
      again.append(box, document.createTextNode(' Send again to rows where it was sent already'));
      body.append(again);
    }
    const shown = fresh.slice(0, PREVIEW_ROWS);
    if (shown.length) {
      const keyColumn = this.grid.columns.find(c => c.name === s.action.key);
      const keyName = keyColumn ? label(keyColumn) : humanize(s.action.key);
      body.append(el('div', 'panel-subtitle', fresh.length > shown.length
        ? 'What is sent, for the first ' + count(shown.length) + ' of ' + count(fresh.length) + ' rows'
        : 'What is sent'));
      shown.forEach(p => {
        const item = el('div', 'bulk-payload');
        item.append(el('div', 'bulk-payload-row', keyName + ' ' + (typeof p.key === 'string' ? p.key : JSON.stringify(p.key))
          + (p.needs_approval ? ' · waits for approval' : '')));
        if (p.url) item.append(el('div', 'muted small', 'To ' + p.url));
        const pre = el('pre', 'payload', JSON.stringify(p.payload, null, 2));
        item.append(pre);
        body.append(item);
      });
    }
    if (fresh.length) {
      const run = button('tool primary-tool bulk-confirm', 'Run on ' + plural(fresh.length, 'row', 'rows'), () => this.run(fresh.length));
      foot.append(run);
      run.focus();
    }
    foot.append(button('tool', 'Back', () => this.choose()), button('tool', 'Close', () => this.node.close()));
  }

  /** Step 3: the run, then its progress until nothing is left to send. */
  async run(expected) {
    const s = this.state;
    const { body } = this.frame(s.action.label + ': starting…');
    body.append(el('p', 'muted', 'Creating ' + plural(expected, 'request', 'requests') + '…'));
    this.busy = true;
    let answer;
    try {
      answer = await api('POST', this.runUrl(), this.body());
    } catch (e) {
      this.busy = false;
      this.choose(e.message);
      return;
    } finally {
      this.busy = false;
    }
    const created = (answer.requests || []).filter(r => !r.existing);
    this.node.dataset.batch = answer.batch || '';
    this.progress = {
      batch: answer.batch || null,
      single: !answer.batch && created.length === 1 ? created[0].id : null,
      created: created.length,
      reused: (answer.requests || []).length - created.length,
      skipped: (answer.skipped || []).length,
      stopped: null,
      counts: null,
      view: null
    };
    if (!created.length) {
      this.finish('Nothing new was sent: every row has a request already, or none applies.');
      return;
    }
    this.grid.refreshRows();
    this.showProgress();
    this.poll();
  }

  async counts() {
    const p = this.progress;
    if (p.batch) return api('GET', '/api/v1/batches/' + encodeURIComponent(p.batch));
    const request = await api('GET', '/api/v1/requests/' + encodeURIComponent(p.single));
    const states = {};
    states[request.state] = 1;
    return { total: 1, states: states };
  }

  async poll() {
    clearTimeout(this.pollTimer);
    if (!this.node.open || !this.progress) return;
    try {
      this.progress.counts = await this.counts();
    } catch (e) {
      this.showProgress(e.message);
      this.pollTimer = setTimeout(() => this.poll(), POLL_MS * 3);
      return;
    }
    const settled = this.showProgress();
    if (settled) this.grid.refreshRows();
    else this.pollTimer = setTimeout(() => this.poll(), POLL_MS);
  }

  /** Draws the progress; answers whether nothing is queued or being sent any more. */
  showProgress(problem) {
    const s = this.state;
    const p = this.progress;
    if (!p.view) {
      // built once and then updated, so that focus stays on a button while the counts change
      const { body, foot } = this.frame('');
      const bar = el('div', 'bulk-bar');
      bar.setAttribute('role', 'progressbar');
      bar.setAttribute('aria-valuemin', '0');
      bar.setAttribute('aria-label', 'Requests finished');
      const line = el('p', 'bulk-counts');
      line.setAttribute('aria-live', 'polite');
      const notes = el('div', 'bulk-notes');
      const cancel = button('tool bulk-cancel', '', () => this.cancel());
      const requests = el('a', 'tool', 'See the requests');
      foot.append(cancel, el('span', 'grow'), requests, button('tool', 'Close', () => this.node.close()));
      body.append(bar, line, notes);
      p.view = { title: this.node.querySelector('.bulk-title'), bar, line, notes, cancel, requests };
    }
    const v = p.view;
    const c = p.counts || { total: p.created, states: {} };
    const n = state => Number((c.states || {})[state] || 0);
    const total = Number(c.total) || p.created;
    const sent = n('succeeded');
    const failed = n('failed');
    const waiting = n('pending_approval');
    const cancelled = n('cancelled');
    const rejected = n('rejected');
    const moving = n('queued') + n('sending');
    const settled = p.counts !== null && moving === 0;
    v.title.textContent = s.action.label + ': ' + (!settled ? 'sending ' + plural(total, 'request', 'requests')
      : waiting ? 'waiting for approval' : 'done');
    v.bar.setAttribute('aria-valuemax', String(total));
    v.bar.setAttribute('aria-valuenow', String(total - moving - waiting));
    v.bar.dataset.settled = String(settled);
    v.bar.innerHTML = '';
    [['sent', sent], ['failed', failed], ['waiting', waiting], ['stopped', cancelled + rejected]].forEach(([kind, value]) => {
      if (!value) return;
      const part = el('div', 'bulk-bar-part ' + kind);
      part.style.width = (100 * value / Math.max(1, total)) + '%';
      v.bar.append(part);
    });
    const parts = [count(sent) + ' of ' + count(total) + ' sent'];
    if (moving) parts.push(count(moving) + ' still to send');
    if (failed) parts.push(count(failed) + ' failed');
    if (waiting) parts.push(plural(waiting, 'waits', 'wait') + ' for approval');
    if (cancelled) parts.push(count(cancelled) + ' stopped');
    if (rejected) parts.push(count(rejected) + ' rejected');
    v.line.textContent = parts.join(' · ');
    v.line.dataset.sent = String(sent);
    v.line.dataset.total = String(total);
    v.notes.innerHTML = '';
    if (p.reused) v.notes.append(el('p', 'muted small', plural(p.reused, 'row had', 'rows had') + ' a request already and got no new one.'));
    if (p.skipped) v.notes.append(el('p', 'muted small', plural(p.skipped, 'row was', 'rows were') + ' left out (see the preview).'));
    if (p.stopped !== null) {
      const others = sent + failed + moving;
      const stopped = el('p', 'bulk-stopped', p.stopped
        ? 'Stopped ' + plural(p.stopped, 'request', 'requests') + ' that had not been sent.'
          + (others ? (settled ? ' The other ' + count(others) + ' had been sent already or were on their way.' : ' The ones already on their way finish.') : '')
        : 'Nothing was left to stop: every request had been sent or was on its way.');
      stopped.dataset.stopped = String(p.stopped);
      v.notes.append(stopped);
    }
    if (settled) {
      v.notes.append(el('p', 'bulk-done', failed
        ? count(failed) + ' could not be sent; a builder can resend them from Requests.'
        : waiting ? 'An approver decides on the waiting ones on the Approvals page; they are sent after that.' : 'Finished.'));
    }
    if (problem) this.problem(v.notes, problem);
    v.cancel.hidden = settled && !waiting;
    v.cancel.textContent = settled ? 'Cancel the waiting requests' : 'Stop what has not been sent';
    v.requests.href = '/requests?' + (p.batch ? 'batch=' + encodeURIComponent(p.batch) : 'action=' + encodeURIComponent(s.action.name))
      + (settled && failed ? '&state=failed' : '');
    return settled;
  }

  async cancel() {
    const p = this.progress;
    try {
      if (p.batch) {
        const answer = await api('POST', '/api/v1/batches/' + encodeURIComponent(p.batch) + '/cancel', {});
        p.stopped = (p.stopped || 0) + Number(answer.cancelled || 0);
      } else {
        try {
          await api('POST', '/api/v1/requests/' + encodeURIComponent(p.single) + '/cancel', {});
          p.stopped = (p.stopped || 0) + 1;
        } catch (e) {
          p.stopped = p.stopped || 0;   // sent or on its way already
        }
      }
    } catch (e) {
      this.showProgress(e.message);
      return;
    }
    this.poll();
  }

  finish(message) {
    const s = this.state;
    const { body, foot } = this.frame(s.action.label);
    body.append(el('p', 'bulk-done', message));
    foot.append(button('tool', 'Close', () => this.node.close()));
  }

  closed() {
    clearTimeout(this.pollTimer);
    delete this.node.dataset.batch;
    if (this.progress) this.grid.refreshRows();
    this.progress = null;
    this.node.innerHTML = '';
  }
}
