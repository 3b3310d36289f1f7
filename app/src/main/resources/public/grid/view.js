// Rowdesk grid: virtual scrolling over any number of rows, in plain JavaScript.
//
// Only the visible rows (plus a small buffer) exist in the DOM. Browsers cap an element's height
// (~33.5M px in Chromium) far below 5M rows x 30 px, so there is no tall scrolling element: the grid
// keeps a virtual position in pixels and draws its own vertical scrollbar, whose thumb position maps
// to a row index by proportion (dragging it to 80% shows the rows at 80%). Wheel and keys move the
// virtual position by exact pixels, so fine scrolling stays smooth at any depth.
import { el, button, writeClipboard } from '../dom.js';
import { format, plain, count, isNumberType, label, unit, describe, kindOf } from '../format.js';
import { RowData } from './data.js';
import { Selection } from './selection.js';
import { RowPanel } from './panel.js';
import { filtersParam, parseFilters, describeFilter } from './filters.js';
import { FilterPanel } from './filterpanel.js';
import { SaveView } from './saveview.js';
import { GridActions } from './actions.js';
import { BulkRun } from './bulkrun.js';
import { MIN_WIDTH, defaults, readState, sortParam, stateParams } from './state.js';

const ROW_H = 30;
const HEAD_H = 44;
const BUFFER = 4;               // rows rendered beyond each edge
const MIN_THUMB = 28;
const MAX_COPY_ROWS = 10000;

export class Grid {
  constructor(root) {
    this.root = root;
    this.relation = root.dataset.relation;
    this.exportUrl = root.dataset.exportUrl;
    this.columns = JSON.parse(root.dataset.columns);
    this.total = Number(root.dataset.total);
    this.actions = new GridActions(this);
    this.data = new RowData(root.dataset.rowsUrl, params => this.queryParams(params), {
      loaded: () => this.render(),
      total: total => { if (Number.isFinite(total) && total !== this.total) { this.total = total; this.layout(); this.setContentY(this.virtualY); } },
      error: message => this.showError(message)
    }, this.actions.ready.then(() => { this.data.withActions = this.actions.enabled(); }));
    this.selection = new Selection();
    this.virtualY = 0;
    this.q = '';
    this.removed = [];
    this.shown = { q: '', removed: [] };   // the question the page shows, rows or a grouped answer
    this.defaults = defaults(this.columns, root.dataset.defaultSort);
    this.titleColumn = root.dataset.titleColumn || null;
    this.keyColumn = root.dataset.keyColumn || null;
    this.viewId = new URLSearchParams(location.search).get('view');
    this.filters = parseFilters(new URLSearchParams(location.search).get('filters'), this.columns);
    this.profile = JSON.parse(root.dataset.profile || '[]');
    this.baseTotal = this.total;
    Object.assign(this, readState(location.search, this.columns, this.total, this.defaults));
    this.build();
    this.renderChips();
    this.layout();
    this.scrollToRow(this.row || 0);
    this.renderHeader();
    this.render();
    // the grid's height settles after styles and fonts load, and changes with the window and the panel
    new ResizeObserver(() => { this.layout(); this.setContentY(this.virtualY); }).observe(this.viewport);
    this.actions.ready.then(() => this.actionsLoaded());
    // a run from the row panel changes the state its row shows here
    document.addEventListener('rowdesk:row-action-ran', () => this.refreshRows());
  }

  /** Whether the relation has actions the user may run: the actions column and "Run action". */
  actionsLoaded() {
    const enabled = this.actions.enabled();
    this.runButton.hidden = !enabled;
    if (!enabled) return;
    this.root.classList.add('with-actions');
    this.layout();
    this.renderHeader();
    this.render();
  }

  /** Loads the visible rows again (the states of their requests change after a run). */
  refreshRows() {
    const first = Math.floor(this.virtualY / ROW_H);
    const start = Math.max(0, first - BUFFER);
    const end = Math.min(this.total, first + this.visibleRows + 1 + BUFFER);
    if (end > start) this.data.refresh(start, end);
  }

  // ---- state in the URL: a link reproduces the view ----
  writeUrl() {
    clearTimeout(this.urlTimer);
    this.urlTimer = setTimeout(() => {
      const query = stateParams(this, this.columns.map(c => c.name).join(','), this.defaults).toString();
      history.replaceState(null, '', location.pathname + (query ? '?' + query : ''));
    }, 150);
  }

  topRow() {
    return this.virtualY / ROW_H;
  }

  /** The search and sort every rows and export request carries. */
  queryParams(params) {
    if (this.q) params.set('q', this.q);
    if (this.removed.length) params.set('removed', this.removed.join(','));
    if (this.filters.length) params.set('filters', filtersParam(this.filters));
    if (this.sort.length) params.set('sort', sortParam(this.sort));
    return params;
  }

  // ---- DOM ----
  build() {
    this.root.innerHTML = '';
    const toolbar = el('div', 'grid-toolbar');
    this.countLabel = el('span', 'grid-count');
    this.selectAllButton = button('tool', 'Select all', () => this.selectAll());
    this.bulkRun = new BulkRun(this);
    this.runButton = button('tool run-action', 'Run action…', () => this.bulkRun.open());
    this.runButton.setAttribute('aria-haspopup', 'dialog');
    this.runButton.title = 'Run a row action on the selected rows, or on every row shown';
    this.runButton.hidden = true;
    this.columnsButton = button('tool columns-button', 'Columns', () => this.toggleColumnMenu());
    this.columnsButton.setAttribute('aria-haspopup', 'true');
    this.exportLink = el('a', 'tool', 'Export CSV');
    this.exportLink.setAttribute('download', this.relation + '.csv');
    this.columnMenu = el('div', 'column-menu');
    this.columnMenu.hidden = true;
    this.filterPanel = new FilterPanel(this);
    this.filterButton = button('tool filter-button', 'Filter', () => this.filterPanel.toggle());
    this.filterButton.setAttribute('aria-haspopup', 'dialog');
    this.saveView = new SaveView(this, this.root.dataset.savedViewsUrl, this.root.dataset.canShare === 'true');
    this.saveButton = button('tool save-button', 'Save view', () => this.saveView.toggle());
    this.saveButton.setAttribute('aria-haspopup', 'dialog');
    this.chipsArea = document.querySelector('.filter-chips') || el('div', 'chips filter-chips');
    if (!this.chipsArea.isConnected) toolbar.append(this.chipsArea);
    toolbar.append(this.countLabel, el('span', 'grow'), this.filterButton, this.saveButton, this.selectAllButton,
      this.runButton, this.columnsButton, this.exportLink, this.columnMenu, this.filterPanel.node, this.saveView.node);

    const body = el('div', 'grid-body');
    this.viewport = el('div', 'grid-viewport');
    this.viewport.tabIndex = 0;
    this.viewport.setAttribute('role', 'grid');
    this.viewport.setAttribute('aria-rowcount', String(this.total));
    this.canvas = el('div', 'grid-canvas');
    this.head = el('div', 'grid-head');
    this.head.setAttribute('role', 'row');
    this.rowsArea = el('div', 'grid-rows');
    this.rowsLayer = el('div', 'grid-rows-layer');
    this.rowsArea.append(this.rowsLayer);
    this.canvas.append(this.head, this.rowsArea);
    this.viewport.append(this.canvas);
    this.scrollbar = el('div', 'grid-vscroll');
    this.scrollbar.setAttribute('aria-hidden', 'true');
    this.thumb = el('div', 'grid-thumb');
    this.scrollbar.append(this.thumb);
    const panelNode = el('aside', 'row-panel');
    panelNode.hidden = !this.panelOpen;
    this.panel = new RowPanel(this, panelNode);
    body.append(this.viewport, this.scrollbar, panelNode);

    this.empty = el('div', 'grid-empty');
    this.empty.hidden = true;
    this.empty.setAttribute('role', 'status');
    body.append(this.empty);
    this.status = el('div', 'grid-status');
    this.root.append(toolbar, body, this.status);

    this.viewport.addEventListener('wheel', e => this.onWheel(e), { passive: false });
    this.scrollbar.addEventListener('wheel', e => this.onWheel(e), { passive: false });
    this.thumb.addEventListener('mousedown', e => this.startThumbDrag(e));
    this.scrollbar.addEventListener('mousedown', e => this.onTrackClick(e));
    this.viewport.addEventListener('keydown', e => this.onKey(e));
    this.rowsLayer.addEventListener('mousedown', e => this.onRowClick(e));
    this.rowsLayer.addEventListener('dblclick', e => { if (e.target.closest('.row') && !e.target.closest('.actions-cell button') && !this.panelOpen) this.togglePanel(); });
    document.addEventListener('click', e => {
      if (!this.columnMenu.hidden && !this.columnMenu.contains(e.target) && e.target !== this.columnsButton) {
        this.columnMenu.hidden = true;
      }
      if (!this.saveView.node.hidden && !this.saveView.node.contains(e.target) && e.target !== this.saveButton) {
        this.saveView.node.hidden = true;
      }
      if (!this.filterPanel.node.hidden && !this.filterPanel.node.contains(e.target) && e.target !== this.filterButton
          && !e.target.closest('.col-filter')) {
        this.filterPanel.close();
      }
    });
  }

  visibleColumns() {
    return this.order.filter(n => !this.hidden.has(n)).map(n => this.columns.find(c => c.name === n));
  }

  width(column) {
    if (this.widths[column.name]) return this.widths[column.name];
    const kind = kindOf(column);
    const text = label(column).length * 8;
    if (kind === 'datetime') return Math.max(170, text + 30);
    if (kind === 'date') return Math.max(130, text + 30);
    if (isNumberType(column.type)) return Math.max(110, text + 34);
    return Math.max(150, Math.min(260, text + 40));
  }

  layout() {
    this.viewportH = this.viewport.clientHeight;
    this.rowsAreaH = Math.max(ROW_H, this.viewportH - HEAD_H);
    this.visibleRows = Math.max(1, Math.floor(this.rowsAreaH / ROW_H));
    this.contentMax = Math.max(0, this.total * ROW_H - this.rowsAreaH);
    this.canvas.style.height = this.viewportH + 'px';
    const totalWidth = this.visibleColumns().reduce((sum, c) => sum + this.width(c), 0)
      + (this.actions.enabled() ? this.actions.width : 0);
    this.canvas.style.width = totalWidth + 'px';
    this.thumb.style.top = HEAD_H + 'px';
    this.trackH = Math.max(1, this.viewportH - HEAD_H);
    this.thumbH = Math.min(this.trackH, Math.max(MIN_THUMB, this.trackH * this.rowsAreaH / Math.max(1, this.total * ROW_H)));
    this.thumb.style.height = this.thumbH + 'px';
    this.scrollbar.classList.toggle('idle', this.contentMax === 0);
  }

  renderHeader() {
    this.head.innerHTML = '';
    if (this.actions.enabled()) this.head.append(this.actions.headCell());
    this.visibleColumns().forEach((column, index) => {
      const cell = el('div', 'cell head');
      cell.style.width = this.width(column) + 'px';
      cell.setAttribute('role', 'columnheader');
      cell.dataset.column = column.name;
      cell.draggable = true;
      const name = el('span', 'col-name', label(column));
      const type = el('span', 'col-type', unit(column));
      cell.title = describe(column);
      const sortIndex = this.sort.findIndex(s => s.name === column.name);
      if (sortIndex >= 0) {
        const mark = el('span', 'sort-mark', (this.sort[sortIndex].desc ? '▼' : '▲') + (this.sort.length > 1 ? sortIndex + 1 : ''));
        name.append(mark);
        cell.setAttribute('aria-sort', this.sort[sortIndex].desc ? 'descending' : 'ascending');
      }
      if (isNumberType(column.type)) cell.classList.add('num');
      const filter = button('col-filter', '▾', e => { e.stopPropagation(); this.filterPanel.open(column.name); });
      filter.title = 'Filter ' + label(column);
      filter.setAttribute('aria-label', 'Filter ' + label(column));
      const active = this.filters.find(f => f.column === column.name);
      if (active) {
        filter.classList.add('active');
        filter.textContent = '●';
        filter.title = 'Filtered: ' + describeFilter(active, this.columns);
      }
      name.append(filter);
      const handle = el('span', 'resize');
      handle.addEventListener('mousedown', e => this.startResize(e, column));
      handle.addEventListener('click', e => e.stopPropagation());
      cell.append(name, type, handle);
      cell.addEventListener('click', e => this.onHeaderClick(e, column));
      cell.addEventListener('dragstart', e => { e.dataTransfer.setData('text/plain', column.name); cell.classList.add('dragging'); });
      cell.addEventListener('dragend', () => cell.classList.remove('dragging'));
      cell.addEventListener('dragover', e => { e.preventDefault(); cell.classList.add('drop-target'); });
      cell.addEventListener('dragleave', () => cell.classList.remove('drop-target'));
      cell.addEventListener('drop', e => {
        e.preventDefault();
        cell.classList.remove('drop-target');
        this.moveColumn(e.dataTransfer.getData('text/plain'), column.name);
      });
      if (index === this.focus.col) cell.classList.add('focus-col');
      this.head.append(cell);
    });
    this.renderColumnMenu();
  }

  renderColumnMenu() {
    this.columnMenu.innerHTML = '';
    this.columnMenu.append(el('div', 'menu-title', 'Show columns'));
    this.order.forEach(name => {
      const item = el('label', 'menu-item');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.checked = !this.hidden.has(name);
      box.addEventListener('change', () => {
        if (box.checked) this.hidden.delete(name);
        else if (this.visibleColumns().length > 1) this.hidden.add(name);
        else box.checked = true;
        this.columnsChanged();
      });
      item.append(box, document.createTextNode(' ' + label(this.columns.find(c => c.name === name))));
      this.columnMenu.append(item);
    });
    this.labelledExport = el('a', 'menu-item export-labels', 'Export CSV with labels as headers');
    this.labelledExport.setAttribute('download', this.relation + '.csv');
    this.columnMenu.append(this.labelledExport);
    this.columnMenu.append(button('tool small', 'Reset columns', () => {
      this.hidden = new Set(this.defaults.hide.split(',').filter(Boolean));
      this.widths = {};
      this.order = this.columns.map(c => c.name);
      this.columnsChanged();
    }));
  }

  toggleColumnMenu() {
    this.columnMenu.hidden = !this.columnMenu.hidden;
  }

  columnsChanged() {
    this.focus.col = Math.min(this.focus.col, this.visibleColumns().length - 1);
    this.layout();
    this.renderHeader();
    this.render();
    this.writeUrl();
  }

  moveColumn(name, before) {
    if (!name || name === before) return;
    const order = this.order.filter(n => n !== name);
    order.splice(order.indexOf(before), 0, name);
    this.order = order;
    this.columnsChanged();
  }

  startResize(event, column) {
    event.preventDefault();
    event.stopPropagation();
    const startX = event.clientX;
    const startWidth = this.width(column);
    const move = e => {
      this.widths[column.name] = Math.max(MIN_WIDTH, startWidth + e.clientX - startX);
      this.layout();
      this.renderHeader();
      this.render();
    };
    const up = () => {
      document.removeEventListener('mousemove', move);
      document.removeEventListener('mouseup', up);
      this.writeUrl();
    };
    document.addEventListener('mousemove', move);
    document.addEventListener('mouseup', up);
  }

  onHeaderClick(event, column) {
    const existing = this.sort.find(s => s.name === column.name);
    if (event.shiftKey) {
      // shift-click adds a key, or flips / removes one already there
      if (!existing) this.sort.push({ name: column.name, desc: false });
      else if (!existing.desc) existing.desc = true;
      else this.sort = this.sort.filter(s => s !== existing);
    } else if (existing && this.sort.length === 1) {
      if (!existing.desc) existing.desc = true;
      else this.sort = [];
    } else {
      this.sort = [{ name: column.name, desc: false }];
    }
    this.sortChanged();
  }

  sortChanged() {
    this.data.reset();
    this.renderHeader();
    this.render();
    this.writeUrl();
  }

  // ---- scrolling ----
  onWheel(event) {
    if (event.ctrlKey) return; // zoom
    event.preventDefault();
    const unit = event.deltaMode === 1 ? ROW_H : event.deltaMode === 2 ? this.rowsAreaH : 1;
    this.viewport.scrollLeft += event.deltaX * unit;
    if (event.deltaY) this.setContentY(this.virtualY + event.deltaY * unit);
  }

  /** The thumb's travel maps linearly onto the rows: its top at 80% of the travel shows the rows at 80%. */
  startThumbDrag(event) {
    event.preventDefault();
    event.stopPropagation();
    const startY = event.clientY;
    const startTop = this.thumbTop();
    this.thumb.classList.add('dragging');
    const move = e => {
      const travel = Math.max(1, this.trackH - this.thumbH);
      const top = Math.max(0, Math.min(travel, startTop + e.clientY - startY));
      this.setContentY(top / travel * this.contentMax);
    };
    const up = () => {
      this.thumb.classList.remove('dragging');
      document.removeEventListener('mousemove', move);
      document.removeEventListener('mouseup', up);
    };
    document.addEventListener('mousemove', move);
    document.addEventListener('mouseup', up);
  }

  onTrackClick(event) {
    if (event.target === this.thumb) return;
    const y = event.clientY - this.scrollbar.getBoundingClientRect().top - HEAD_H;
    const page = this.rowsAreaH - ROW_H;
    this.setContentY(this.virtualY + (y < this.thumbTop() ? -page : page));
  }

  thumbTop() {
    const travel = Math.max(0, this.trackH - this.thumbH);
    return this.contentMax > 0 ? this.virtualY / this.contentMax * travel : 0;
  }

  setContentY(y) {
    this.virtualY = Math.max(0, Math.min(this.contentMax, y));
    this.thumb.style.transform = 'translateY(' + this.thumbTop() + 'px)';
    this.render();
    this.writeUrl();
  }

  scrollToRow(row) {
    this.setContentY(row * ROW_H);
  }

  ensureVisible(row) {
    const top = row * ROW_H;
    if (top < this.virtualY) this.setContentY(top);
    else if (top + ROW_H > this.virtualY + this.rowsAreaH) this.setContentY(top + ROW_H - this.rowsAreaH);
    else this.render();
  }

  // ---- rendering ----
  render() {
    const columns = this.visibleColumns();
    const first = Math.floor(this.virtualY / ROW_H);
    const offset = this.virtualY - first * ROW_H;
    const start = Math.max(0, first - BUFFER);
    const end = Math.min(this.total, first + this.visibleRows + 1 + BUFFER);
    this.rowsLayer.style.transform = 'translateY(' + (-(offset + (first - start) * ROW_H)) + 'px)';
    const needed = end - start;
    while (this.rowsLayer.childElementCount < needed) this.rowsLayer.append(el('div', 'row'));
    while (this.rowsLayer.childElementCount > needed) this.rowsLayer.lastElementChild.remove();
    let missing = false;
    for (let i = 0; i < needed; i++) {
      const index = start + i;
      const values = this.data.rowAt(index);
      if (!values) missing = true;
      this.paintRow(this.rowsLayer.children[i], index, values, columns);
    }
    const lastVisible = Math.min(this.total, Math.floor((this.virtualY + this.rowsAreaH - 1) / ROW_H) + 1);
    const selected = this.selection.count(this.total);
    const narrowed = this.q || this.filters.length;
    // the one row count; the status line says where in the rows the view is
    this.countLabel.textContent = count(this.total) + (this.total === 1 ? ' row' : ' rows')
      + (narrowed && this.total !== this.baseTotal ? ' · filtered from ' + count(this.baseTotal) : '');
    this.status.textContent = this.total === 0 ? 'No rows'
      : 'Rows ' + count(first + 1) + '–' + count(lastVisible)
        + (selected ? ' · ' + count(selected) + ' selected' : '')
        + (missing ? ' · loading…' : '');
    this.selectAllButton.textContent = this.selection.all ? 'Clear selection' : 'Select all ' + count(this.total);
    this.selectAllButton.hidden = this.total === 0;
    this.renderEmpty();
    const exportParams = this.queryParams(new URLSearchParams());
    this.exportLink.href = this.exportUrl + (exportParams.toString() ? '?' + exportParams : '');
    this.exportLink.title = 'Raw values, column names as headers';
    exportParams.set('header', 'labels');
    if (this.labelledExport) this.labelledExport.href = this.exportUrl + '?' + exportParams;
    if (missing) this.data.scheduleFetch(start, end);
    this.panel.render();
  }

  paintRow(rowEl, index, values, columns) {
    rowEl.dataset.row = index;
    rowEl.setAttribute('role', 'row');
    rowEl.setAttribute('aria-rowindex', String(index + 1));
    rowEl.className = 'row' + (index % 2 ? ' odd' : '') + (this.selection.has(index) ? ' selected' : '')
      + (index === this.focus.row ? ' focused' : '') + (values ? '' : ' loading');
    const withActions = this.actions.enabled();
    const key = values ? this.data.generation + ':' + index + ':' + (withActions ? this.data.stampAt(index) + ':' : '') + this.order.join(',') + [...this.hidden].join(',') + JSON.stringify(this.widths) + ':' + (index === this.focus.row ? 'focus' + this.focus.col : '') : '';
    if (values && rowEl.dataset.key === key) return;
    rowEl.dataset.key = key;
    rowEl.innerHTML = '';
    if (withActions) rowEl.append(this.actions.cell(index, values ? this.data.actionsAt(index) : null));
    columns.forEach((column, c) => {
      const cell = el('div', 'cell');
      cell.style.width = this.width(column) + 'px';
      cell.setAttribute('role', 'gridcell');
      if (values) {
        const shown = format(values[this.columns.indexOf(column)], column);
        cell.textContent = shown.text;
        if (shown.cls) cell.className += ' ' + shown.cls;
        if (shown.title) cell.title = shown.title;
      } else {
        cell.append(el('span', 'placeholder'));
      }
      if (index === this.focus.row && c === this.focus.col) cell.classList.add('focus-cell');
      rowEl.append(cell);
    });
  }

  /** Filters the grid by an English search (the search bar calls this); '' shows every row. */
  setSearch(q, removed, total) {
    this.shown = { q: q, removed: removed.slice() };
    if (q === this.q && JSON.stringify(removed) === JSON.stringify(this.removed)) { this.writeUrl(); return; }
    this.q = q;
    this.removed = removed.slice();
    // with column filters too, the search's own count is not the grid's: the first window says it
    this.restart(total === null || total === undefined || this.filters.length ? null : total);
  }

  /** The search bar shows a grouped answer for `q`: the grid keeps its rows, the URL keeps `q`. */
  showingAnswer(q, removed) {
    this.shown = { q: q, removed: removed.slice() };
    this.writeUrl();
  }

  /** Replaces the column filters (the filter panel and the chips call this). */
  setFilters(filters) {
    this.filters = filters;
    this.renderHeader();
    this.restart(null);
  }

  /** Starts over from the top with new rows; `total` when known, else the first window says it. */
  restart(total) {
    this.data.reset();
    this.selection.clear();
    this.focus.row = 0;
    if (total !== null) this.total = total;
    else if (!this.q && !this.filters.length) this.total = this.baseTotal;
    else this.total = Math.max(this.total, 1); // keep a row to ask for until the answer comes
    this.viewport.setAttribute('aria-rowcount', String(this.total));
    this.layout();
    this.setContentY(0);
    this.renderChips();
    this.writeUrl();
  }

  /** The column filters as removable chips, beside the search's own. */
  renderChips() {
    this.chipsArea.innerHTML = '';
    this.filters.forEach(filter => {
      const text = describeFilter(filter, this.columns);
      const chip = el('span', 'chip filter-chip', text);
      chip.dataset.column = filter.column;
      const remove = button('chip-remove', '×', () => this.setFilters(this.filters.filter(f => f !== filter)));
      remove.setAttribute('aria-label', 'Remove ' + text);
      chip.append(remove);
      this.chipsArea.append(chip);
    });
  }

  /** No rows: say what was searched and offer ways to widen it. */
  renderEmpty() {
    const empty = this.total === 0;
    this.empty.hidden = !empty;
    if (!empty) { this.empty.dataset.key = ''; return; }
    const key = this.q + '|' + JSON.stringify(this.filters);
    if (this.empty.dataset.key === key) return;
    this.empty.dataset.key = key;
    this.empty.innerHTML = '';
    const what = [];
    if (this.q) what.push('“' + this.q + '”');
    this.filters.forEach(f => what.push(describeFilter(f, this.columns)));
    this.empty.append(el('div', 'empty-title', what.length ? 'No rows match ' + what.join(' and ') : 'There are no rows here yet.'));
    if (!what.length) return;
    const ways = el('div', 'empty-actions');
    ways.append(el('span', 'muted', 'Widen it: '));
    this.filters.forEach(f => ways.append(button('tool small', 'Remove “' + describeFilter(f, this.columns) + '”',
      () => this.setFilters(this.filters.filter(x => x !== f)))));
    if (this.q) ways.append(button('tool small', 'Clear the search', () => this.root.dispatchEvent(new CustomEvent('rowdesk:clear-search', { bubbles: true }))));
    if (this.q && this.filters.length) ways.append(button('tool small', 'Show all rows', () => {
      this.filters = [];
      this.renderHeader();
      this.root.dispatchEvent(new CustomEvent('rowdesk:clear-search', { bubbles: true }));
      this.restart(null);
    }));
    this.empty.append(ways);
  }

  showError(message) {
    let toast = this.root.querySelector('.grid-error');
    if (!toast) { toast = el('div', 'grid-error'); toast.setAttribute('role', 'alert'); this.root.append(toast); }
    toast.textContent = message;
    clearTimeout(this.errorTimer);
    this.errorTimer = setTimeout(() => toast.remove(), 6000);
  }

  // ---- selection and focus ----
  selectAll() {
    if (this.selection.all) this.selection.clear(); else this.selection.selectAll();
    this.render();
  }

  onRowClick(event) {
    const rowEl = event.target.closest('.row');
    if (!rowEl || event.button !== 0) return;
    if (event.target.closest('.actions-cell button')) return; // runs its action, keeps the selection
    const index = Number(rowEl.dataset.row);
    const cellEl = event.target.closest('.cell');
    if (cellEl) this.focus.col = [...rowEl.querySelectorAll('.cell')].indexOf(cellEl);
    if (event.shiftKey) {
      event.preventDefault();
      this.selection.extendTo(index);
    } else if (event.ctrlKey || event.metaKey) {
      this.selection.toggle(index, this.total);
      this.selection.anchor = index;
    } else {
      this.selection.only(index);
    }
    this.focus.row = index;
    this.viewport.focus({ preventScroll: true });
    this.renderHeader();
    this.render();
    this.writeUrl();
  }

  moveFocus(row, col, extend) {
    this.focus.row = Math.max(0, Math.min(this.total - 1, row));
    this.focus.col = Math.max(0, Math.min(this.visibleColumns().length - 1, col));
    if (extend) this.selection.extendTo(this.focus.row);
    else this.selection.anchor = this.focus.row;
    this.renderHeader();
    this.ensureVisible(this.focus.row);
    this.writeUrl();
  }

  onKey(event) {
    const { row, col } = this.focus;
    const mod = event.ctrlKey || event.metaKey;
    const page = Math.max(1, this.visibleRows - 1);
    switch (event.key) {
      case 'ArrowDown': this.moveFocus(row + 1, col, event.shiftKey); break;
      case 'ArrowUp': this.moveFocus(row - 1, col, event.shiftKey); break;
      case 'ArrowRight': this.moveFocus(row, col + 1, false); break;
      case 'ArrowLeft': this.moveFocus(row, col - 1, false); break;
      case 'PageDown': this.moveFocus(row + page, col, event.shiftKey); break;
      case 'PageUp': this.moveFocus(row - page, col, event.shiftKey); break;
      case 'Home': this.moveFocus(0, col, event.shiftKey); break;
      case 'End': this.moveFocus(this.total - 1, col, event.shiftKey); break;
      case 'Enter': this.togglePanel(); break;
      case ' ': this.selection.toggle(row, this.total); this.render(); break;
      case 'Escape':
        if (this.panelOpen) this.togglePanel();
        else { this.selection.clear(); this.render(); }
        break;
      default:
        if (mod && event.key.toLowerCase() === 'c') { this.copy(); break; }
        if (mod && event.key.toLowerCase() === 'a') { this.selection.selectAll(); this.render(); break; }
        return;
    }
    event.preventDefault();
  }

  // ---- clipboard ----
  async copy() {
    const columns = this.visibleColumns();
    const selected = this.selection.count(this.total);
    let text;
    if (selected <= 1) {
      const values = this.data.rowAt(this.focus.row);
      if (!values) return;
      text = plain(values[this.columns.indexOf(columns[this.focus.col])]);
    } else {
      if (selected > MAX_COPY_ROWS) {
        this.showError('Copy takes at most ' + count(MAX_COPY_ROWS) + ' rows; use Export CSV for more.');
        return;
      }
      const lines = [columns.map(c => c.name).join('\t')];
      for (const [a, b] of this.selection.sortedRanges(this.total)) {
        for (let offset = a; offset <= b; offset += 1000) {
          const rows = await this.data.rows(offset, Math.min(1000, b - offset + 1));
          rows.forEach(values => lines.push(columns.map(c => plain(values[this.columns.indexOf(c)])).join('\t')));
        }
      }
      text = lines.join('\n');
    }
    await writeClipboard(text);
    this.status.textContent += ' · copied';
  }

  // ---- row panel ----
  togglePanel() {
    this.panelOpen = !this.panelOpen;
    this.panel.node.hidden = !this.panelOpen;
    this.layout();
    this.render();
    this.writeUrl();
  }
}
