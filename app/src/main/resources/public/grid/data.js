// The grid's rows: blocks of one API window each, fetched on demand, the oldest dropped past a cap.
// A change of sort or search starts a new generation: late answers for an old one are dropped.
// With row actions, each block also holds, per row, the actions offered there and their latest
// request's state (the rows API's `actions`, asked for with `actions=1`).
import { getJson } from '../api.js';

export const BLOCK = 100;         // rows per request: one window of the JSON API
const MAX_BLOCKS = 60;            // rows kept in memory: 6,000

export class RowData {
  /**
   * rowsUrl: the rows API; params(): the search and sort to ask for;
   * on: {loaded(), total(n), error(message)}; ready: a promise the first request waits for (the
   * grid learns first whether to ask for row actions).
   */
  constructor(rowsUrl, params, on, ready) {
    this.rowsUrl = rowsUrl;
    this.params = params;
    this.on = on;
    this.ready = ready || Promise.resolve();
    this.blocks = new Map();      // block index -> rows
    this.actions = new Map();     // block index -> per row, its actions (when asked for)
    this.stamps = new Map();      // block index -> which load it came from: a reload repaints
    this.loads = 0;
    this.withActions = false;     // set by the grid when the relation has actions the user may run
    this.inflight = new Map();    // block index -> AbortController
    this.generation = 0;
  }

  rowAt(index) {
    const block = this.blocks.get(Math.floor(index / BLOCK));
    return block ? block[index % BLOCK] : null;
  }

  /** The row actions of a row (null when not loaded or not asked for). */
  actionsAt(index) {
    const block = this.actions.get(Math.floor(index / BLOCK));
    return block ? block[index % BLOCK] || [] : null;
  }

  /** Changes when the row's block is loaded again. */
  stampAt(index) {
    return this.stamps.get(Math.floor(index / BLOCK)) || 0;
  }

  /** Forgets every row: the next render asks again, in the new order or search. */
  reset() {
    this.generation++;
    this.inflight.forEach(controller => controller.abort());
    this.inflight.clear();
    this.blocks.clear();
    this.actions.clear();
    this.stamps.clear();
  }

  /**
   * Loads rows start..end-1 again in place (the old ones stay shown until the answer comes) and
   * forgets the other blocks, which are asked for again when scrolled to: after a run, the states
   * of the requests change.
   */
  refresh(start, end) {
    const wanted = new Set();
    for (let b = Math.floor(start / BLOCK); b <= Math.floor((Math.max(start, end) - 1) / BLOCK); b++) wanted.add(b);
    for (const b of [...this.blocks.keys()]) {
      if (!wanted.has(b)) { this.blocks.delete(b); this.actions.delete(b); this.stamps.delete(b); }
    }
    this.inflight.forEach(controller => controller.abort());
    this.inflight.clear();
    wanted.forEach(b => this.fetchBlock(b));
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
    this.ready.then(() => this.load(b * BLOCK, BLOCK, controller.signal, this.withActions)).then(answer => {
      if (generation !== this.generation || controller.signal.aborted) return;
      this.inflight.delete(b);
      this.blocks.delete(b);
      this.blocks.set(b, answer.rows);
      if (answer.actions) this.actions.set(b, answer.actions); else this.actions.delete(b);
      this.stamps.set(b, ++this.loads);
      if (this.blocks.size > MAX_BLOCKS) {
        const oldest = this.blocks.keys().next().value;
        this.blocks.delete(oldest);
        this.actions.delete(oldest);
        this.stamps.delete(oldest);
      }
      this.on.loaded();
    }).catch(error => {
      if (error.name === 'AbortError') return;
      this.inflight.delete(b);
      this.on.error(error.message);
    });
  }

  async load(offset, limit, signal, withActions) {
    const params = this.params(new URLSearchParams({ offset: offset, limit: limit }));
    if (withActions) params.set('actions', '1');
    const answer = await getJson(this.rowsUrl + '?' + params, signal);
    if (answer.redirected) return { rows: [], actions: null };
    if (!answer.ok) throw new Error(answer.body.error || 'The rows could not be loaded.');
    this.on.total(answer.body.total);
    return { rows: answer.body.rows, actions: answer.body.actions || null };
  }

  /** Rows offset..offset+limit-1, from memory when all are loaded, else from the server. */
  async rows(offset, limit) {
    const rows = [];
    for (let i = offset; i < offset + limit; i++) {
      const values = this.rowAt(i);
      if (!values) return (await this.load(offset, limit)).rows;
      rows.push(values);
    }
    return rows;
  }
}
