import Block from '@mui/icons-material/Block';
import Dashboard from '@mui/icons-material/Dashboard';
import SearchOff from '@mui/icons-material/SearchOff';
import { Box, Button, Stack, Typography } from '@mui/material';
import { useEffect, useState, type ReactNode } from 'react';
import { Loading, Title, usePermissions } from 'react-admin';
import { Link, useLocation } from 'react-router-dom';
import { refreshMeta } from '../meta/metaStore';
import { useMeta, useMetaFailure, useMetaLoaded, useResourceMeta } from '../meta/useMeta';

const roleLabel = (role: unknown) => (typeof role === 'string' && role ? role.replace(/_/g, ' ') : 'unknown');

/** A page that says no, and the way back. */
function Refusal({ title, icon, children, extra }: { title: string; icon: ReactNode; children: ReactNode; extra?: ReactNode }) {
  return (
    <Box sx={{ py: 8, px: 2, maxWidth: 640, mx: 'auto', textAlign: 'center' }} data-testid="not-allowed">
      <Title title={title} />
      <Box sx={{ color: 'text.secondary', '& svg': { fontSize: 64 } }}>{icon}</Box>
      <Typography variant="h5" component="h1" sx={{ fontWeight: 600, mt: 1, mb: 1 }}>
        {title}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 3 }}>
        {children}
      </Typography>
      <Stack direction="row" spacing={1} sx={{ justifyContent: 'center' }}>
        <Button component={Link} to="/" variant="contained" startIcon={<Dashboard />}>
          Back to the dashboard
        </Button>
        {extra}
      </Stack>
    </Box>
  );
}

function firstSegment(pathname: string): string {
  const segment = pathname.split('/')[1] ?? '';
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

type Probe = 'pending' | 'forbidden' | 'missing';

/**
 * Asks the API whether a resource the caller's metadata lacks exists at all: 404 is "no such
 * page", 403 "not for your role". A 2xx means the metadata is stale (read was just granted):
 * it is refreshed, and the route appears in place of this page.
 */
function useProbe(name: string, skip: boolean): Probe {
  const [result, setResult] = useState<{ name: string; probe: Probe }>({ name: '', probe: 'pending' });
  useEffect(() => {
    if (skip || !name) return;
    let live = true;
    const settle = (probe: Probe) => live && setResult({ name, probe });
    fetch(`/api/${encodeURIComponent(name)}?range=${encodeURIComponent('[0,0]')}`, { credentials: 'same-origin' })
      .then(async (res) => {
        // Only its status matters, but an answer left unread keeps its connection busy.
        await res.text();
        if (res.ok) void refreshMeta();
        settle(res.status === 404 ? 'missing' : 'forbidden');
      })
      .catch(() => settle('forbidden'));
    return () => {
      live = false;
    };
  }, [name, skip]);
  return !name ? 'missing' : result.name === name ? result.probe : 'pending';
}

/**
 * `<Admin catchAll>`: an address no registered route matches. Resources are registered from
 * the caller's metadata, so a table their role may not read lands here: it says so instead of
 * react-admin's "not found", and says "not found" only for an address that names nothing.
 */
export function NotAllowedPage() {
  const meta = useMeta();
  const hasMeta = useMetaLoaded();
  const failure = useMetaFailure();
  const loaded = hasMeta || failure !== undefined;
  const { permissions } = usePermissions();
  const name = firstSegment(useLocation().pathname);
  // A resource in the metadata has a route: being here means its registration is on its way.
  const registering = meta.resources.some((r) => r.name === name);
  const probe = useProbe(name, !loaded || registering);
  if (!loaded || registering || probe === 'pending') return <Loading />;
  if (probe === 'missing') {
    return (
      <Refusal title="Page not found" icon={<SearchOff />}>
        There is no page at this address.
      </Refusal>
    );
  }
  return (
    <Refusal title="Not allowed" icon={<Block />}>
      {`Your role (${roleLabel(permissions)}) cannot open this page. Ask an administrator if you need it.`}
    </Refusal>
  );
}

/** The create or edit route of a resource whose actions lack create or update. */
export function ActionNotAllowed({ action }: { action: 'create' | 'edit' }) {
  const resource = useResourceMeta();
  const { permissions } = usePermissions();
  const label = resource?.label ?? 'these records';
  const verb = action === 'create' ? 'create' : 'edit';
  return (
    <Refusal
      title="Not allowed"
      icon={<Block />}
      extra={
        resource && (
          <Button component={Link} to={`/${resource.name}`} variant="outlined">
            {`Back to ${resource.label}`}
          </Button>
        )
      }
    >
      {`Your role (${roleLabel(permissions)}) cannot ${verb} ${label.toLowerCase()}, so this page is not available to you.`}
    </Refusal>
  );
}
