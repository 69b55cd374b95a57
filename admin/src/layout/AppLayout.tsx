import type { ReactNode } from 'react';
import { Layout } from 'react-admin';
import { useMetaRefresh } from '../meta/useMetaRefresh';
import { ModuleMenu } from './ModuleMenu';

/** The layout is drawn only for a signed-in caller, so it is where their metadata is kept fresh. */
export function AppLayout({ children }: { children: ReactNode }) {
  useMetaRefresh();
  return <Layout menu={ModuleMenu}>{children}</Layout>;
}
