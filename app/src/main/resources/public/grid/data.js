// The grid's rows: blocks of one API window each, fetched on demand, the oldest dropped past a cap.
// A change of sort or search starts a new generation: late answers for an old one are dropped.
import { getJson } from '../api.js';

export const BLOCK = 100;         // rows per request: one window of the JSON API
const MAX_BLOCKS = 60;            // rows kept in memory: 6,000

export class RowData {
  /**
   * rowsUrl: the rows API; params(): the search and sort to ask for;
   * on: {loaded(), total(n), error(message)}.
   */
  constructor(rowsUrl, params, on) {
    this.rowsUrl = rowsUrl;
    this.params = params;
    this.on = on;
    this.blocks = new Map();      // block index -> rows
    this.inflight = new Map();    // block index -> AbortController
    this.generation = 0;
  }

  rowAt(index) {
    const block = this.blocks.get(Math.floor(index / BLOCK));
    return block ? block[index % BLOCK] : null;
  }

  /** Forgets every row: the next render asks again, in the new order or search. */
  reset() {
    this.generation++;
    this.inflight.forEach(controller => controller.abort());
    this.inflight.clear();
    this.blocks.clear();
  }

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
    this.load(b * BLOCK, BLOCK, controller.signal).then(rows => {
      if (generation !== this.generation) return;
      this.inflight.delete(b);
      this.blocks.set(b, rows);
      if (this.blocks.size > MAX_BLOCKS) this.blocks.delete(this.blocks.keys().next().value);
      this.on.loaded();
    }).catch(error => {
      if (error.name === 'AbortError') return;
      this.inflight.delete(b);
      this.on.error(error.message);
    });
  }

  async load(offset, limit, signal) {
    const params = this.params(new URLSearchParams({ offset: offset, limit: limit }));
    const answer = await getJson(this.rowsUrl + '?' + params, signal);
    if (answer.redirected) return [];
    if (!answer.ok) throw new Error(answer.body.error || 'The rows could not be loaded.');
    this.on.total(answer.body.total);
    return answer.body.rows;
  }

  /** Rows offset..offset+limit-1, from memory when all are loaded, else from the server. */
  async rows(offset, limit) {
    const rows = [];
    for (let i = offset; i < offset + limit; i++) {
      const values = this.rowAt(i);
      if (!values) return this.load(offset, limit);
      rows.push(values);
    }
    return rows;
  }
}
