import { Alert, Box, Card, CardContent, Skeleton, Typography, useTheme } from '@mui/material';
import { useEffect, useId, useMemo, useState } from 'react';
import { fetchUtils, HttpError } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { refreshMeta } from '../meta/metaStore';
import { useMeta } from '../meta/useMeta';
import { barListUrl, chartUrl, keyLabel, type ChartSection, type ChartSpec } from './charts';
import { SummaryChart } from './SummaryChart';

/**
 * The dashboard's charts (loaded lazily: a chunk of its own, fetched only by callers with a chart).
 * Each chart fetches its summary, draws it (SummaryChart, with uPlot), and repeats its figures in a visually hidden
 * table, so screen readers (and the browser tests) read exactly what the bars show.
 */

interface Row {
  key: string | null;
  count: number;
  sum?: number;
}
type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'done'; rows: Row[] };

const visuallyHidden = {
  border: 0,
  clip: 'rect(0 0 0 0)',
  height: '1px',
  margin: '-1px',
  overflow: 'hidden',
  padding: 0,
  position: 'absolute',
  whiteSpace: 'nowrap',
  width: '1px',
} as const;

const numberFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });

function useSummary(spec: ChartSpec): State {
  const url = chartUrl(spec);
  const [state, setState] = useState<{ url: string; state: State }>({ url, state: { status: 'loading' } });
  useEffect(() => {
    let live = true;
    fetchUtils
      .fetchJson(url, { credentials: 'same-origin' })
      .then(({ json }) => live && setState({ url, state: { status: 'done', rows: json as Row[] } }))
      .catch((error: unknown) => {
        // A 403 means the matrix changed under us: fetch the metadata again (the chart goes).
        if (error instanceof HttpError && error.status === 403) void refreshMeta();
        const message = error instanceof Error ? error.message : String(error);
        if (live) setState({ url, state: { status: 'error', message } });
      });
    return () => {
      live = false;
    };
  }, [url]);
  return state.url === url ? state.state : { status: 'loading' };
}

function ChartCard({ spec, groupLabel, sumLabel }: { spec: ChartSpec; groupLabel: string; sumLabel?: string }) {
  const theme = useTheme();
  const titleId = useId();
  const state = useSummary(spec);
  const color = theme.palette.primary.main;
  const data = useMemo(
    () => (state.status === 'done' ? state.rows.map((row) => ({ key: row.key, label: keyLabel(row.key, spec.bucket), count: row.count, sum: row.sum ?? 0 })) : []),
    [state, spec.bucket],
  );
  // The same figures from one render to the next, so the chart is drawn again only when they change.
  const points = useMemo(() => data.map((row) => ({ key: row.key, label: row.label, value: spec.sum ? row.sum : row.count })), [data, spec.sum]);
  const navigate = useNavigate();
  const open = (key: string | null) => navigate(barListUrl(spec, key));
  const valueName = spec.sum ? (sumLabel ?? spec.sum) : 'Count';

  return (
    <Card variant="outlined" component="section" aria-labelledby={titleId} data-chart={spec.title}>
      <CardContent>
        <Typography id={titleId} component="h3" variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
          {spec.title}
        </Typography>
        {state.status === 'loading' && <Skeleton variant="rounded" height={220} aria-label="Loading chart" />}
        {state.status === 'error' && (
          <Alert severity="error" sx={{ height: 220, boxSizing: 'border-box' }}>
            This chart could not be loaded ({state.message}).
          </Alert>
        )}
        {state.status === 'done' && data.length === 0 && (
          <Box sx={{ height: 220, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
            <Typography color="text.secondary">No data yet</Typography>
          </Box>
        )}
        {state.status === 'done' && data.length > 0 && (
          <>
            <SummaryChart
              kind={spec.kind}
              points={points}
              valueName={valueName}
              color={color}
              format={(v) => numberFormat.format(v)}
              integers={!spec.sum}
              onOpen={open}
            />
            <Box component="table" sx={visuallyHidden}>
              <caption>{spec.title}</caption>
              <thead>
                <tr>
                  <th scope="col">{groupLabel}</th>
                  <th scope="col">Count</th>
                  {spec.sum && <th scope="col">{valueName}</th>}
                </tr>
              </thead>
              <tbody>
                {data.map((row) => (
                  <tr key={row.label}>
                    <th scope="row">{row.label}</th>
                    <td>{row.count}</td>
                    {spec.sum && <td>{numberFormat.format(row.sum)}</td>}
                  </tr>
                ))}
              </tbody>
            </Box>
          </>
        )}
      </CardContent>
    </Card>
  );
}

/** The charts the caller may see, one section per module. */
export default function DashboardCharts({ sections }: { sections: ChartSection[] }) {
  const meta = useMeta();
  const labelOf = (resource: string, field: string | undefined) =>
    field === undefined ? undefined : meta.resources.find((r) => r.name === resource)?.fields.find((f) => f.name === field)?.label;
  return (
    <Box sx={{ mt: 4, display: 'flex', flexDirection: 'column', gap: 3 }}>
      {sections.map(({ module, charts }) => (
        <Box component="section" key={module.name} aria-label={`${module.label} charts`}>
          <Typography component="h2" variant="h6" sx={{ fontWeight: 600, mb: 1.5 }}>
            {module.label}
          </Typography>
          <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(360px, 1fr))', gap: 2 }}>
            {charts.map((spec) => (
              <ChartCard
                key={spec.title}
                spec={spec}
                groupLabel={labelOf(spec.resource, spec.groupBy) ?? spec.groupBy}
                sumLabel={labelOf(spec.resource, spec.sum)}
              />
            ))}
          </Box>
        </Box>
      ))}
    </Box>
  );
}
