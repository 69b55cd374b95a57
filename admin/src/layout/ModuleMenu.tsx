import AdminPanelSettings from '@mui/icons-material/AdminPanelSettings';
import ExpandLess from '@mui/icons-material/ExpandLess';
import ExpandMore from '@mui/icons-material/ExpandMore';
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
      {/* The matrix editor, for whoever may read the matrix (its table is among their resources). */}
      {meta.resources.some((r) => r.name === 'role_permissions') && (
        <Menu.Item to="/matrix" primaryText="Role matrix" leftIcon={<AdminPanelSettings fontSize="small" />} />
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
