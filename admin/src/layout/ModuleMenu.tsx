import AdminPanelSettings from '@mui/icons-material/AdminPanelSettings';
import ExpandLess from '@mui/icons-material/ExpandLess';
import ExpandMore from '@mui/icons-material/ExpandMore';
import Security from '@mui/icons-material/Security';
import ManageAccounts from '@mui/icons-material/ManageAccounts';
import { Collapse, List, ListItemButton, ListItemIcon, ListItemText } from '@mui/material';
import { useState } from 'react';
import { DashboardMenuItem, Menu, useSidebarState } from 'react-admin';
import { useLocation } from 'react-router-dom';
import { useCallerAbility } from '../meta/useCallerAbility';
import { useMeta } from '../meta/useMeta';
import { USER_LIST_SUBJECTS } from '../users/routes';
import { moduleIcon } from './moduleIcons';

/** The menu grouped by module, each a collapsible section; the current one starts open. */
export function ModuleMenu() {
  const meta = useMeta();
  const ability = useCallerAbility();
  const [sidebarOpen] = useSidebarState();
  const location = useLocation();
  const current = meta.resources.find((r) => location.pathname.split('/')[1] === r.name)?.module;
  const [open, setOpen] = useState<Record<string, boolean>>({});
  const isOpen = (m: string) => open[m] ?? m === current;
  return (
    <Menu>
      <DashboardMenuItem />
      {/* The matrix editor, for whoever may read the matrix (its table is among their resources). */}
      {meta.resources.some((r) => r.name === 'role_permissions') && (
        <Menu.Item to="/matrix" primaryText="Role matrix" leftIcon={<AdminPanelSettings fontSize="small" />} />
      )}
      {/* The security log is part of the audit trail: whoever may read audit_log reads it (the server agrees). */}
      {ability?.can('read', 'audit_log') && (
        <Menu.Item to="/security-events" primaryText="Security events" leftIcon={<Security fontSize="small" />} />
      )}
      {/* User administration, for readers of the profiles (the page hides what they may not change). */}
      {USER_LIST_SUBJECTS.some((subject) => ability?.can('read', subject)) && (
        <Menu.Item to="/users" primaryText="Users" leftIcon={<ManageAccounts fontSize="small" />} />
      )}
      {meta.modules.map((module) => {
        const Icon = moduleIcon(module.name);
        const resources = meta.resources.filter((r) => r.module === module.name).sort((a, b) => a.label.localeCompare(b.label));
        if (resources.length === 0) return null;
        return (
          <List key={module.name} disablePadding dense>
            <ListItemButton onClick={() => setOpen({ ...open, [module.name]: !isOpen(module.name) })} data-module={module.name}>
              <ListItemIcon sx={{ minWidth: 40 }}>
                <Icon fontSize="small" />
              </ListItemIcon>
              {sidebarOpen && <ListItemText primary={module.label} slotProps={{ primary: { sx: { fontWeight: 600, fontSize: 14 } } }} />}
              {sidebarOpen && (isOpen(module.name) ? <ExpandLess fontSize="small" /> : <ExpandMore fontSize="small" />)}
            </ListItemButton>
            <Collapse in={isOpen(module.name)} unmountOnExit>
              {resources.map((r) => (
                <Menu.Item key={r.name} to={`/${r.name}`} primaryText={r.label} sx={{ pl: sidebarOpen ? 4 : 2 }} />
              ))}
            </Collapse>
          </List>
        );
      })}
    </Menu>
  );
}
