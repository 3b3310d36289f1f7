// Grouped and aggregate answers as people read them: labelled columns ("Total amount"), dates cut
// to their grain ("Jan 2026"), values formatted like the relation's own columns, largest first
// (date groups in time order) unless the question asked for its own order, and a chart.
import { el } from './dom.js';
import { format, label, isNumberType, isTimeType, dateAtGrain, grainOf, count, humanize } from './format.js';

const GRAINS = ['day', 'week', 'month', 'quarter', 'year'];
const FUNCTIONS = { sum: 'Total', avg: 'Average', min: 'Lowest', max: 'Highest', count_distinct: 'Distinct' };

/**
 * The presentation of a result column: its label and the column whose format it takes.
 * `columns` are the relation's presented columns.
 */
export function presentColumn(column, columns) {
  const byName = name => columns.find(c => c.name === name);
  if (column.name === 'count') return { ...column, label: 'Count', format: { kind: 'number' } };
  for (const [fn, word] of Object.entries(FUNCTIONS).sort((a, b) => b[0].length - a[0].length)) {
    if (column.name.startsWith(fn + '_')) {
      const source = byName(column.name.slice(fn.length + 1));
      if (!source) continue;
      const name = label(source);
      const lower = name.length > 1 && name[1] === name[1].toUpperCase() ? name : name.charAt(0).toLowerCase() + name.slice(1);
      const kept = fn === 'count_distinct' ? { kind: 'number' } : source.format;
      return { ...column, label: word + ' ' + lower, format: kept };
    }
  }
  if (GRAINS.includes(column.name) && isTimeType(column.type)) {
    return { ...column, label: humanize(column.name), grain: column.name, format: { kind: 'datetime' } };
  }
  const source = byName(column.name);
  if (source) return { ...source, type: column.type };
  return { ...column, label: humanize(column.name) };
}

/** The cell of a result value: dates at their grain, everything else as its column reads. */
export function cell(value, column) {
  if (value !== null && value !== undefined && column.grain) {
    return { text: dateAtGrain(value, column.grain), cls: 'time', title: String(value) };
  }
  return format(value, column);
}

/**
 * The rows in the order people expect: when the question named no order, a date group in time
 * order, otherwise the first measure largest first.
 */
export function ordered(rows, columns, ownOrder) {
  if (ownOrder || rows.length < 2) return rows;
  const first = columns[0];
  if (first && (first.grain || isTimeType(first.type))) {
    return [...rows].sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  }
  const measure = columns.findIndex((c, i) => i > 0 && isNumberType(c.type));
  if (measure < 0) return rows;
  return [...rows].sort((a, b) => Number(b[measure]) - Number(a[measure]));
}

/** Fills `table` with the result and returns the presented columns and ordered rows. */
export function renderTable(table, body, columns, ownOrder) {
  const presented = body.columns.map(c => presentColumn(c, columns));
  // a date group without a grain in its name (a plain date column) reads at the grain its values have
  presented.forEach((c, i) => {
    if (!c.grain && isTimeType(c.type) && body.rows.length > 1 && i === 0) c.grain = grainOf(body.rows.map(r => r[0]));
  });
  const rows = ordered(body.rows, presented, ownOrder);
  table.innerHTML = '';
  const head = el('tr');
  presented.forEach(c => {
    const th = el('th', isNumberType(c.type) ? 'num' : '', label(c));
    th.title = c.name + ' · ' + String(c.type).toLowerCase();
    head.append(th);
  });
  const thead = el('thead');
  thead.append(head);
  const tbody = el('tbody');
  rows.forEach(row => {
    const tr = el('tr');
    row.forEach((value, i) => {
      const shown = cell(value, presented[i]);
      const td = el('td', shown.cls, shown.text);
      if (shown.title) td.title = shown.title;
      tr.append(td);
    });
    tbody.append(tr);
  });
  table.append(thead, tbody);
  return { columns: presented, rows: rows };
}

/** "Showing 200 of 1,204 groups" when the answer was cut. */
export function cutNotice(body) {
  if (body.total > body.rows.length) {
    return 'Showing the first ' + count(body.rows.length) + ' of ' + count(body.total) + ' groups';
  }
  return count(body.rows.length) + (body.rows.length === 1 ? ' group' : ' groups');
}
