// The sidebar's "Saved views": the user's own views and those shared with everyone, each a link
// that opens the grid exactly as it was saved. Own views (or any, for an admin) can be deleted.
import { el, button } from './dom.js';
import { getJson, sendJson } from './api.js';

class SavedViewList {
  constructor(root) {
    this.root = root;
    this.url = root.dataset.url;
    this.list = root.querySelector('.saved-list');
    this.empty = root.querySelector('.saved-empty');
    document.addEventListener('rowdesk:saved-views-changed', () => this.load());
    this.load();
  }

  async load() {
    const answer = await getJson(this.url);
    if (!answer.ok) return;
    this.render(answer.body);
  }

  render(views) {
    const current = new URLSearchParams(location.search).get('view');
    this.list.innerHTML = '';
    this.empty.hidden = views.length > 0;
    views.forEach(view => {
      const item = el('li', 'saved-item');
      const link = el('a', 'saved-link' + (String(view.id) === current ? ' active' : ''));
      link.href = view.link;
      link.dataset.viewId = view.id;
      link.title = view.relation + (view.q ? ' · ' + view.q : '') + (view.mine ? '' : ' · shared by ' + view.owner);
      link.append(el('span', 'rel-name', view.name), el('span', 'saved-tag', view.shared ? 'shared' : view.relation));
      item.append(link);
      if (view.mine || document.body.dataset.role === 'admin') {
        const remove = button('saved-delete', '×', async () => {
          if (!confirm('Delete the saved view “' + view.name + '”?')) return;
          const answer = await sendJson('DELETE', this.url + '/' + view.id);
          if (answer.ok) this.load();
        });
        remove.setAttribute('aria-label', 'Delete ' + view.name);
        item.append(remove);
      }
      this.list.append(item);
    });
  }
}

document.querySelectorAll('[data-saved-views]').forEach(root => { root.savedViews = new SavedViewList(root); });
