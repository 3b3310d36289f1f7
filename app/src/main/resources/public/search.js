// Rowdesk search bar: plain English above the grid. While a word is being typed it only suggests
// (real columns and values); the question goes to POST /api/v1/search after a pause, a finished
// word or Enter. The interpretation shows as removable chips; row results filter the grid,
// aggregate results show as a labelled table and a chart. An older answer never overwrites a newer
// one, and a question not understood is a calm hint under the bar, never an error while typing.
import { el, button } from './dom.js';
import { getJson, postJson } from './api.js';
import { isNumberType, label, humanize, kindOf } from './format.js';
import { renderTable, cutNotice, cell } from './results.js';

const PAUSE_MS = 700;        // a pause in typing: the word is probably finished
const WORD_DONE_MS = 250;    // after a space or punctuation

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
    this.examples = root.querySelector('.try-asking');
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
    this.engine = 'auto';

    this.input.addEventListener('input', () => this.onInput());
    this.input.addEventListener('keydown', e => this.onKey(e));
    this.input.addEventListener('blur', () => setTimeout(() => { this.suggestList.hidden = true; }, 150));
    if (this.runSql) this.runSql.addEventListener('click', () => this.runEditedSql());
    const ask = root.querySelector('.ask-llm');
    if (ask) ask.addEventListener('click', () => { this.engine = 'llm'; this.removed = []; this.schedule(0, true); });
    this.ready = getJson(root.dataset.suggestionsUrl).then(answer => {
      this.vocabulary = answer.ok ? answer.body : null;
      this.renderExamples();
    });
    // the grid's empty state offers to clear the search
    document.addEventListener('rowdesk:clear-search', () => { this.input.value = ''; this.removed = []; this.schedule(0, true); });
    const params = new URLSearchParams(location.search);
    const initial = params.get('q');
    if (initial) {
      this.input.value = initial;
      this.removed = (params.get('removed') || '').split(',').filter(Boolean);
      this.schedule(0, true);
    }
  }

  grid() {
    return this.gridRoot && this.gridRoot.grid;
  }

  columns() {
    return this.grid() ? this.grid().columns : [];
  }

  onInput() {
    this.removed = [];
    this.engine = 'auto';
    this.suggest();
    const text = this.input.value;
    if (!text.trim()) { this.schedule(0, true); return; }
    // a finished word (space or punctuation after it) is asked soon; a word in progress waits for a pause
    this.schedule(/[\s,.?!]$/.test(text) ? WORD_DONE_MS : PAUSE_MS, false);
  }

  /** `deliberate`: Enter, a click or a link; a problem is then always said. */
  schedule(delay, deliberate) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.search(deliberate), delay);
  }

  async search(deliberate) {
    const q = this.input.value.trim();
    const sequence = ++this.sequence;
    this.renderExamples();
    if (!q) {
      this.show(null);
      if (this.grid()) this.grid().setSearch('', [], null);
      this.writeUrl('');
      return;
    }
    this.root.classList.add('busy');
    const answer = await postJson(this.searchUrl,
      { q: q, relation: this.relation, limit: 1000, removed: this.removed, engine: this.engine },
      undefined, { inlineProblems: true });
    if (sequence !== this.sequence) return; // a newer question was asked meanwhile
    this.root.classList.remove('busy');
    if (answer.redirected) return;
    const body = answer.body;
    if (!answer.ok) {
      // the question changed while it was being answered (a newer one is on its way), or a word
      // the vocabulary could complete is still being typed: keep suggesting, say nothing yet
      if (!deliberate && (this.input.value.trim() !== q || this.stillTyping())) return;
      this.showProblem(body);
      return;
    }
    this.suggestList.hidden = true;
    this.show(body);
    const aggregate = body.chips.some(c => c.id === 'agg' || c.id === 'group');
    if (aggregate) {
      this.showAggregate(body);
      if (this.grid()) this.grid().showingAnswer(q, this.removed);
    } else {
      this.hideAggregate();
      if (this.grid()) this.grid().setSearch(q, this.removed, body.total);
    }
    this.writeUrl(q);
  }

  /** True while the last word is unfinished: some column or value starts with it and it is none of them. */
  stillTyping() {
    const word = (/([a-z0-9_]+)$/i.exec(this.input.value) || [])[1];
    if (!word || /\s$/.test(this.input.value) || !this.vocabulary) return false;
    const lower = word.toLowerCase();
    const terms = this.terms();
    return !terms.has(lower) && [...terms].some(t => t.startsWith(lower));
  }

  /** Every real word a suggestion may offer: column names and stored values, as typed. */
  terms() {
    if (this.termSet) return this.termSet;
    const set = new Set();
    if (this.vocabulary) {
      this.vocabulary.columns.forEach(c => { set.add(c.toLowerCase()); set.add(c.toLowerCase().replace(/_/g, ' ')); });
      this.vocabulary.values.forEach(v => { set.add(v.value.toLowerCase()); set.add(v.value.toLowerCase().replace(/_/g, ' ')); });
      this.termSet = set;
    }
    return set;
  }

  /** The URL keeps the question (also a grouped one: a chart can be shared by its link). */
  writeUrl(q) {
    if (this.grid()) { this.grid().writeUrl(); return; }
    const params = new URLSearchParams(location.search);
    if (q) params.set('q', q); else params.delete('q');
    history.replaceState(null, '', location.pathname + (params.toString() ? '?' + params : ''));
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
    const ai = body.engine === 'llm';
    this.badge.textContent = ai ? 'AI' : 'instant';
    this.badge.className = 'engine-badge ' + body.engine;
    this.badge.title = ai
      ? 'Understood by the configured AI language model; check the chips and the SQL'
      : 'Understood instantly on this server, without AI: the chips say exactly what it matched';
    body.chips.forEach(chip => this.chips.append(this.chip(chip)));
    // the grid shows the row count; the bar says only what else there is to know
    if (body.notice) this.message.textContent = body.notice;
    this.sqlBox.hidden = false;
    this.sqlText.value = body.sql;
    this.sqlText.readOnly = !this.canEditSql;
  }

  chip(chip) {
    const node = el('span', 'chip', chip.label);
    node.dataset.chip = chip.id;
    const remove = button('chip-remove', '×', () => { this.removed.push(chip.id); this.schedule(0, true); });
    remove.setAttribute('aria-label', 'Remove ' + chip.label);
    node.append(remove);
    return node;
  }

  /** A calm hint: what was not understood, and only real words to try instead. */
  showProblem(body) {
    this.suggestList.hidden = true;
    this.chips.innerHTML = '';
    (body.chips || []).forEach(chip => this.chips.append(el('span', 'chip partial', chip.label)));
    this.message.className = 'search-message hint';
    this.message.textContent = body.error || 'That search did not work.';
    const unmatched = body.unmatched || [];
    const terms = this.terms();
    const suggestions = (body.suggestions || [])
      .filter(s => !terms.size || terms.has(String(s).toLowerCase()) || terms.has(String(s).toLowerCase().replace(/ /g, '_')))
      .slice(0, 6);
    if (suggestions.length && unmatched.length) {
      const list = el('span', 'suggestions');
      suggestions.forEach(s => {
        list.append(button('suggestion', s, () => {
          this.input.value = this.input.value.replace(new RegExp('\\b' + unmatched[0].replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '\\b', 'i'), s);
          this.removed = [];
          this.schedule(0, true);
        }));
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

  showAggregate(body, ownOrder) {
    this.aggregate.hidden = false;
    if (this.gridRoot) this.gridRoot.hidden = true;
    const own = ownOrder !== undefined ? ownOrder : (body.chips || []).some(c => c.id === 'sort' || c.id === 'limit');
    const shown = renderTable(this.aggregate.querySelector('table'), body, this.columns(), own);
    const notice = this.aggregate.querySelector('.result-notice');
    if (notice) {
      notice.textContent = cutNotice(body);
      notice.classList.toggle('cut', body.total > body.rows.length);
    }
    this.drawChart(shown);
  }

  /** A bar chart for a category, a line for dates; only for one group column and one measure. */
  drawChart(shown) {
    const canvas = this.aggregate.querySelector('canvas');
    if (this.chart) { this.chart.destroy(); this.chart = null; }
    const cols = shown.columns;
    const rows = shown.rows;
    const chartable = cols.length === 2 && rows.length > 1 && rows.length <= 200
      && isNumberType(cols[1].type) && !isNumberType(cols[0].type);
    canvas.parentElement.hidden = !chartable || typeof Chart === 'undefined';
    if (canvas.parentElement.hidden) return;
    const isTime = Boolean(cols[0].grain);
    const labels = rows.map(r => cell(r[0], cols[0]).text);
    this.chart = new Chart(canvas, {
      type: isTime ? 'line' : 'bar',
      data: { labels: labels, datasets: [{ label: label(cols[1]), data: rows.map(r => Number(r[1])),
        backgroundColor: 'rgba(47, 111, 237, 0.55)', borderColor: '#2f6fed', borderWidth: isTime ? 2 : 0, tension: 0.2 }] },
      options: { animation: false, responsive: true, maintainAspectRatio: false,
        plugins: { legend: { display: false }, title: { display: true, text: label(cols[1]) + ' by ' + label(cols[0]).toLowerCase() } },
        scales: { y: { beginAtZero: true } } }
    });
  }

  async runEditedSql() {
    const sequence = ++this.sequence;
    const answer = await postJson(this.sqlUrl, { sql: this.sqlText.value, limit: 1000 }, undefined, { inlineProblems: true });
    if (sequence !== this.sequence || answer.redirected) return;
    const body = answer.body;
    if (!answer.ok) { this.showProblem(body); return; }
    this.chips.innerHTML = '';
    this.chips.append(el('span', 'chip', 'your SQL'));
    this.message.className = 'search-message';
    this.message.textContent = '';
    this.showAggregate(body, true);
  }

  // ---- "Try asking": questions built from the relation's own columns and values ----
  renderExamples() {
    if (!this.examples) return;
    const examples = this.input.value.trim() ? [] : this.exampleQuestions();
    this.examples.innerHTML = '';
    this.examples.hidden = !examples.length;
    if (!examples.length) return;
    this.examples.append(el('span', 'muted', 'Try asking: '));
    examples.forEach(q => this.examples.append(button('example', q, () => {
      this.input.value = q;
      this.removed = [];
      this.schedule(0, true);
    })));
  }

  exampleQuestions() {
    if (!this.vocabulary) return [];
    const columns = this.columns();
    const profile = this.grid() ? this.grid().profile : [];
    const profiled = name => profile.find(p => p.column === name) || {};
    const words = name => name.replace(/_/g, ' ');
    const byColumn = new Map();
    this.vocabulary.values.forEach(v => {
      if (!byColumn.has(v.column)) byColumn.set(v.column, []);
      byColumn.get(v.column).push(v.value);
    });
    // a category: a column with a few values, status-like names first; its most common value
    const preference = name => {
      const i = ['status', 'stage', 'state', 'tier', 'method', 'type'].findIndex(word => name.includes(word));
      return i < 0 ? 99 : i;
    };
    const categories = [...byColumn.keys()].filter(c => byColumn.get(c).length >= 2 && byColumn.get(c).length <= 12)
      .sort((a, b) => preference(a) - preference(b));
    const examples = [];
    const category = categories[0];
    if (category) {
      const values = profiled(category).values || byColumn.get(category).map(v => ({ value: v, count: 0 }));
      const common = [...values].sort((a, b) => b.count - a.count)[0];
      if (common && /^[a-z0-9 _-]+$/i.test(common.value)) examples.push(words(common.value).toLowerCase());
    }
    const measure = columns.find(c => ['money', 'number'].includes(kindOf(c)) && !/(^|_)id$/.test(c.name));
    if (measure) {
      const p = profiled(measure.name);
      const max = Number(p.max);
      if (max > 0) {
        const target = max / 4;
        const magnitude = Math.pow(10, Math.floor(Math.log10(target)));
        const round = Math.max(1, Math.round(target / magnitude) * magnitude);
        examples.push(words(measure.name) + ' over ' + round);
      }
      const group = categories.find(c => c !== measure.name) || category;
      if (group) examples.push((kindOf(measure) === 'money' ? 'total ' : 'average ') + words(measure.name) + ' by ' + words(group));
    } else if (category) {
      examples.push('count by ' + words(category));
    }
    if (columns.some(c => kindOf(c) === 'datetime' || kindOf(c) === 'date')) examples.push('last month');
    return examples.slice(0, 4);
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
    const presented = this.columns();
    this.vocabulary.columns.forEach(c => {
      const text = c.toLowerCase().replace(/_/g, ' ');
      const column = presented.find(p => p.name === c);
      if ((c.toLowerCase().startsWith(lower) || text.startsWith(lower)) && !seen.has(text)) {
        seen.add(text);
        items.push({ text: text, kind: 'column' + (column && column.label && column.label.toLowerCase() !== text ? ' · ' + column.label : '') });
      }
    });
    this.vocabulary.values.forEach(v => {
      const text = v.value.toLowerCase().replace(/_/g, ' ');
      if (text.startsWith(lower) && !seen.has(text)) {
        seen.add(text);
        const column = presented.find(p => p.name === v.column);
        items.push({ text: text, kind: column ? label(column) : humanize(v.column) });
      }
    });
    if (!items.length || (items.length === 1 && items[0].text === lower)) { this.suggestList.hidden = true; return; }
    items.slice(0, 8).forEach(item => {
      const li = el('li', 'suggest-item');
      li.setAttribute('role', 'option');
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
    this.schedule(0, true);
    this.input.focus();
  }

  onKey(event) {
    const items = [...this.suggestList.children];
    if (this.suggestList.hidden || !items.length) {
      if (event.key === 'Enter') { event.preventDefault(); this.schedule(0, true); }
      return;
    }
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      this.highlighted = (this.highlighted + (event.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
      items.forEach((li, i) => li.classList.toggle('active', i === this.highlighted));
    } else if ((event.key === 'Enter' || event.key === 'Tab') && this.highlighted >= 0) {
      event.preventDefault();
      this.accept(items[this.highlighted].firstChild.textContent);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      this.suggestList.hidden = true;
      this.schedule(0, true);
    } else if (event.key === 'Escape') {
      this.suggestList.hidden = true;
    }
  }
}

// after the grid has been built (grid.js is an earlier module on the page)
document.querySelectorAll('[data-search]').forEach(root => { root.search = new SearchBar(root); });
