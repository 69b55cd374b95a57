import { Admin, Resource } from 'react-admin';
import type { Meta } from '../../server/meta/types';
import { Dashboard } from './Dashboard';
import { AppLayout } from './layout/AppLayout';
import { moduleIcon } from './layout/moduleIcons';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { OVERRIDES } from './resources/overrides';
import { GeneratedCreate, GeneratedEdit } from './screens/GeneratedForms';
import { GeneratedList } from './screens/GeneratedList';
import { GeneratedShow } from './screens/GeneratedShow';
import { theme } from './theme';

/** One <Resource> per resource of the caller's metadata (authProvider.getPermissions). */
export function App() {
  return (
    <Admin
      title="Gatehouse"
      dataProvider={dataProvider}
      authProvider={authProvider}
      dashboard={Dashboard}
      layout={AppLayout}
      theme={theme}
      requireAuth
      disableTelemetry
    >
      {(meta: Meta | undefined) =>
        (meta?.resources ?? []).map((r) => {
          const own = OVERRIDES[r.name] ?? {};
          const writable = !r.readOnly;
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
        })
      }
    </Admin>
  );
}
