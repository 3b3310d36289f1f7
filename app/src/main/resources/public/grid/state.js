// The grid's state in the URL, so that a link reproduces the view: sort, position, focus, hidden
// and reordered columns, widths, the row panel and the search.

import { filtersParam } from './filters.js';

export const MIN_WIDTH = 60;

/** The relation's own view: its configured default sort and hidden columns. */
export function defaults(columns, defaultSort) {
  return { sort: defaultSort || '', hide: columns.filter(c => c.hidden).map(c => c.name).join(',') };
}

function parseSort(text, names) {
  return (text || '').split(',').filter(Boolean)
    .map(s => ({ name: s.replace(/^-/, ''), desc: s.startsWith('-') }))
    .filter(s => names.includes(s.name));
}

/**
 * The state a URL asks for, checked against the relation's columns. Without sort= or hide= the
 * relation's defaults apply; an empty sort= means "no sort" even when the relation has a default.
 */
export function readState(search, columns, total, base) {
  const params = new URLSearchParams(search);
  const names = columns.map(c => c.name);
  const state = {};
  state.sort = parseSort(params.has('sort') ? params.get('sort') : base.sort, names);
  const order = (params.get('order') || '').split(',').filter(n => names.includes(n));
  state.order = order.concat(names.filter(n => !order.includes(n)));
  state.hidden = new Set((params.has('hide') ? params.get('hide') : base.hide).split(',').filter(n => names.includes(n)));
  state.widths = {};
  (params.get('w') || '').split(',').forEach(pair => {
    const [name, px] = pair.split(':');
    if (names.includes(name) && Number(px) >= MIN_WIDTH) state.widths[name] = Number(px);
  });
  state.row = Math.max(0, Math.min(total - 1, Number(params.get('row')) || 0));
  state.focus = {
    row: params.has('focus') ? Math.max(0, Math.min(total - 1, Number(params.get('focus')) || 0)) : 0,
    col: params.has('col') ? Math.max(0, Number(params.get('col')) || 0) : 0
  };
  state.panelOpen = params.get('panel') === '1';
  return state;
}

export function sortParam(sort) {
  return sort.map(s => (s.desc ? '-' : '') + s.name).join(',');
}

/**
 * The URL's query for the grid's current state; `natural` is the columns' own order, `base` the
 * relation's defaults (left out of the URL when the state equals them).
 */
export function stateParams(grid, natural, base) {
  const params = new URLSearchParams();
  if (grid.shown.q) params.set('q', grid.shown.q);
  if (grid.shown.q && grid.shown.removed.length) params.set('removed', grid.shown.removed.join(','));
  if (grid.filters.length) params.set('filters', filtersParam(grid.filters));
  if (sortParam(grid.sort) !== base.sort) params.set('sort', sortParam(grid.sort));
  const top = Math.floor(grid.topRow());
  if (top > 0) params.set('row', top);
  if (grid.focus.row > 0) params.set('focus', grid.focus.row);
  if (grid.focus.col > 0) params.set('col', grid.focus.col);
  const hide = grid.order.filter(n => grid.hidden.has(n)).join(',');
  const baseHide = grid.order.filter(n => base.hide.split(',').includes(n)).join(',');
  if (hide !== baseHide) params.set('hide', hide);
  if (grid.order.join(',') !== natural) params.set('order', grid.order.join(','));
  const widths = Object.entries(grid.widths).map(([n, px]) => n + ':' + Math.round(px));
  if (widths.length) params.set('w', widths.join(','));
  if (grid.panelOpen) params.set('panel', '1');
  if (grid.viewId) params.set('view', grid.viewId);
  return params;
}
