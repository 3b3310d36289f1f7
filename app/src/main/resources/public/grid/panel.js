// The row panel beside the grid: every field of the focused row.
import { el, button } from '../dom.js';
import { format, count } from '../format.js';

export class RowPanel {
  constructor(grid, node) {
    this.grid = grid;
    this.node = node;
    this.node.setAttribute('aria-label', 'Row details');
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
    head.append(el('div', 'panel-title', 'Row ' + count(grid.focus.row + 1)),
      el('div', 'muted', 'of ' + count(grid.total) + ' · Enter or Esc closes'));
    const close = button('panel-close', '×', () => grid.togglePanel());
    close.setAttribute('aria-label', 'Close the row panel');
    head.append(close);
    this.node.append(head);
    if (!values) { this.node.append(el('p', 'muted', 'Loading…')); return; }
    const list = el('dl', 'fields');
    grid.columns.forEach((column, i) => {
      const shown = format(values[i], column);
      const dt = el('dt', '', column.name);
      dt.append(el('span', 'col-type', column.type.toLowerCase()));
      const dd = el('dd', shown.cls, shown.cls === 'json' ? shown.title : shown.text);
      list.append(dt, dd);
    });
    this.node.append(list);
    const actions = el('div', 'panel-actions');
    actions.append(el('div', 'panel-subtitle', 'Actions'), el('p', 'muted', 'No row actions are configured for ' + grid.relation + '.'));
    this.node.append(actions);
  }
}
