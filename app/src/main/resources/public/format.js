// How values read: type-aware display text for the grid, the row panel and result tables.

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

export function isNumberType(type) {
  return numberTypes.test(String(type).toUpperCase());
}

export function isTimeType(type) {
  return /^(TIMESTAMP|DATE)/.test(String(type).toUpperCase());
}

export function count(n) {
  return Number(n).toLocaleString('en-US');
}

/** Type-aware display text and CSS class of one value. */
export function format(value, column) {
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
export function plain(value) {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.replace(/[\t\r\n]+/g, ' ');
}
