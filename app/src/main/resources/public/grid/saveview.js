// "Save view": keeps the grid's current state (search and the chips removed from it, filters, sort,
// columns and widths) under a name, private or shared with everyone (builders and admins), through
// /api/v1/saved-views. When the page was opened from one of the user's own views, it can also update
// that view.
import { el, button } from '../dom.js';
import { getJson, sendJson } from '../api.js';
import { sortParam } from './state.js';

export class SaveView {
  constructor(grid, url, canShare) {
    this.grid = grid;
    this.url = url;
    this.canShare = canShare;
    this.node = el('div', 'save-menu');
    this.node.hidden = true;
    this.node.setAttribute('role', 'dialog');
    this.node.setAttribute('aria-label', 'Save this view');
    this.viewId = new URLSearchParams(location.search).get('view');
    this.current = null;
    if (this.viewId) {
      getJson(this.url + '/' + encodeURIComponent(this.viewId)).then(answer => {
        if (answer.ok && answer.body.relation === grid.relation) this.current = answer.body;
      });
    }
  }

  /** The state a saved view keeps. */
  state(name, shared) {
    const grid = this.grid;
    return {
      name: name,
      relation: grid.relation,
      q: grid.shown.q || '',
      removed: grid.shown.q ? grid.shown.removed : [],
      filters: grid.filters,
      sort: sortParam(grid.sort),
      columns: {
        order: grid.order,
        hidden: grid.order.filter(n => grid.hidden.has(n)),
        widths: grid.widths
      },
      shared: shared
    };
  }

  toggle() {
    if (!this.node.hidden) { this.node.hidden = true; return; }
    this.render();
    this.node.hidden = false;
    const input = this.node.querySelector('input[type=text]');
    if (input) input.focus();
  }

  render(problem) {
    this.node.innerHTML = '';
    this.node.append(el('div', 'menu-title', 'Save this view'));
    const name = document.createElement('input');
    name.type = 'text';
    name.className = 'filter-input view-name';
    name.placeholder = 'Name, e.g. My pending queue';
    name.maxLength = 80;
    name.setAttribute('aria-label', 'Name of the view');
    const shareLabel = el('label', 'menu-item share');
    const share = document.createElement('input');
    share.type = 'checkbox';
    share.disabled = !this.canShare;
    shareLabel.append(share, document.createTextNode(' Share with everyone'));
    if (!this.canShare) shareLabel.title = 'Sharing needs the builder role; your views are private.';
    const save = () => this.save(name.value.trim(), share.checked, null);
    name.addEventListener('keydown', e => { if (e.key === 'Enter') { e.preventDefault(); save(); } });
    const row = el('div', 'filter-row');
    row.append(button('tool small primary-tool save-new', 'Save', save), button('tool small', 'Cancel', () => { this.node.hidden = true; }));
    this.node.append(name, shareLabel, row);
    if (this.current && this.current.mine) {
      const update = el('div', 'filter-row');
      update.append(button('tool small update-view', 'Update “' + this.current.name + '”',
        () => this.save(this.current.name, this.current.shared && this.canShare, this.current.id)));
      this.node.append(update);
    }
    if (problem) {
      const p = el('p', 'save-problem', problem);
      p.setAttribute('role', 'alert');
      this.node.append(p);
    }
  }

  async save(name, shared, id) {
    if (!name) { this.render('Give the view a name.'); return; }
    const body = this.state(name, shared);
    const answer = id === null
      ? await sendJson('POST', this.url, body, undefined, { inlineProblems: true })
      : await sendJson('PUT', this.url + '/' + id, body, undefined, { inlineProblems: true });
    if (answer.redirected) return;
    if (!answer.ok) { this.render(answer.body && answer.body.error ? answer.body.error : 'The view could not be saved.'); return; }
    this.current = answer.body;
    this.node.hidden = true;
    // the page now shows this view: its link is the one to share
    this.grid.viewId = String(answer.body.id);
    this.grid.writeUrl();
    document.dispatchEvent(new CustomEvent('rowdesk:saved-views-changed'));
    this.grid.status.textContent += ' · saved “' + answer.body.name + '”';
  }
}
