import { Box, Card, CardActionArea, CardContent, Chip, Stack, Typography } from '@mui/material';
import { Title, useGetIdentity } from 'react-admin';
import { Link } from 'react-router-dom';
import { moduleIcon } from './layout/moduleIcons';
import { useMeta } from './meta/useMeta';

/** Home: the modules the caller can reach, each with its screens. */
export function Dashboard() {
  const meta = useMeta();
  const { identity } = useGetIdentity();
  return (
    <Box sx={{ p: 2 }}>
      <Title title="Gatehouse" />
      <Typography variant="h5" sx={{ mb: 0.5 }}>
        Welcome{identity?.fullName ? `, ${identity.fullName}` : ''}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 3 }}>
        Your back-office: {meta.resources.length} screens in {meta.modules.length} modules.
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(280px, 1fr))', gap: 2 }}>
        {meta.modules.map((module) => {
          const Icon = moduleIcon(module.name);
          const resources = meta.resources.filter((r) => r.module === module.name);
          if (resources.length === 0) return null;
          return (
            <Card key={module.name} variant="outlined">
              <CardContent>
                <Stack direction="row" sx={{ alignItems: 'center', gap: 1, mb: 1.5 }}>
                  <Icon color="primary" />
                  <Typography variant="h6">{module.label}</Typography>
                </Stack>
                <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }}>
                  {resources.map((r) => (
                    <CardActionArea key={r.name} component={Link} to={`/${r.name}`} sx={{ width: 'auto', borderRadius: 4 }}>
                      <Chip label={r.label} variant="outlined" clickable />
                    </CardActionArea>
                  ))}
                </Stack>
              </CardContent>
            </Card>
          );
        })}
      </Box>
    </Box>
  );
}
