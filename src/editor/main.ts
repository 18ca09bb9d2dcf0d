/**
 * The editor's page: the entry lists, the form of one entry, 发布与回退 or 从表格导入, as the
 * address says (`?view=edit&collection=officers&id=wang-xiang`, `?view=new&collection=honors`,
 * `?view=publish`, `?view=import`). Every view is a link to such an address, so reload and the
 * back button work as everywhere.
 */
import { startForm } from './form-view';
import { startImport } from './import-view';
import { startList } from './list-view';
import { startPublish } from './publish-view';
import { readView } from './urls';

/** The list's own parts give way to another view's. */
function ownPage(): HTMLElement {
  document.querySelector<HTMLElement>('.tabs')!.hidden = true;
  document.querySelector<HTMLElement>('#panel')!.hidden = true;
  const page = document.createElement('section');
  page.className = 'view';
  document.querySelector('main')!.append(page);
  return page;
}

const view = readView(location.search);
if (view.view === 'list') startList();
else if (view.view === 'publish') startPublish(ownPage());
else if (view.view === 'import') void startImport(ownPage());
else startForm({ collection: view.collection, ...(view.view === 'edit' ? { id: view.id } : {}) });
