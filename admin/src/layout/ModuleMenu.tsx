import AdminPanelSettings from '@mui/icons-material/AdminPanelSettings';
import ExpandLess from '@mui/icons-material/ExpandLess';
import ExpandMore from '@mui/icons-material/ExpandMore';
import Security from '@mui/icons-material/Security';
import ManageAccounts from '@mui/icons-material/ManageAccounts';
import { Collapse, List, ListItemButton, ListItemIcon, ListItemText } from '@mui/material';
import { useState } from 'react';
import { DashboardMenuItem, Menu, useSidebarState } from 'react-admin';
import { useLocation } from 'react-router-dom';
import { useMeta } from '../meta/useMeta';
import { moduleIcon } from './moduleIcons';

/** The menu grouped by module, each a collapsible section; the current one starts open. */
export function ModuleMenu() {
  const meta = useMeta();
  const [sidebarOpen] = useSidebarState();
  const location = useLocation();
  const current = meta.resources.find((r) => location.pathname.split('/')[1] === r.name)?.module;
  const [open, setOpen] = useState<Record<string, boolean>>({});
  const isOpen = (m: string) => open[m] ?? m === current;
  return (
    <Menu>
      <DashboardMenuItem />
      {/* The screens beyond the generated ones, for whoever the server says may open them (it checks again). */}
      {meta.features.matrix && (
        <Menu.Item to="/matrix" primaryText="Role matrix" leftIcon={<AdminPanelSettings fontSize="small" />} />
      )}
      {meta.features.securityEvents && (
        <Menu.Item to="/security-events" primaryText="Security events" leftIcon={<Security fontSize="small" />} />
      )}
      {/* User administration, for readers of the profiles (the page hides what they may not change). */}
      {meta.features.users && (
        <Menu.Item to="/users" primaryText="Users" leftIcon={<ManageAccounts fontSize="small" />} />
      )}
      {meta.modules.map((module) => {
        const Icon = moduleIcon(module.icon);
        const resources = meta.resources.filter((r) => r.module === module.name).sort((a, b) => a.label.localeCompare(b.label));
        if (resources.length === 0) return null;
        // Inside react-admin's menu (role="menu") a module is a group of menu items, its heading
        // the item that opens and closes it: a list or a button there is not part of a menu.
        return (
          <List key={module.name} component="div" role="group" aria-label={module.label} disablePadding dense>
            <ListItemButton
              role="menuitem"
              aria-label={module.label} // the only name when the sidebar is closed to its icons
              aria-expanded={isOpen(module.name)}
              onClick={() => setOpen({ ...open, [module.name]: !isOpen(module.name) })}
              data-module={module.name}
            >
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
