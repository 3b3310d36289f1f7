// The filter panel: pick a column, then filter it the way its type allows — values with their
// counts for a column with few values, a range for numbers and dates, "contains" for text, and
// "is empty" / "is not empty" for any. Applied filters become chips and go into the URL.
import { el, button } from '../dom.js';
import { format, label, count, kindOf, isNumberType } from '../format.js';

export class FilterPanel {
  constructor(grid) {
    this.grid = grid;
    this.node = el('div', 'filter-menu');
    this.node.hidden = true;
    this.node.setAttribute('role', 'dialog');
    this.node.setAttribute('aria-label', 'Filter rows');
  }

  toggle(column) {
    if (!this.node.hidden && !column) { this.close(); return; }
    this.open(column || this.column || this.grid.visibleColumns()[0].name);
  }

  close() {
    this.node.hidden = true;
  }

  open(name) {
    this.column = name;
    this.node.hidden = false;
    this.render();
  }

  profile(name) {
    return (this.grid.profile || []).find(p => p.column === name) || null;
  }

  render() {
    const grid = this.grid;
    const column = grid.columns.find(c => c.name === this.column);
    this.node.innerHTML = '';
    const head = el('div', 'filter-head');
    const pick = el('select', 'filter-column');
    pick.setAttribute('aria-label', 'Column to filter');
    grid.columns.forEach(c => {
      const option = el('option', '', label(c));
      option.value = c.name;
      option.selected = c.name === this.column;
      pick.append(option);
    });
    pick.addEventListener('change', () => this.open(pick.value));
    const close = button('panel-close', '×', () => this.close());
    close.setAttribute('aria-label', 'Close the filter panel');
    head.append(el('span', 'menu-title', 'Filter by'), pick, close);
    this.node.append(head);

    const body = el('div', 'filter-body');
    const kind = kindOf(column);
    const profile = this.profile(column.name);
    if (profile && profile.values && profile.values.length) {
      body.append(this.valuesEditor(column, profile));
    } else if (isNumberType(column.type) || kind === 'date' || kind === 'datetime') {
      body.append(this.rangeEditor(column, profile));
    } else if (kind !== 'json' && kind !== 'boolean') {
      body.append(this.containsEditor(column));
    }
    if (kind === 'boolean') body.append(this.valuesEditor(column, { values: [{ value: true, count: null }, { value: false, count: null }] }));
    const emptiness = el('div', 'filter-row');
    emptiness.append(
      button('tool small', 'Is empty', () => this.apply({ column: column.name, op: 'empty' })),
      button('tool small', 'Is not empty', () => this.apply({ column: column.name, op: 'not_empty' })));
    body.append(emptiness);
    this.node.append(body);
  }

  valuesEditor(column, profile) {
    const box = el('div', 'filter-values');
    const current = this.grid.filters.find(f => f.column === column.name && f.op === 'in');
    const chosen = new Set(current ? current.values.map(String) : []);
    const list = el('div', 'value-list');
    const values = [...profile.values].sort((a, b) => (b.count || 0) - (a.count || 0));
    values.forEach(v => {
      const item = el('label', 'menu-item value-item');
      const check = document.createElement('input');
      check.type = 'checkbox';
      check.value = String(v.value);
      check.checked = chosen.has(String(v.value));
      item.append(check, el('span', 'value-text', format(v.value, column).text));
      if (v.count !== null && v.count !== undefined) item.append(el('span', 'value-count', count(v.count)));
      list.append(item);
    });
    box.append(list);
    const row = el('div', 'filter-row');
    row.append(button('tool small primary-tool', 'Apply', () => {
      const values = [...list.querySelectorAll('input:checked')].map(i => i.value);
      if (values.length) this.apply({ column: column.name, op: 'in', values: values });
      else this.remove(column.name, 'in');
    }));
    if (profile.values[0] && profile.values[0].count !== null) row.append(el('span', 'muted small', 'counts over all rows'));
    box.append(row);
    return box;
  }

  rangeEditor(column, profile) {
    const kind = kindOf(column);
    const box = el('div', 'filter-range');
    const current = this.grid.filters.find(f => f.column === column.name && f.op === 'between') || {};
    const input = (which, value) => {
      const node = document.createElement('input');
      node.type = kind === 'date' || kind === 'datetime' ? 'date' : 'number';
      node.className = 'filter-input ' + which;
      node.setAttribute('aria-label', label(column) + ' ' + which);
      if (value !== undefined && value !== null) node.value = node.type === 'date' ? String(value).slice(0, 10) : value;
      if (profile) node.placeholder = which === 'from' ? shortBound(profile.min, node.type) : shortBound(profile.max, node.type);
      return node;
    };
    const from = input('from', current.min);
    const to = input('to', current.max);
    const row = el('div', 'filter-row');
    row.append(el('span', 'muted', 'From'), from, el('span', 'muted', 'to'), to);
    const apply = el('div', 'filter-row');
    apply.append(button('tool small primary-tool', 'Apply', () => {
      if (!from.value && !to.value) { this.remove(column.name, 'between'); return; }
      const filter = { column: column.name, op: 'between' };
      if (from.value) filter.min = from.value;
      if (to.value) filter.max = to.value;
      this.apply(filter);
    }));
    box.append(row, apply);
    return box;
  }

  containsEditor(column) {
    const box = el('div', 'filter-contains');
    const current = this.grid.filters.find(f => f.column === column.name && f.op === 'contains');
    const text = document.createElement('input');
    text.type = 'text';
    text.className = 'filter-input contains';
    text.placeholder = 'contains…';
    text.setAttribute('aria-label', label(column) + ' contains');
    if (current) text.value = current.value;
    const go = () => text.value.trim() ? this.apply({ column: column.name, op: 'contains', value: text.value.trim() }) : this.remove(column.name, 'contains');
    text.addEventListener('keydown', e => { if (e.key === 'Enter') { e.preventDefault(); go(); } });
    const row = el('div', 'filter-row');
    row.append(text, button('tool small primary-tool', 'Apply', go));
    box.append(row);
    return box;
  }

  /** One filter per column: a new one replaces what the column had. */
  apply(filter) {
    this.grid.setFilters(this.grid.filters.filter(f => f.column !== filter.column).concat([filter]));
    this.close();
  }

  remove(column) {
    this.grid.setFilters(this.grid.filters.filter(f => f.column !== column));
    this.close();
  }
}

function shortBound(value, type) {
  if (value === null || value === undefined) return '';
  return type === 'date' ? String(value).slice(0, 10) : String(value);
}
