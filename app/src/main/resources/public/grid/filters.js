// Column filters: [{column, op, values?, min?, max?, value?}], kept in the URL and sent to the rows
// and export API as one `filters` parameter (JSON). The server binds every value and checks every
// column against the catalog; here they are only read, written and worded as chips.
import { format, label } from '../format.js';

export const OPS = ['in', 'between', 'contains', 'empty', 'not_empty'];

export function filtersParam(filters) {
  return JSON.stringify(filters.map(f => {
    const out = { column: f.column, op: f.op };
    if (f.op === 'in') out.values = f.values;
    if (f.op === 'between') { if (f.min !== undefined && f.min !== null && f.min !== '') out.min = f.min; if (f.max !== undefined && f.max !== null && f.max !== '') out.max = f.max; }
    if (f.op === 'contains') out.value = f.value;
    return out;
  }));
}

/** The filters of a URL parameter, keeping only well-formed ones on known columns. */
export function parseFilters(text, columns) {
  if (!text) return [];
  let list;
  try { list = JSON.parse(text); } catch (e) { return []; }
  if (!Array.isArray(list)) return [];
  const names = columns.map(c => c.name);
  return list.filter(f => f && names.includes(f.column) && OPS.includes(f.op)
    && (f.op !== 'in' || (Array.isArray(f.values) && f.values.length))
    && (f.op !== 'contains' || (typeof f.value === 'string' && f.value))
    && (f.op !== 'between' || f.min !== undefined || f.max !== undefined));
}

/** How a filter reads on its chip: "Status is Pending or Paid", "Amount from $100.00 to $500.00". */
export function describeFilter(filter, columns) {
  const column = columns.find(c => c.name === filter.column) || { name: filter.column, type: 'VARCHAR' };
  const name = label(column);
  const shown = v => format(v, column).text;
  switch (filter.op) {
    case 'in':
      return name + ' is ' + filter.values.map(shown).join(' or ');
    case 'between':
      if (filter.min !== undefined && filter.max !== undefined) return name + ' from ' + shown(filter.min) + ' to ' + shown(filter.max);
      if (filter.min !== undefined) return name + ' at least ' + shown(filter.min);
      return name + ' at most ' + shown(filter.max);
    case 'contains':
      return name + ' contains “' + filter.value + '”';
    case 'empty':
      return name + ' is empty';
    case 'not_empty':
      return name + ' is not empty';
    default:
      return name;
  }
}
