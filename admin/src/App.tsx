import { lazy, useCallback, useSyncExternalStore } from 'react';
import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import type { Meta, ModuleMeta, ResourceMeta } from '../../server/meta/types';
import { accountRoutes, gateRoutes } from './account/routes';
import { Dashboard } from './Dashboard';
import { i18nProvider } from './i18nProvider';
import { AppLayout } from './layout/AppLayout';
import { LoginPage } from './layout/LoginPage';
import { MatrixPage } from './matrix/MatrixPage';
import { moduleIcon } from './layout/moduleIcons';
import { currentMeta, loadMeta, subscribeMeta } from './meta/metaStore';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { OVERRIDES } from './resources/overrides';
import { ActionNotAllowed, NotAllowedPage } from './screens/NotAllowedPage';
import { theme } from './theme';
import { usersRoute } from './users/routes';

/**
 * The generated screens (and the datagrid, filters, inputs and fields they bring) are not on
 * the login page or the dashboard: each is fetched when a resource's screen is first opened.
 * react-admin's layout shows its loading indicator meanwhile (its content sits in Suspense).
 */
const GeneratedList = lazy(() => import('./screens/GeneratedList').then((m) => ({ default: m.GeneratedList })));
const GeneratedShow = lazy(() => import('./screens/GeneratedShow').then((m) => ({ default: m.GeneratedShow })));
const GeneratedEdit = lazy(() => import('./screens/GeneratedForms').then((m) => ({ default: m.GeneratedEdit })));
const GeneratedCreate = lazy(() => import('./screens/GeneratedForms').then((m) => ({ default: m.GeneratedCreate })));

/**
 * A resource's screens: a hand-written override wins; write screens only where the caller may
 * write. Their addresses, typed by hand, say "not allowed" rather than open something else.
 */
function resourceFor(r: ResourceMeta, modules: ModuleMeta[]) {
  const own = OVERRIDES[r.name] ?? {};
  const writable = !r.readOnly && r.primaryKey.length > 0;
  const canEdit = writable && r.actions.includes('update');
  const canCreate = writable && r.actions.includes('create');
  return (
    <Resource
      key={r.name}
      name={r.name}
      options={{ label: r.label }}
      icon={moduleIcon(modules.find((m) => m.name === r.module)?.icon)}
      recordRepresentation={r.displayField}
      list={own.list ?? GeneratedList}
      show={r.primaryKey.length ? (own.show ?? GeneratedShow) : undefined}
      edit={canEdit ? (own.edit ?? GeneratedEdit) : undefined}
      create={canCreate ? (own.create ?? GeneratedCreate) : undefined}
    >
      {!canCreate && <Route path="create/*" element={<ActionNotAllowed action="create" />} />}
      {!canEdit && r.primaryKey.length > 0 && <Route path=":id" element={<ActionNotAllowed action="edit" />} />}
    </Resource>
  );
}

let latestCall = 0;

/**
 * Resources are registered at run time from the caller's /api/meta; react-admin calls this
 * again when the role changes (login) and when the metadata does (App passes a new function).
 * Metadata in hand gives the resources at once, which react-admin applies without unmounting
 * the page; only the first load waits, and an answer overtaken by a later call is dropped
 * (react-admin appends what a promise brings). If the metadata cannot be loaded the app still
 * starts (no resources) and the dashboard says why, rather than spinning forever.
 */
function resourcesFromMeta(role: string | null | undefined, meta: Meta | undefined) {
  const call = ++latestCall;
  if (!role) return []; // signed out: the login page needs no resources
  if (meta) return meta.resources.map((r) => resourceFor(r, meta.modules));
  return loadMeta().then(
    (loaded) => (call === latestCall ? loaded.resources.map((r) => resourceFor(r, loaded.modules)) : []),
    () => [],
  );
}

export function App() {
  const meta = useSyncExternalStore(subscribeMeta, currentMeta);
  const resources = useCallback((role: string | null | undefined) => resourcesFromMeta(role, meta), [meta]);
  return (
    <Admin
      title="Gatehouse"
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      loginPage={LoginPage}
      dashboard={Dashboard}
      catchAll={NotAllowedPage}
      layout={AppLayout}
      theme={theme}
      requireAuth
      disableTelemetry
    >
      <CustomRoutes noLayout>{gateRoutes}</CustomRoutes>
      <CustomRoutes>
        <Route path="/matrix" element={<MatrixPage />} />
        {usersRoute}
        {accountRoutes}
      </CustomRoutes>
      {resources}
    </Admin>
  );
}
