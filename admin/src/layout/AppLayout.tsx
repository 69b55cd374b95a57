import type { ReactNode } from 'react';
import { Layout } from 'react-admin';
import { ModuleMenu } from './ModuleMenu';

export const AppLayout = ({ children }: { children: ReactNode }) => <Layout menu={ModuleMenu}>{children}</Layout>;
