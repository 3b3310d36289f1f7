// How values read: type- and presentation-aware display text for the grid, the row panel and result
// tables. A column is {name, type, label?, format?: {kind, currency, decimals, labels}}; without a
// format (a search result's computed column) the type decides. The time zone of dates and times is
// the server's (set once by the page with setTimeZone).

const numberTypes = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|DOUBLE|FLOAT|REAL|DECIMAL)/;
const integerTypes = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)$/;
const nestedTypes = /^(JSON|STRUCT|MAP)|\[\]$|^LIST/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const numberFormats = new Map();
let timeZone = 'UTC';

export function setTimeZone(zone) {
  if (zone) timeZone = zone;
}

export function zone() {
  return timeZone;
}

function numberFormat(options) {
  const key = JSON.stringify(options);
  if (!numberFormats.has(key)) numberFormats.set(key, new Intl.NumberFormat('en-US', options));
  return numberFormats.get(key);
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

/** "visa_gift_card" → "Visa gift card". */
export function humanize(text) {
  const words = String(text).replace(/_+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : String(text);
}

/** The label of a column: configured, else from its name. */
export function label(column) {
  return column.label || humanize(column.name);
}

function scaleOf(type) {
  const match = /DECIMAL\(\d+,\s*(\d+)\)/.exec(type);
  return match ? Number(match[1]) : null;
}

/** The kind a column without a configured format has, from its type and name. */
export function kindOf(column) {
  if (column.format && column.format.kind) return column.format.kind;
  const type = String(column.type).toUpperCase();
  if (type === 'BOOLEAN') return 'boolean';
  if (nestedTypes.test(type)) return 'json';
  if (type.startsWith('TIMESTAMP')) return 'datetime';
  if (type === 'DATE') return 'date';
  if (/(^|_)id$/.test(column.name)) return 'plain';
  if (numberTypes.test(type)) return 'number';
  return 'text';
}

/**
 * The parts of a date-time value as stored. Values without an offset are wall-clock times of the
 * server's zone and are shown as they are; values with one are shown in the server's zone.
 */
function dateParts(value) {
  const text = String(value);
  const offset = /(Z|[+-]\d\d:?\d\d)$/.test(text);
  if (!offset) {
    const m = /^(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d))?)?/.exec(text);
    if (!m) return null;
    return { y: Number(m[1]), mo: Number(m[2]), d: Number(m[3]), h: Number(m[4] || 0), mi: Number(m[5] || 0), s: Number(m[6] || 0) };
  }
  const date = new Date(text);
  if (isNaN(date)) return null;
  const parts = {};
  new Intl.DateTimeFormat('en-US', { timeZone: timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23' })
    .formatToParts(date).forEach(p => { parts[p.type] = Number(p.value); });
  return { y: parts.year, mo: parts.month, d: parts.day, h: parts.hour, mi: parts.minute, s: parts.second };
}

const pad = n => String(n).padStart(2, '0');

function dateText(p) {
  return MONTHS[p.mo - 1] + ' ' + p.d + ', ' + p.y;
}

/** A date cut to its grain: "Jan 2026" for a month, "2026" for a year, "Q1 2026", "Jan 5, 2026". */
export function dateAtGrain(value, grain) {
  const p = dateParts(value);
  if (!p) return String(value);
  switch (grain) {
    case 'year': return String(p.y);
    case 'quarter': return 'Q' + (Math.floor((p.mo - 1) / 3) + 1) + ' ' + p.y;
    case 'month': return MONTHS[p.mo - 1] + ' ' + p.y;
    case 'week': return 'Week of ' + dateText(p);
    case 'day': return dateText(p);
    case 'hour': return dateText(p) + ' ' + pad(p.h) + ':00';
    default: return dateText(p) + ' ' + pad(p.h) + ':' + pad(p.mi);
  }
}

/** The grain a list of date-time values is at: the coarsest one that keeps them all exact. */
export function grainOf(values) {
  const parts = values.map(dateParts).filter(Boolean);
  if (!parts.length) return 'minute';
  if (parts.some(p => p.s || p.mi)) return 'minute';
  if (parts.some(p => p.h)) return 'hour';
  if (parts.some(p => p.d !== 1)) return 'day';
  if (parts.some(p => (p.mo - 1) % 3)) return 'month';
  if (parts.some(p => p.mo !== 1)) return values.length > 1 ? 'quarter' : 'month';
  return values.length > 1 ? 'year' : 'month';
}

/** "2 h 5 min", "45 s", "3 d 4 h" from a number of seconds. */
export function duration(seconds) {
  let s = Math.round(Math.abs(Number(seconds)));
  const sign = Number(seconds) < 0 ? '−' : '';
  const d = Math.floor(s / 86400); s -= d * 86400;
  const h = Math.floor(s / 3600); s -= h * 3600;
  const m = Math.floor(s / 60); s -= m * 60;
  if (d) return sign + d + ' d' + (h ? ' ' + h + ' h' : '');
  if (h) return sign + h + ' h' + (m ? ' ' + m + ' min' : '');
  if (m) return sign + m + ' min' + (s ? ' ' + s + ' s' : '');
  return sign + s + ' s';
}

function numeric(value, options) {
  const n = typeof value === 'number' ? value : Number(value);
  return isNaN(n) ? String(value) : numberFormat(options).format(n);
}

/** Display text, CSS class, tooltip and (for email and url) a link of one value. */
export function format(value, column) {
  if (value === null || value === undefined) return { text: '—', cls: 'null', title: 'empty' };
  const type = String(column.type).toUpperCase();
  const fmt = column.format || {};
  const kind = kindOf(column);
  const scale = fmt.decimals !== undefined && fmt.decimals !== null ? fmt.decimals : scaleOf(type);
  switch (kind) {
    case 'boolean':
      return { text: value ? '✓' : '✗', cls: 'bool ' + (value ? 'yes' : 'no'), title: value ? 'yes' : 'no' };
    case 'json': {
      const json = typeof value === 'string' ? value : JSON.stringify(value);
      const collapsed = Array.isArray(value) ? '[' + value.length + ' items]' : (json.startsWith('[') ? '[…]' : '{…}');
      return { text: collapsed, cls: 'json', title: json };
    }
    case 'datetime': {
      const p = dateParts(value);
      if (!p) return { text: String(value), cls: 'time' };
      return { text: dateText(p) + ' ' + pad(p.h) + ':' + pad(p.mi), cls: 'time', title: String(value) + ' (' + timeZone + ')' };
    }
    case 'date': {
      const p = dateParts(value);
      return { text: p ? dateText(p) : String(value), cls: 'time', title: String(value) };
    }
    case 'plain':
      return { text: String(value), cls: isNumberType(type) ? 'num' : '' };
    case 'money': {
      const decimals = scale === null ? 2 : Math.min(scale, 4);
      const options = fmt.currency
        ? { style: 'currency', currency: fmt.currency, minimumFractionDigits: decimals, maximumFractionDigits: decimals }
        : { minimumFractionDigits: decimals, maximumFractionDigits: decimals };
      return { text: numeric(value, options), cls: 'num', title: String(value) + (fmt.currency ? ' ' + fmt.currency : '') };
    }
    case 'percent': {
      const decimals = fmt.decimals !== undefined && fmt.decimals !== null ? fmt.decimals : 1;
      return { text: numeric(value, { style: 'percent', minimumFractionDigits: 0, maximumFractionDigits: decimals }), cls: 'num', title: String(value) };
    }
    case 'duration':
      return { text: isNaN(Number(value)) ? String(value) : duration(value), cls: 'num', title: String(value) + ' s' };
    case 'number': {
      if (scale !== null) return { text: numeric(value, { minimumFractionDigits: scale, maximumFractionDigits: scale }), cls: 'num' };
      if (integerTypes.test(type)) return { text: numeric(value, {}), cls: 'num' };
      return { text: numeric(value, { maximumFractionDigits: 4 }), cls: 'num' };
    }
    case 'email':
      return { text: String(value), cls: 'email', href: 'mailto:' + String(value) };
    case 'url': {
      const href = /^https?:\/\//i.test(String(value)) ? String(value) : null;
      return { text: String(value), cls: 'url', href: href };
    }
    case 'enum': {
      const labels = fmt.labels || {};
      const text = Object.prototype.hasOwnProperty.call(labels, value) ? labels[value] : humanize(value);
      return { text: text, cls: 'enum', title: text === String(value) ? undefined : String(value) };
    }
    default:
      if (typeof value === 'object') return format(value, { name: column.name, type: 'JSON' });
      return { text: String(value), cls: '' };
  }
}

/** The second line of a header: the unit people need (currency, time zone), not the SQL type. */
export function unit(column) {
  const kind = kindOf(column);
  if (kind === 'money' && column.format && column.format.currency) return column.format.currency;
  if (kind === 'datetime') return timeZone;
  if (kind === 'percent') return '%';
  return '';
}

/** The header's tooltip: name and SQL type. */
export function describe(column) {
  return column.name + ' · ' + String(column.type).toLowerCase() + (kindOf(column) === 'datetime' ? ' · shown in ' + timeZone : '');
}

/** The value as copied to the clipboard: raw, empty for NULL, no tabs or newlines. */
export function plain(value) {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.replace(/[\t\r\n]+/g, ' ');
}
