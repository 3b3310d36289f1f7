// The grid's actions column: per row, the state of its latest request as a badge and the actions
// whose `when` holds there (one as a button, more in a small menu), run like the row panel runs them.
// The rows API answers both with the rows (`actions=1`), so scrolling asks for nothing more.
import { el, button } from '../dom.js';
import { actionsOf, runOnRow, stateLabel } from '../action-run.js';

const BADGE_WIDTH = 130;        // "Waiting for approval"
const MENU_WIDTH = 56;          // "Run ▾"
const CHAR_WIDTH = 7;

export class GridActions {
  constructor(grid) {
    this.grid = grid;
    this.runnable = [];
    this.width = 0;
    // the first rows wait for this: only a relation with actions the user may run asks for them
    this.ready = actionsOf(grid.relation)
      .then(defs => { this.runnable = defs.filter(d => d.may_run); })
      .catch(() => { this.runnable = []; })
      .then(() => {
        // room for a state and the widest single button (a row with one action shows it by name)
        const widest = Math.max(MENU_WIDTH, ...this.runnable.map(d => d.label.length * CHAR_WIDTH + 20));
        this.width = Math.min(320, 20 + BADGE_WIDTH + 6 + widest);
      });
    this.menu = el('div', 'row-action-menu');
    this.menu.hidden = true;
    this.menu.setAttribute('role', 'menu');
    document.addEventListener('mousedown', e => {
      if (!this.menu.hidden && !this.menu.contains(e.target) && !e.target.closest('.row-actions-more')) this.closeMenu();
    });
    document.addEventListener('keydown', e => { if (e.key === 'Escape' && !this.menu.hidden) this.closeMenu(); });
  }

  enabled() {
    return this.runnable.length > 0;
  }

  definition(name) {
    return this.runnable.find(d => d.name === name);
  }

  headCell() {
    const cell = el('div', 'actions-head');
    cell.style.width = this.width + 'px';
    cell.setAttribute('role', 'columnheader');
    cell.append(el('span', 'col-name', 'Actions'), el('span', 'col-type', 'latest request'));
    cell.title = 'The latest request of each row, and the actions that apply to it';
    return cell;
  }

  /** The actions cell of row `index` (its actions as the rows API answered them, or null). */
  cell(index, actions) {
    const cell = el('div', 'actions-cell');
    cell.style.width = this.width + 'px';
    cell.setAttribute('role', 'gridcell');
    if (!actions) return cell;
    for (const action of actions) {
      if (!action.state) continue;
      const badge = el('span', 'state state-' + action.state, stateLabel(action.state));
      badge.dataset.state = action.state;
      badge.dataset.action = action.name;
      badge.title = action.label + ': ' + stateLabel(action.state);
      cell.append(badge);
    }
    const runnable = actions.filter(a => this.definition(a.name));
    if (runnable.length === 1) {
      const run = button('row-run', runnable[0].label, () => this.run(index, runnable[0]));
      run.dataset.action = runnable[0].name;
      cell.append(run);
    } else if (runnable.length > 1) {
      const more = button('row-run row-actions-more', 'Run ▾', e => this.openMenu(e.currentTarget, index, runnable));
      more.setAttribute('aria-haspopup', 'menu');
      more.title = runnable.map(a => a.label).join(', ');
      cell.append(more);
    }
    return cell;
  }

  openMenu(anchor, index, actions) {
    if (!this.menu.hidden && this.menu.dataset.row === String(index)) { this.closeMenu(); return; }
    this.menu.innerHTML = '';
    this.menu.dataset.row = String(index);
    for (const action of actions) {
      const item = button('menu-action', action.label, () => { this.closeMenu(); this.run(index, action); });
      item.setAttribute('role', 'menuitem');
      item.dataset.action = action.name;
      this.menu.append(item);
    }
    if (!this.menu.isConnected) this.grid.root.append(this.menu);
    const box = anchor.getBoundingClientRect();
    const root = this.grid.root.getBoundingClientRect();
    this.menu.style.left = (box.left - root.left) + 'px';
    this.menu.style.top = (box.bottom - root.top + 2) + 'px';
    this.menu.hidden = false;
    const first = this.menu.querySelector('button');
    if (first) first.focus();
  }

  closeMenu() {
    this.menu.hidden = true;
    this.menu.dataset.row = '';
  }

  /** Runs one action on one row exactly as the row panel does, then shows the row's new state. */
  async run(index, action) {
    const grid = this.grid;
    const values = grid.data.rowAt(index);
    const definition = this.definition(action.name);
    if (!values || !definition) return;
    const keyIndex = grid.columns.findIndex(c => c.name === definition.key);
    if (keyIndex < 0) return;
    try {
      const answer = await runOnRow(definition, grid.columns, values, values[keyIndex]);
      if (answer) grid.refreshRows();
    } catch (e) {
      grid.showError(e.message);
    }
  }
}
