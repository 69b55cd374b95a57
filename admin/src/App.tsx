import { Admin, Resource } from 'react-admin';
import type { ResourceMeta } from '../../server/meta/types';
import { Dashboard } from './Dashboard';
import { i18nProvider } from './i18nProvider';
import { AppLayout } from './layout/AppLayout';
import { LoginPage } from './layout/LoginPage';
import { moduleIcon } from './layout/moduleIcons';
import { loadMeta } from './meta/metaStore';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { OVERRIDES } from './resources/overrides';
import { GeneratedCreate, GeneratedEdit } from './screens/GeneratedForms';
import { GeneratedList } from './screens/GeneratedList';
import { GeneratedShow } from './screens/GeneratedShow';
import { theme } from './theme';

/** A resource's screens: a hand-written override wins; write screens only where the caller may write. */
function resourceFor(r: ResourceMeta) {
  const own = OVERRIDES[r.name] ?? {};
  const writable = !r.readOnly && r.primaryKey.length > 0;
  return (
    <Resource
      key={r.name}
      name={r.name}
      options={{ label: r.label }}
      icon={moduleIcon(r.module)}
      recordRepresentation={r.displayField}
      list={own.list ?? GeneratedList}
      show={r.primaryKey.length ? (own.show ?? GeneratedShow) : undefined}
      edit={writable && r.actions.includes('update') ? (own.edit ?? GeneratedEdit) : undefined}
      create={writable && r.actions.includes('create') ? (own.create ?? GeneratedCreate) : undefined}
    />
  );
}

/**
 * Resources are registered at run time from the caller's /api/meta; react-admin calls this
 * again when the role changes (login). If the metadata cannot be loaded the app still starts
 * (no resources) and the dashboard says why, rather than spinning forever.
 */
async function resourcesFromMeta(role: string | null | undefined) {
  if (!role) return []; // signed out: the login page needs no resources
  try {
    return (await loadMeta()).resources.map(resourceFor);
  } catch {
    return [];
  }
}

export function App() {
  return (
    <Admin
      title="Gatehouse"
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      loginPage={LoginPage}
      dashboard={Dashboard}
      layout={AppLayout}
      theme={theme}
      requireAuth
      disableTelemetry
    >
      {resourcesFromMeta}
    </Admin>
  );
}
