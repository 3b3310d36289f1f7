// Rowdesk search bar: plain English above the grid. As the user types (debounced), the question goes
// to POST /api/v1/search; the interpretation shows as removable chips; row results filter the grid,
// aggregate results show as a table and, when grouped by a category or a date, as a chart. An older
// answer never overwrites a newer one.
import { el } from './dom.js';
import { getJson, postJson } from './api.js';
import { format, isNumberType } from './format.js';

const DEBOUNCE_MS = 250;

class SearchBar {
  constructor(root) {
    this.root = root;
    this.relation = root.dataset.relation;
    this.searchUrl = root.dataset.searchUrl;
    this.sqlUrl = root.dataset.sqlUrl;
    this.canEditSql = root.dataset.canEditSql === 'true';
    this.input = root.querySelector('.search-input');
    this.badge = root.querySelector('.engine-badge');
    this.chips = root.querySelector('.chips');
    this.message = root.querySelector('.search-message');
    this.sqlBox = root.querySelector('.sql-toggle');
    this.sqlText = root.querySelector('.sql-text');
    this.runSql = root.querySelector('.run-sql');
    this.suggestList = root.querySelector('.suggest-list');
    this.aggregate = document.querySelector('.aggregate-result');
    this.gridRoot = document.querySelector('[data-grid]');
    this.removed = [];
    this.sequence = 0;
    this.vocabulary = null;
    this.highlighted = -1;

    this.input.addEventListener('input', () => { this.removed = []; this.engine = 'auto'; this.schedule(); this.suggest(); });
    this.input.addEventListener('keydown', e => this.onKey(e));
    this.input.addEventListener('blur', () => setTimeout(() => { this.suggestList.hidden = true; }, 150));
    if (this.runSql) this.runSql.addEventListener('click', () => this.runEditedSql());
    this.engine = 'auto';
    const ask = root.querySelector('.ask-llm');
    if (ask) ask.addEventListener('click', () => { this.engine = 'llm'; this.removed = []; this.schedule(0); });
    getJson(root.dataset.suggestionsUrl).then(answer => { this.vocabulary = answer.ok ? answer.body : null; });
    const initial = new URLSearchParams(location.search).get('q');
    if (initial) { this.input.value = initial; this.schedule(0); }
  }

  grid() {
    return this.gridRoot && this.gridRoot.grid;
  }

  schedule(delay) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.search(), delay === undefined ? DEBOUNCE_MS : delay);
  }

  async search() {
    const q = this.input.value.trim();
    const sequence = ++this.sequence;
    if (!q) {
      this.show(null);
      if (this.grid()) this.grid().setSearch('', [], null);
      return;
    }
    this.root.classList.add('busy');
    const answer = await postJson(this.searchUrl,
      { q: q, relation: this.relation, limit: 1000, removed: this.removed, engine: this.engine });
    if (sequence !== this.sequence) return; // a newer question was asked meanwhile
    this.root.classList.remove('busy');
    if (answer.redirected) return;
    const body = answer.body;
    if (!answer.ok) { this.showProblem(body); return; }
    this.show(body);
    const aggregate = body.chips.some(c => c.id === 'agg' || c.id === 'group');
    if (aggregate) {
      this.showAggregate(body);
    } else {
      this.hideAggregate();
      if (this.grid()) this.grid().setSearch(q, this.removed, body.total);
    }
    this.writeUrl(q);
  }

  writeUrl(q) {
    const params = new URLSearchParams(location.search);
    if (q) params.set('q', q); else params.delete('q');
    history.replaceState(null, '', location.pathname + '?' + params.toString());
  }

  show(body) {
    this.chips.innerHTML = '';
    this.message.textContent = '';
    this.message.className = 'search-message';
    if (!body) {
      this.badge.hidden = true;
      this.sqlBox.hidden = true;
      this.hideAggregate();
      return;
    }
    this.badge.hidden = false;
    this.badge.textContent = body.engine === 'llm' ? 'LLM' : 'local';
    this.badge.className = 'engine-badge ' + body.engine;
    this.badge.title = body.engine === 'llm' ? 'Translated by the configured language model' : 'Translated instantly on this server';
    body.chips.forEach(chip => this.chips.append(this.chip(chip)));
    this.message.textContent = body.total.toLocaleString('en-US') + (body.total === 1 ? ' row' : ' rows')
      + (body.notice ? ' · ' + body.notice : '');
    this.sqlBox.hidden = false;
    this.sqlText.value = body.sql;
    this.sqlText.readOnly = !this.canEditSql;
  }

  chip(chip) {
    const node = el('span', 'chip', chip.label);
    node.dataset.chip = chip.id;
    const remove = el('button', 'chip-remove', '×');
    remove.type = 'button';
    remove.setAttribute('aria-label', 'Remove ' + chip.label);
    remove.addEventListener('click', () => { this.removed.push(chip.id); this.schedule(0); });
    node.append(remove);
    return node;
  }

  showProblem(body) {
    this.chips.innerHTML = '';
    (body.chips || []).forEach(chip => this.chips.append(el('span', 'chip partial', chip.label)));
    this.message.className = 'search-message problem';
    this.message.textContent = body.error || 'That search did not work.';
    const unmatched = body.unmatched || [];
    const suggestions = (body.suggestions || []).slice(0, 6);
    if (suggestions.length && unmatched.length) {
      const list = el('span', 'suggestions');
      suggestions.forEach(s => {
        const button = el('button', 'suggestion', s);
        button.type = 'button';
        button.addEventListener('click', () => {
          this.input.value = this.input.value.replace(new RegExp('\\b' + unmatched[0].replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '\\b', 'i'), s);
          this.removed = [];
          this.schedule(0);
        });
        list.append(button);
      });
      this.message.append(document.createElement('br'), el('span', 'muted', 'Try: '), list);
    }
    this.badge.hidden = true;
    // the grid keeps showing the last good answer: a failed search is never an empty grid
  }

  hideAggregate() {
    if (!this.aggregate) return;
    this.aggregate.hidden = true;
    if (this.chart) { this.chart.destroy(); this.chart = null; }
    if (this.gridRoot) this.gridRoot.hidden = false;
  }

  showAggregate(body) {
    this.aggregate.hidden = false;
    if (this.gridRoot) this.gridRoot.hidden = true;
    const table = this.aggregate.querySelector('table');
    table.innerHTML = '';
    const head = el('tr');
    body.columns.forEach(c => head.append(el('th', isNumberType(c.type) ? 'num' : '', c.name)));
    const thead = el('thead');
    thead.append(head);
    const tbody = el('tbody');
    body.rows.forEach(row => {
      const tr = el('tr');
      row.forEach((value, i) => {
        const shown = format(value, body.columns[i]);
        tr.append(el('td', shown.cls, shown.text));
      });
      tbody.append(tr);
    });
    table.append(thead, tbody);
    this.drawChart(body);
  }

  /** A bar chart for a category, a line for dates; only for one group column and one measure. */
  drawChart(body) {
    const canvas = this.aggregate.querySelector('canvas');
    if (this.chart) { this.chart.destroy(); this.chart = null; }
    const cols = body.columns;
    const chartable = cols.length === 2 && body.rows.length > 1 && body.rows.length <= 200
      && isNumberType(cols[1].type) && !isNumberType(cols[0].type);
    canvas.parentElement.hidden = !chartable || typeof Chart === 'undefined';
    if (canvas.parentElement.hidden) return;
    const isTime = /TIMESTAMP|DATE/.test(cols[0].type);
    const labels = body.rows.map(r => format(r[0], cols[0]).text.replace(/ 00:00:00$/, ''));
    this.chart = new Chart(canvas, {
      type: isTime ? 'line' : 'bar',
      data: { labels: labels, datasets: [{ label: cols[1].name, data: body.rows.map(r => Number(r[1])),
        backgroundColor: 'rgba(47, 111, 237, 0.55)', borderColor: '#2f6fed', borderWidth: isTime ? 2 : 0, tension: 0.2 }] },
      options: { animation: false, responsive: true, maintainAspectRatio: false,
        plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true } } }
    });
  }

  async runEditedSql() {
    const sequence = ++this.sequence;
    const answer = await postJson(this.sqlUrl, { sql: this.sqlText.value, limit: 1000 });
    if (sequence !== this.sequence || answer.redirected) return;
    const body = answer.body;
    if (!answer.ok) { this.showProblem(body); return; }
    this.chips.innerHTML = '';
    this.chips.append(el('span', 'chip', 'your SQL'));
    this.message.className = 'search-message';
    this.message.textContent = body.total.toLocaleString('en-US') + ' rows' + (body.truncated ? ' (first ' + body.total + ')' : '');
    this.showAggregate(body);
  }

  // ---- suggestions while typing: columns and values that start with the word being typed ----
  suggest() {
    const word = (/([a-z0-9_]+)$/i.exec(this.input.value) || [])[1];
    this.suggestList.innerHTML = '';
    this.highlighted = -1;
    if (!word || word.length < 2 || !this.vocabulary) { this.suggestList.hidden = true; return; }
    const lower = word.toLowerCase();
    const seen = new Set();
    const items = [];
    this.vocabulary.columns.forEach(c => {
      if (c.toLowerCase().startsWith(lower) && !seen.has(c)) { seen.add(c); items.push({ text: c.replace(/_/g, ' '), kind: 'column' }); }
    });
    this.vocabulary.values.forEach(v => {
      const text = v.value.toLowerCase().replace(/_/g, ' ');
      if (text.startsWith(lower) && !seen.has(text)) { seen.add(text); items.push({ text: text, kind: v.column.replace(/_/g, ' ') }); }
    });
    if (!items.length || (items.length === 1 && items[0].text === lower)) { this.suggestList.hidden = true; return; }
    items.slice(0, 8).forEach(item => {
      const li = el('li', 'suggest-item');
      li.append(el('span', '', item.text), el('span', 'muted', item.kind));
      li.addEventListener('mousedown', e => { e.preventDefault(); this.accept(item.text); });
      this.suggestList.append(li);
    });
    this.suggestList.hidden = false;
  }

  accept(text) {
    this.input.value = this.input.value.replace(/([a-z0-9_]+)$/i, text) + ' ';
    this.suggestList.hidden = true;
    this.removed = [];
    this.schedule(0);
    this.input.focus();
  }

  onKey(event) {
    const items = [...this.suggestList.children];
    if (this.suggestList.hidden || !items.length) {
      if (event.key === 'Enter') { event.preventDefault(); this.schedule(0); }
      return;
    }
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      this.highlighted = (this.highlighted + (event.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
      items.forEach((li, i) => li.classList.toggle('active', i === this.highlighted));
    } else if ((event.key === 'Enter' || event.key === 'Tab') && this.highlighted >= 0) {
      event.preventDefault();
      this.accept(items[this.highlighted].firstChild.textContent);
    } else if (event.key === 'Escape') {
      this.suggestList.hidden = true;
    }
  }
}

// after the grid has been built (grid.js is an earlier module on the page)
document.querySelectorAll('[data-search]').forEach(root => { root.search = new SearchBar(root); });
