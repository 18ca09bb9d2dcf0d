/**
 * The editor's page: the entry lists, or the form of one entry, as the address says
 * (`?view=edit&collection=officers&id=wang-xiang`, `?view=new&collection=honors`). Opening an entry
 * or 新建 is a link to such an address, so reload and the back button work as everywhere.
 */
import { startForm } from './form-view';
import { startList } from './list-view';
import { readView } from './urls';

const view = readView(location.search);
if (view.view === 'list') startList();
else startForm({ collection: view.collection, ...(view.view === 'edit' ? { id: view.id } : {}) });
