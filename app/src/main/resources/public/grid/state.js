// The grid's state in the URL, so that a link reproduces the view: sort, position, focus, hidden
// and reordered columns, widths, the row panel and the search.

export const MIN_WIDTH = 60;

/** The state a URL asks for, checked against the relation's columns. */
export function readState(search, columns, total) {
  const params = new URLSearchParams(search);
  const names = columns.map(c => c.name);
  const state = {};
  state.sort = (params.get('sort') || '').split(',').filter(Boolean)
    .map(s => ({ name: s.replace(/^-/, ''), desc: s.startsWith('-') }))
    .filter(s => names.includes(s.name));
  const order = (params.get('order') || '').split(',').filter(n => names.includes(n));
  state.order = order.concat(names.filter(n => !order.includes(n)));
  state.hidden = new Set((params.get('hide') || '').split(',').filter(n => names.includes(n)));
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

/** The URL's query for the grid's current state; `natural` is the columns' own order. */
export function stateParams(grid, natural) {
  const params = new URLSearchParams();
  if (grid.q) params.set('q', grid.q);
  if (grid.sort.length) params.set('sort', sortParam(grid.sort));
  const top = Math.floor(grid.topRow());
  if (top > 0) params.set('row', top);
  if (grid.focus.row > 0) params.set('focus', grid.focus.row);
  if (grid.focus.col > 0) params.set('col', grid.focus.col);
  if (grid.hidden.size) params.set('hide', [...grid.hidden].join(','));
  if (grid.order.join(',') !== natural) params.set('order', grid.order.join(','));
  const widths = Object.entries(grid.widths).map(([n, px]) => n + ':' + Math.round(px));
  if (widths.length) params.set('w', widths.join(','));
  if (grid.panelOpen) params.set('panel', '1');
  return params;
}
