// The row panel beside the grid: every field of the focused row with its label and format, a copy
// button per value, and a link that opens this row (by its key) for someone else.
import { el, button, writeClipboard } from '../dom.js';
import { format, count, label, plain } from '../format.js';
import { filtersParam } from './filters.js';

export class RowPanel {
  constructor(grid, node) {
    this.grid = grid;
    this.node = node;
    this.node.setAttribute('aria-label', 'Row details');
    this.node.tabIndex = -1;
    this.node.addEventListener('keydown', e => {
      if (e.key === 'Escape' && grid.panelOpen) { e.preventDefault(); grid.togglePanel(); grid.viewport.focus({ preventScroll: true }); }
    });
  }

  /** The panel's title: the title column's value, else the key's, else the row's position. */
  title(values) {
    const grid = this.grid;
    const name = grid.titleColumn;
    const index = name ? grid.columns.findIndex(c => c.name === name) : -1;
    if (values && index >= 0 && values[index] !== null && values[index] !== undefined) {
      const column = grid.columns[index];
      const shown = format(values[index], column).text;
      return name === grid.keyColumn ? label(column).replace(/ ID$/, '') + ' ' + shown : shown;
    }
    return 'Row ' + count(grid.focus.row + 1);
  }

  /** A link that opens this row: the relation filtered to its key, the panel open. */
  link(values) {
    const grid = this.grid;
    const index = grid.keyColumn ? grid.columns.findIndex(c => c.name === grid.keyColumn) : -1;
    if (!values || index < 0) return null;
    const params = new URLSearchParams();
    params.set('filters', filtersParam([{ column: grid.keyColumn, op: 'in', values: [values[index]] }]));
    params.set('panel', '1');
    return location.origin + location.pathname + '?' + params;
  }

  render() {
    const grid = this.grid;
    if (!grid.panelOpen) return;
    const values = grid.data.rowAt(grid.focus.row);
    const key = grid.data.generation + ':' + grid.focus.row + ':' + (values ? 'loaded' : 'loading');
    if (this.node.dataset.key === key) return;
    this.node.dataset.key = key;
    this.node.innerHTML = '';
    const head = el('div', 'panel-head');
    head.append(el('div', 'panel-title', this.title(values)),
      el('div', 'muted', 'Row ' + count(grid.focus.row + 1) + ' of ' + count(grid.total) + ' · Esc closes'));
    const close = button('panel-close', '×', () => grid.togglePanel());
    close.setAttribute('aria-label', 'Close the row panel');
    head.append(close);
    this.node.append(head);
    if (!values) { this.node.append(el('p', 'muted', 'Loading…')); return; }
    const link = this.link(values);
    if (link) {
      const tools = el('div', 'panel-tools');
      const open = el('a', 'tool small', 'Link to this row');
      open.href = link;
      open.className = 'tool small row-link';
      tools.append(open, button('tool small copy-link', 'Copy link', e => this.copied(e.target, link)));
      this.node.append(tools);
    }
    const list = el('dl', 'fields');
    grid.columns.forEach((column, i) => {
      const shown = format(values[i], column);
      const dt = el('dt', '', label(column));
      dt.title = column.name + ' · ' + column.type.toLowerCase();
      const dd = el('dd', shown.cls);
      let text;
      if (shown.href) {
        text = el('a', '', shown.text);
        text.href = shown.href;
        text.rel = 'noopener noreferrer';
      } else {
        text = el('span', '', shown.cls === 'json' ? shown.title : shown.text);
      }
      if (shown.title && shown.cls !== 'json') text.title = shown.title;
      dd.append(text);
      if (values[i] !== null && values[i] !== undefined) {
        const copy = button('copy-value', 'Copy', e => this.copied(e.currentTarget, plain(values[i])));
        copy.title = 'Copy ' + label(column);
        copy.setAttribute('aria-label', 'Copy ' + label(column));
        dd.append(copy);
      }
      list.append(dt, dd);
    });
    this.node.append(list);
    const actions = el('div', 'panel-actions');
    actions.append(el('div', 'panel-subtitle', 'Actions'));
    this.node.append(actions);
    // row-actions.js fills the panel's actions (buttons and the latest request's state)
    this.node.dispatchEvent(new CustomEvent('rowdesk:row-panel', {
      bubbles: true,
      detail: { relation: grid.relation, columns: grid.columns, values: values, container: actions }
    }));
  }

  async copied(node, text) {
    await writeClipboard(text);
    node.classList.add('done');
    setTimeout(() => node.classList.remove('done'), 1200);
  }
}
