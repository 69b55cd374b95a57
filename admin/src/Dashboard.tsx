import ChevronRight from '@mui/icons-material/ChevronRight';
import { Alert, Avatar, Box, Card, CardHeader, LinearProgress, List, ListItem, ListItemButton, ListItemText, Typography } from '@mui/material';
import { lazy, Suspense } from 'react';
import { Title, useGetIdentity } from 'react-admin';
import { Link } from 'react-router-dom';
import type { ModuleMeta, ResourceMeta } from '../../server/meta/types';
import { chartSections } from './dashboard/charts';
import { WorkQueues } from './dashboard/WorkQueues';
import { moduleIcon } from './layout/moduleIcons';
import { useMeta, useMetaFailure } from './meta/useMeta';

/** The charts are a chunk of their own, fetched only when there is a chart to draw. */
const DashboardCharts = lazy(() => import('./dashboard/DashboardCharts'));

function ModuleCard({ module, resources }: { module: ModuleMeta; resources: ResourceMeta[] }) {
  const Icon = moduleIcon(module.icon);
  return (
    <Card variant="outlined" sx={{ display: 'flex', flexDirection: 'column' }}>
      <CardHeader
        avatar={
          <Avatar sx={{ bgcolor: 'action.selected', color: 'primary.main' }}>
            <Icon />
          </Avatar>
        }
        title={module.label}
        subheader={`${resources.length} ${resources.length === 1 ? 'screen' : 'screens'}`}
        slotProps={{ title: { variant: 'subtitle1', sx: { fontWeight: 600 } } }}
      />
      <List dense disablePadding sx={{ pb: 1 }}>
        {resources.map((r) => (
          // A list holds list items: the link sits in one, so the screens are read as a list of N.
          <ListItem key={r.name} disablePadding>
            <ListItemButton component={Link} to={`/${r.name}`} sx={{ px: 2.5 }}>
              <ListItemText primary={r.label} secondary={r.help} slotProps={{ secondary: { noWrap: true } }} />
              <ChevronRight fontSize="small" color="action" />
            </ListItemButton>
          </ListItem>
        ))}
      </List>
    </Card>
  );
}

/** Home: the modules the caller can reach, each card listing its screens, then their charts. */
export function Dashboard() {
  const meta = useMeta();
  const failure = useMetaFailure();
  const { identity } = useGetIdentity();
  const byLabel = (a: ResourceMeta, b: ResourceMeta) => a.label.localeCompare(b.label);
  const sections = chartSections(meta);
  return (
    <Box sx={{ py: 3, px: { xs: 1, md: 2 }, maxWidth: 1400 }}>
      <Title title="Gatehouse" />
      <Typography variant="h5" sx={{ fontWeight: 600, mb: 0.5 }}>
        Welcome{identity?.fullName ? `, ${identity.fullName}` : ''}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 3 }}>
        Everything your role can open, grouped by department.
      </Typography>
      {failure && (
        <Alert severity="error" sx={{ mb: 3 }}>
          The screens could not be loaded ({failure.message}). Reload the page to try again.
        </Alert>
      )}
      <WorkQueues />
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(300px, 1fr))', gap: 2, alignItems: 'start' }}>
        {meta.modules.map((module) => {
          const resources = meta.resources.filter((r) => r.module === module.name).sort(byLabel);
          return resources.length ? <ModuleCard key={module.name} module={module} resources={resources} /> : null;
        })}
      </Box>
      {sections.length > 0 && (
        <Suspense fallback={<LinearProgress sx={{ mt: 4 }} aria-label="Loading charts" />}>
          <DashboardCharts sections={sections} />
        </Suspense>
      )}
    </Box>
  );
}
