// Rowdesk grid: virtual scrolling over any number of rows, in plain JavaScript.
//
// Only the visible rows (plus a small buffer) exist in the DOM. Browsers cap an element's height
// (~33.5M px in Chromium) far below 5M rows x 30 px, so there is no tall scrolling element: the grid
// keeps a virtual position in pixels and draws its own vertical scrollbar, whose thumb position maps
// to a row index by proportion (dragging it to 80% shows the rows at 80%). Wheel and keys move the
// virtual position by exact pixels, so fine scrolling stays smooth at any depth.
(function () {
  'use strict';

  const ROW_H = 30;
  const HEAD_H = 44;
  const BLOCK = 100;              // rows per request: one window of the JSON API
  const BUFFER = 4;               // rows rendered beyond each edge
  const MIN_THUMB = 28;
  const MAX_BLOCKS = 60;          // rows kept in memory: 6,000
  const MAX_COPY_ROWS = 10000;
  const MIN_WIDTH = 60;

  const numberTypes = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|DOUBLE|FLOAT|REAL|DECIMAL)/;
  const integerTypes = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)$/;
  const nestedTypes = /^(JSON|STRUCT|MAP)|\[\]$|^LIST/;
  const dateFormat = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
  const timeFormat = new Intl.DateTimeFormat('en-US', { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone: 'UTC' });
  const decimalFormats = new Map();

  function decimalFormat(scale) {
    if (!decimalFormats.has(scale)) {
      decimalFormats.set(scale, new Intl.NumberFormat('en-US', { minimumFractionDigits: scale, maximumFractionDigits: scale }));
    }
    return decimalFormats.get(scale);
  }

  /** Type-aware display text and CSS class of one value. */
  function format(value, column) {
    if (value === null || value === undefined) return { text: '—', cls: 'null', title: 'NULL' };
    const type = column.type.toUpperCase();
    if (type === 'BOOLEAN') return { text: value ? '✓' : '✗', cls: 'bool ' + (value ? 'yes' : 'no') };
    if (type.startsWith('DECIMAL')) {
      const scale = Number((/,\s*(\d+)\)/.exec(type) || [0, 2])[1]);
      const text = typeof value === 'number' ? decimalFormat(scale).format(value) : String(value);
      return { text: text, cls: 'num' };
    }
    if (integerTypes.test(type)) {
      const isId = /(^|_)id$/.test(column.name);
      return { text: isId || typeof value !== 'number' ? String(value) : value.toLocaleString('en-US'), cls: 'num' };
    }
    if (numberTypes.test(type)) return { text: typeof value === 'number' ? value.toLocaleString('en-US', { maximumFractionDigits: 4 }) : String(value), cls: 'num' };
    if (type.startsWith('TIMESTAMP')) {
      const date = new Date(String(value).endsWith('Z') || /[+-]\d\d:\d\d$/.test(value) ? value : value + 'Z');
      if (isNaN(date)) return { text: String(value), cls: 'time' };
      return { text: dateFormat.format(date) + ' ' + timeFormat.format(date), cls: 'time', title: String(value) };
    }
    if (type === 'DATE') {
      const date = new Date(value + 'T00:00:00Z');
      return { text: isNaN(date) ? String(value) : dateFormat.format(date), cls: 'time' };
    }
    if (nestedTypes.test(type) || typeof value === 'object') {
      const json = typeof value === 'string' ? value : JSON.stringify(value);
      const collapsed = Array.isArray(value) ? '[' + value.length + ' items]' : (json.startsWith('[') ? '[…]' : '{…}');
      return { text: collapsed, cls: 'json', title: json };
    }
    return { text: String(value), cls: '' };
  }

  /** The value as copied to the clipboard: raw, empty for NULL, no tabs or newlines. */
  function plain(value) {
    if (value === null || value === undefined) return '';
    const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
    return text.replace(/[\t\r\n]+/g, ' ');
  }

  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  class Grid {
    constructor(root) {
      this.root = root;
      this.relation = root.dataset.relation;
      this.rowsUrl = root.dataset.rowsUrl;
      this.exportUrl = root.dataset.exportUrl;
      this.columns = JSON.parse(root.dataset.columns);
      this.total = Number(root.dataset.total);
      this.blocks = new Map();       // block index -> rows
      this.inflight = new Map();     // block index -> AbortController
      this.generation = 0;           // bumps on sort change: late answers for an old sort are dropped
      this.virtualY = 0;
      this.focus = { row: 0, col: 0 };
      this.selection = { all: false, ranges: [] };
      this.anchor = 0;
      this.panelOpen = false;
      this.q = '';
      this.removed = [];
      this.readUrl();
      this.build();
      this.layout();
      this.scrollToRow(this.initialRow || 0);
      this.renderHeader();
      this.render();
      // the grid's height settles after styles and fonts load, and changes with the window and the panel
      new ResizeObserver(() => { this.layout(); this.setContentY(this.virtualY); }).observe(this.viewport);
    }

    // ---- state in the URL: a link reproduces the view ----
    readUrl() {
      const params = new URLSearchParams(location.search);
      const names = this.columns.map(c => c.name);
      this.sort = (params.get('sort') || '').split(',').filter(Boolean)
        .map(s => ({ name: s.replace(/^-/, ''), desc: s.startsWith('-') }))
        .filter(s => names.includes(s.name));
      const order = (params.get('order') || '').split(',').filter(n => names.includes(n));
      this.order = order.concat(names.filter(n => !order.includes(n)));
      this.hidden = new Set((params.get('hide') || '').split(',').filter(n => names.includes(n)));
      this.widths = {};
      (params.get('w') || '').split(',').forEach(pair => {
        const [name, px] = pair.split(':');
        if (names.includes(name) && Number(px) >= MIN_WIDTH) this.widths[name] = Number(px);
      });
      this.initialRow = Math.max(0, Math.min(this.total - 1, Number(params.get('row')) || 0));
      if (params.has('focus')) this.focus.row = Math.max(0, Math.min(this.total - 1, Number(params.get('focus')) || 0));
      if (params.has('col')) this.focus.col = Math.max(0, Number(params.get('col')) || 0);
      this.panelOpen = params.get('panel') === '1';
    }

    writeUrl() {
      clearTimeout(this.urlTimer);
      this.urlTimer = setTimeout(() => {
        const params = new URLSearchParams();
        if (this.q) params.set('q', this.q);
        if (this.sort.length) params.set('sort', this.sortParam());
        const top = Math.floor(this.contentY() / ROW_H);
        if (top > 0) params.set('row', top);
        if (this.focus.row > 0) params.set('focus', this.focus.row);
        if (this.focus.col > 0) params.set('col', this.focus.col);
        if (this.hidden.size) params.set('hide', [...this.hidden].join(','));
        const natural = this.columns.map(c => c.name).join(',');
        if (this.order.join(',') !== natural) params.set('order', this.order.join(','));
        const widths = Object.entries(this.widths).map(([n, px]) => n + ':' + Math.round(px));
        if (widths.length) params.set('w', widths.join(','));
        if (this.panelOpen) params.set('panel', '1');
        const query = params.toString();
        history.replaceState(null, '', location.pathname + (query ? '?' + query : ''));
      }, 150);
    }

    sortParam() {
      return this.sort.map(s => (s.desc ? '-' : '') + s.name).join(',');
    }

    // ---- DOM ----
    build() {
      this.root.innerHTML = '';
      const toolbar = el('div', 'grid-toolbar');
      this.countLabel = el('span', 'grid-count');
      this.selectAllButton = el('button', 'tool', 'Select all');
      this.selectAllButton.type = 'button';
      this.selectAllButton.addEventListener('click', () => this.selectAll());
      this.columnsButton = el('button', 'tool', 'Columns');
      this.columnsButton.type = 'button';
      this.columnsButton.setAttribute('aria-haspopup', 'true');
      this.columnsButton.addEventListener('click', () => this.toggleColumnMenu());
      this.exportLink = el('a', 'tool', 'Export CSV');
      this.exportLink.setAttribute('download', this.relation + '.csv');
      this.columnMenu = el('div', 'column-menu');
      this.columnMenu.hidden = true;
      const spacer = el('span', 'grow');
      toolbar.append(this.countLabel, spacer, this.selectAllButton, this.columnsButton, this.exportLink, this.columnMenu);

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
      this.panel = el('aside', 'row-panel');
      this.panel.setAttribute('aria-label', 'Row details');
      this.panel.hidden = !this.panelOpen;
      body.append(this.viewport, this.scrollbar, this.panel);

      this.status = el('div', 'grid-status');
      this.root.append(toolbar, body, this.status);

      this.viewport.addEventListener('wheel', e => this.onWheel(e), { passive: false });
      this.scrollbar.addEventListener('wheel', e => this.onWheel(e), { passive: false });
      this.thumb.addEventListener('mousedown', e => this.startThumbDrag(e));
      this.scrollbar.addEventListener('mousedown', e => this.onTrackClick(e));
      this.viewport.addEventListener('keydown', e => this.onKey(e));
      this.rowsLayer.addEventListener('mousedown', e => this.onRowClick(e));
      document.addEventListener('click', e => {
        if (!this.columnMenu.hidden && !this.columnMenu.contains(e.target) && e.target !== this.columnsButton) {
          this.columnMenu.hidden = true;
        }
      });
    }

    visibleColumns() {
      return this.order.filter(n => !this.hidden.has(n)).map(n => this.columns.find(c => c.name === n));
    }

    width(column) {
      if (this.widths[column.name]) return this.widths[column.name];
      const type = column.type.toUpperCase();
      if (type.startsWith('TIMESTAMP')) return 190;
      if (numberTypes.test(type)) return Math.max(110, column.name.length * 9 + 30);
      return Math.max(150, Math.min(260, column.name.length * 9 + 40));
    }

    layout() {
      this.viewportH = this.viewport.clientHeight;
      this.rowsAreaH = Math.max(ROW_H, this.viewportH - HEAD_H);
      this.visibleRows = Math.max(1, Math.floor(this.rowsAreaH / ROW_H));
      this.contentMax = Math.max(0, this.total * ROW_H - this.rowsAreaH);
      this.canvas.style.height = this.viewportH + 'px';
      const totalWidth = this.visibleColumns().reduce((sum, c) => sum + this.width(c), 0);
      this.canvas.style.width = totalWidth + 'px';
      this.thumb.style.top = HEAD_H + 'px';
      this.trackH = Math.max(1, this.viewportH - HEAD_H);
      this.thumbH = Math.min(this.trackH, Math.max(MIN_THUMB, this.trackH * this.rowsAreaH / Math.max(1, this.total * ROW_H)));
      this.thumb.style.height = this.thumbH + 'px';
      this.scrollbar.classList.toggle('idle', this.contentMax === 0);
    }

    renderHeader() {
      this.head.innerHTML = '';
      this.visibleColumns().forEach((column, index) => {
        const cell = el('div', 'cell head');
        cell.style.width = this.width(column) + 'px';
        cell.setAttribute('role', 'columnheader');
        cell.dataset.column = column.name;
        cell.draggable = true;
        const name = el('span', 'col-name', column.name);
        const type = el('span', 'col-type', column.type.toLowerCase());
        const sortIndex = this.sort.findIndex(s => s.name === column.name);
        if (sortIndex >= 0) {
          const mark = el('span', 'sort-mark', (this.sort[sortIndex].desc ? '▼' : '▲') + (this.sort.length > 1 ? sortIndex + 1 : ''));
          name.append(mark);
          cell.setAttribute('aria-sort', this.sort[sortIndex].desc ? 'descending' : 'ascending');
        }
        if (numberTypes.test(column.type.toUpperCase())) cell.classList.add('num');
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
        const label = el('label', 'menu-item');
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.checked = !this.hidden.has(name);
        box.addEventListener('change', () => {
          if (box.checked) this.hidden.delete(name);
          else if (this.visibleColumns().length > 1) this.hidden.add(name);
          else box.checked = true;
          this.columnsChanged();
        });
        label.append(box, document.createTextNode(' ' + name));
        this.columnMenu.append(label);
      });
      const reset = el('button', 'tool small', 'Reset columns');
      reset.type = 'button';
      reset.addEventListener('click', () => {
        this.hidden.clear();
        this.widths = {};
        this.order = this.columns.map(c => c.name);
        this.columnsChanged();
      });
      this.columnMenu.append(reset);
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
      this.generation++;
      this.inflight.forEach(controller => controller.abort());
      this.inflight.clear();
      this.blocks.clear();
      this.renderHeader();
      this.render();
      this.writeUrl();
    }

    // ---- scrolling ----
    contentY() {
      return this.virtualY;
    }

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
        const rowEl = this.rowsLayer.children[i];
        const values = this.rowAt(index);
        if (!values) missing = true;
        this.paintRow(rowEl, index, values, columns);
      }
      const lastVisible = Math.min(this.total, Math.floor((this.virtualY + this.rowsAreaH - 1) / ROW_H) + 1);
      const selected = this.selectedCount();
      this.countLabel.textContent = this.total.toLocaleString('en-US') + ' rows';
      this.status.textContent = this.total === 0 ? 'No rows'
        : 'Rows ' + (first + 1).toLocaleString('en-US') + '–' + lastVisible.toLocaleString('en-US')
          + ' of ' + this.total.toLocaleString('en-US')
          + (selected ? ' · ' + selected.toLocaleString('en-US') + ' selected' : '')
          + (missing ? ' · loading…' : '');
      this.selectAllButton.textContent = this.selection.all ? 'Clear selection' : 'Select all ' + this.total.toLocaleString('en-US');
      const exportParams = this.searchParams(new URLSearchParams());
      if (this.sort.length) exportParams.set('sort', this.sortParam());
      this.exportLink.href = this.exportUrl + (exportParams.toString() ? '?' + exportParams : '');
      if (missing) this.scheduleFetch(start, end);
      this.renderPanel();
    }

    paintRow(rowEl, index, values, columns) {
      rowEl.dataset.row = index;
      rowEl.setAttribute('role', 'row');
      rowEl.setAttribute('aria-rowindex', String(index + 1));
      rowEl.className = 'row' + (index % 2 ? ' odd' : '') + (this.isSelected(index) ? ' selected' : '')
        + (index === this.focus.row ? ' focused' : '') + (values ? '' : ' loading');
      const key = values ? this.generation + ':' + index + ':' + this.order.join(',') + [...this.hidden].join(',') + JSON.stringify(this.widths) + ':' + (index === this.focus.row ? 'focus' + this.focus.col : '') : '';
      if (values && rowEl.dataset.key === key) return;
      rowEl.dataset.key = key;
      rowEl.innerHTML = '';
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

    rowAt(index) {
      const block = this.blocks.get(Math.floor(index / BLOCK));
      return block ? block[index % BLOCK] : null;
    }

    // ---- data ----
    scheduleFetch(start, end) {
      clearTimeout(this.fetchTimer);
      // while the scrollbar is dragged fast, ask only for where it settles
      this.fetchTimer = setTimeout(() => this.fetchRange(start, end), 40);
    }

    fetchRange(start, end) {
      const wanted = new Set();
      for (let b = Math.floor(start / BLOCK); b <= Math.floor((end - 1) / BLOCK); b++) wanted.add(b);
      this.inflight.forEach((controller, b) => {
        if (!wanted.has(b)) { controller.abort(); this.inflight.delete(b); }
      });
      wanted.forEach(b => {
        if (!this.blocks.has(b) && !this.inflight.has(b)) this.fetchBlock(b);
      });
    }

    fetchBlock(b) {
      const controller = new AbortController();
      const generation = this.generation;
      this.inflight.set(b, controller);
      this.loadRows(b * BLOCK, BLOCK, controller.signal).then(rows => {
        if (generation !== this.generation) return;
        this.inflight.delete(b);
        this.blocks.set(b, rows);
        if (this.blocks.size > MAX_BLOCKS) this.blocks.delete(this.blocks.keys().next().value);
        this.render();
      }).catch(error => {
        if (error.name === 'AbortError') return;
        this.inflight.delete(b);
        this.showError(error.message);
      });
    }

    /** Filters the grid by an English search (the search bar calls this); '' shows every row. */
    setSearch(q, removed, total) {
      if (q === this.q && JSON.stringify(removed) === JSON.stringify(this.removed)) return;
      this.q = q;
      this.removed = removed.slice();
      this.generation++;
      this.inflight.forEach(controller => controller.abort());
      this.inflight.clear();
      this.blocks.clear();
      this.selection = { all: false, ranges: [] };
      this.focus.row = 0;
      this.total = total === null || total === undefined ? Number(this.root.dataset.total) : total;
      this.viewport.setAttribute('aria-rowcount', String(this.total));
      this.layout();
      this.setContentY(0);
    }

    searchParams(params) {
      if (this.q) params.set('q', this.q);
      if (this.removed.length) params.set('removed', this.removed.join(','));
      return params;
    }

    async loadRows(offset, limit, signal) {
      const params = this.searchParams(new URLSearchParams({ offset: offset, limit: limit }));
      if (this.sort.length) params.set('sort', this.sortParam());
      const response = await fetch(this.rowsUrl + '?' + params, { headers: { Accept: 'application/json' }, signal: signal });
      if (response.status === 401) { location.href = '/login?next=' + encodeURIComponent(location.pathname + location.search); return []; }
      const body = await response.json();
      if (!response.ok) throw new Error(body.error || 'The rows could not be loaded.');
      if (body.total !== this.total) { this.total = body.total; this.layout(); this.setContentY(this.virtualY); }
      return body.rows;
    }

    showError(message) {
      let toast = this.root.querySelector('.grid-error');
      if (!toast) { toast = el('div', 'grid-error'); toast.setAttribute('role', 'alert'); this.root.append(toast); }
      toast.textContent = message;
      clearTimeout(this.errorTimer);
      this.errorTimer = setTimeout(() => toast.remove(), 6000);
    }

    // ---- selection and focus ----
    isSelected(index) {
      if (this.selection.all) return true;
      return this.selection.ranges.some(([a, b]) => index >= a && index <= b);
    }

    selectedCount() {
      if (this.selection.all) return this.total;
      return this.selection.ranges.reduce((sum, [a, b]) => sum + (b - a + 1), 0);
    }

    selectAll() {
      this.selection = this.selection.all ? { all: false, ranges: [] } : { all: true, ranges: [] };
      this.render();
    }

    onRowClick(event) {
      const rowEl = event.target.closest('.row');
      if (!rowEl || event.button !== 0) return;
      const index = Number(rowEl.dataset.row);
      const cellEl = event.target.closest('.cell');
      if (cellEl) this.focus.col = [...rowEl.children].indexOf(cellEl);
      if (event.shiftKey) {
        event.preventDefault();
        this.selection = { all: false, ranges: [[Math.min(this.anchor, index), Math.max(this.anchor, index)]] };
      } else if (event.ctrlKey || event.metaKey) {
        this.toggleRow(index);
        this.anchor = index;
      } else {
        this.selection = { all: false, ranges: [[index, index]] };
        this.anchor = index;
      }
      this.focus.row = index;
      this.viewport.focus({ preventScroll: true });
      this.renderHeader();
      this.render();
      this.writeUrl();
    }

    toggleRow(index) {
      if (this.selection.all) this.selection = { all: false, ranges: [[0, this.total - 1]] };
      if (this.isSelected(index)) {
        const ranges = [];
        this.selection.ranges.forEach(([a, b]) => {
          if (index < a || index > b) ranges.push([a, b]);
          else {
            if (a < index) ranges.push([a, index - 1]);
            if (index < b) ranges.push([index + 1, b]);
          }
        });
        this.selection.ranges = ranges;
      } else {
        this.selection.ranges.push([index, index]);
      }
    }

    moveFocus(row, col, extend) {
      this.focus.row = Math.max(0, Math.min(this.total - 1, row));
      this.focus.col = Math.max(0, Math.min(this.visibleColumns().length - 1, col));
      if (extend) {
        this.selection = { all: false, ranges: [[Math.min(this.anchor, this.focus.row), Math.max(this.anchor, this.focus.row)]] };
      } else {
        this.anchor = this.focus.row;
      }
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
        case ' ': this.toggleRow(row); this.render(); break;
        case 'Escape':
          if (this.panelOpen) this.togglePanel();
          else { this.selection = { all: false, ranges: [] }; this.render(); }
          break;
        default:
          if (mod && event.key.toLowerCase() === 'c') { this.copy(); break; }
          if (mod && event.key.toLowerCase() === 'a') { this.selection = { all: true, ranges: [] }; this.render(); break; }
          return;
      }
      event.preventDefault();
    }

    // ---- clipboard ----
    async copy() {
      const columns = this.visibleColumns();
      const count = this.selectedCount();
      let text;
      if (count <= 1) {
        const values = this.rowAt(this.focus.row);
        if (!values) return;
        text = plain(values[this.columns.indexOf(columns[this.focus.col])]);
      } else {
        if (count > MAX_COPY_ROWS) {
          this.showError('Copy takes at most ' + MAX_COPY_ROWS.toLocaleString('en-US') + ' rows; use Export CSV for more.');
          return;
        }
        const ranges = this.selection.all ? [[0, this.total - 1]] : [...this.selection.ranges].sort((x, y) => x[0] - y[0]);
        const lines = [columns.map(c => c.name).join('\t')];
        for (const [a, b] of ranges) {
          for (let offset = a; offset <= b; offset += 1000) {
            const limit = Math.min(1000, b - offset + 1);
            const rows = await this.rowsFor(offset, limit);
            rows.forEach(values => lines.push(columns.map(c => plain(values[this.columns.indexOf(c)])).join('\t')));
          }
        }
        text = lines.join('\n');
      }
      await writeClipboard(text);
      this.status.textContent += ' · copied';
    }

    async rowsFor(offset, limit) {
      const rows = [];
      let complete = true;
      for (let i = offset; i < offset + limit; i++) {
        const values = this.rowAt(i);
        if (!values) { complete = false; break; }
        rows.push(values);
      }
      return complete ? rows : this.loadRows(offset, limit);
    }

    // ---- row panel ----
    togglePanel() {
      this.panelOpen = !this.panelOpen;
      this.panel.hidden = !this.panelOpen;
      this.layout();
      this.render();
      this.writeUrl();
    }

    renderPanel() {
      if (!this.panelOpen) return;
      const values = this.rowAt(this.focus.row);
      const key = this.generation + ':' + this.focus.row + ':' + (values ? 'loaded' : 'loading');
      if (this.panel.dataset.key === key) return;
      this.panel.dataset.key = key;
      this.panel.innerHTML = '';
      const head = el('div', 'panel-head');
      head.append(el('div', 'panel-title', 'Row ' + (this.focus.row + 1).toLocaleString('en-US')),
        el('div', 'muted', 'of ' + this.total.toLocaleString('en-US') + ' · Enter or Esc closes'));
      const close = el('button', 'panel-close', '×');
      close.type = 'button';
      close.setAttribute('aria-label', 'Close the row panel');
      close.addEventListener('click', () => this.togglePanel());
      head.append(close);
      this.panel.append(head);
      if (!values) { this.panel.append(el('p', 'muted', 'Loading…')); return; }
      const list = el('dl', 'fields');
      this.columns.forEach((column, i) => {
        const shown = format(values[i], column);
        const dt = el('dt', '', column.name);
        dt.append(el('span', 'col-type', column.type.toLowerCase()));
        const dd = el('dd', shown.cls, shown.cls === 'json' ? shown.title : shown.text);
        list.append(dt, dd);
      });
      this.panel.append(list);
      const actions = el('div', 'panel-actions');
      actions.append(el('div', 'panel-subtitle', 'Actions'));
      this.panel.append(actions);
      // row-actions.js fills the panel's actions (buttons and the latest request's state)
      this.root.dispatchEvent(new CustomEvent('rowdesk:row-panel', {
        bubbles: true,
        detail: { relation: this.relation, columns: this.columns, values: values, container: actions }
      }));
    }
  }

  async function writeClipboard(text) {
    try {
      await navigator.clipboard.writeText(text);
    } catch (e) {
      const area = document.createElement('textarea');
      area.value = text;
      area.style.position = 'fixed';
      area.style.opacity = '0';
      document.body.append(area);
      area.select();
      document.execCommand('copy');
      area.remove();
    }
  }

  window.RowdeskGrid = { format: format };
  document.addEventListener('DOMContentLoaded', () => {
    document.querySelectorAll('[data-grid]').forEach(root => { root.grid = new Grid(root); });
  });
})();
