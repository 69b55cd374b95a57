import { Box, useTheme } from '@mui/material';
import { useLayoutEffect, useRef, useState, type MouseEvent } from 'react';
import { barPath, labelEvery, monotonePath, niceTicks } from './chartGeometry';

/**
 * A summary drawn as bars or as a line, in plain SVG. The dashboard's charts are this simple
 * (one series over a handful of categories), and a charting library drawing them was a third
 * of everything a browser fetched to show the dashboard (recharts: 125 kB gzip).
 *
 * What it draws is for the eye only: the card repeats the figures in a table for screen
 * readers, so the drawing is hidden from them and holds nothing that takes focus.
 */
export interface ChartPoint {
  key: string | null;
  label: string;
  value: number;
}

interface Props {
  kind: 'bar' | 'line';
  points: ChartPoint[];
  /** What the value is, for the tooltip: 'Count', or the summed field's label. */
  valueName: string;
  color: string;
  format: (value: number) => string;
  /** Whole numbers only on the value axis (counts). */
  integers?: boolean;
  height?: number;
  /** The rows behind a bar (or a point) are opened with a click. */
  onOpen: (key: string | null) => void;
}

const FONT_SIZE = 12;
const MARGIN = { top: 8, right: 16 };
const VALUE_AXIS_WIDTH = 64;
const TICK = 6;
/** Many categories: their labels are slanted, each readable, and need more height below. */
const SLANT_FROM = 6;

/** The element's width, followed as the card resizes (0 until it is measured). */
function useWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.clientWidth);
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

export function SummaryChart({ kind, points, valueName, color, format, integers = false, height = 220, onOpen }: Props) {
  const theme = useTheme();
  const [ref, width] = useWidth();
  const [active, setActive] = useState<number>();

  const slanted = kind === 'bar' && points.length >= SLANT_FROM;
  const bottom = slanted ? 64 : 30;
  const left = VALUE_AXIS_WIDTH;
  const plotWidth = Math.max(0, width - left - MARGIN.right);
  const plotHeight = Math.max(0, height - MARGIN.top - bottom);
  const values = points.map((p) => p.value);
  const ticks = niceTicks(Math.min(...values), Math.max(...values), { integers });
  const [lowest, highest] = [ticks[0]!, ticks[ticks.length - 1]!];
  const y = (value: number) => MARGIN.top + plotHeight - ((value - lowest) / (highest - lowest)) * plotHeight;
  const band = points.length ? plotWidth / points.length : 0;
  const x = (index: number) => left + band * (index + 0.5); // a category's centre
  // Bars are labelled each (slanted when many); a line's months only as often as they fit.
  const every = kind === 'bar' ? 1 : labelEvery(points.map((p) => p.label), band);

  const grey = theme.palette.text.secondary;
  const hover = (event: MouseEvent<SVGSVGElement>) => {
    const bounds = event.currentTarget.getBoundingClientRect();
    const index = Math.floor((event.clientX - bounds.left - left) / band);
    setActive(index >= 0 && index < points.length ? index : undefined);
  };
  const shown = active === undefined ? undefined : points[active];

  return (
    <Box ref={ref} aria-hidden sx={{ position: 'relative', height }}>
      {width > 0 && (
        <svg width={width} height={height} onMouseMove={hover} onMouseLeave={() => setActive(undefined)} style={{ display: 'block', fontSize: FONT_SIZE }}>
          {ticks.map((tick) => (
            <g key={tick}>
              <line x1={left} x2={left + plotWidth} y1={y(tick)} y2={y(tick)} stroke={theme.palette.divider} strokeDasharray="3 3" />
              <text x={left - TICK - 2} y={y(tick)} textAnchor="end" dominantBaseline="central" fill={grey}>
                {format(tick)}
              </text>
            </g>
          ))}
          <line x1={left} x2={left} y1={MARGIN.top} y2={MARGIN.top + plotHeight} stroke={grey} />
          <line x1={left} x2={left + plotWidth} y1={y(0)} y2={y(0)} stroke={grey} />
          {shown && kind === 'bar' && <rect x={left + band * active!} y={MARGIN.top} width={band} height={plotHeight} fill={theme.palette.action.hover} />}
          {shown && kind === 'line' && <line x1={x(active!)} x2={x(active!)} y1={MARGIN.top} y2={MARGIN.top + plotHeight} stroke={grey} />}
          {points.map((point, i) =>
            i % every === 0 ? (
              <text
                key={i}
                fill={grey}
                textAnchor={slanted ? 'end' : 'middle'}
                transform={`translate(${x(i)},${MARGIN.top + plotHeight + TICK + 4}) rotate(${slanted ? -35 : 0})`}
                dominantBaseline={slanted ? 'central' : 'hanging'}
              >
                {point.label}
              </text>
            ) : null,
          )}
          {kind === 'bar' ? (
            points.map((point, i) => {
              const top = Math.min(y(point.value), y(0));
              const barWidth = band * 0.8;
              return (
                // recharts' class for a bar, which the dashboard's browser tests look for.
                <path
                  key={i}
                  className="recharts-bar-rectangle"
                  d={barPath(x(i) - barWidth / 2, top, barWidth, Math.abs(y(point.value) - y(0)), 4, point.value < 0)}
                  fill={color}
                  cursor="pointer"
                  onClick={() => onOpen(point.key)}
                />
              );
            })
          ) : (
            <>
              <path d={monotonePath(points.map((p, i) => ({ x: x(i), y: y(p.value) })))} fill="none" stroke={color} strokeWidth={2} />
              {/* The dot under the pointer grows in place (one element, so a click pressed on it as it grows still lands). */}
              {points.map((point, i) => (
                <circle
                  key={i}
                  cx={x(i)}
                  cy={y(point.value)}
                  r={i === active ? 6 : 3}
                  fill={i === active ? color : theme.palette.background.paper}
                  stroke={i === active ? theme.palette.background.paper : color}
                  strokeWidth={2}
                  cursor="pointer"
                  onClick={() => onOpen(point.key)}
                />
              ))}
            </>
          )}
        </svg>
      )}
      {shown && (
        <Box
          sx={{
            position: 'absolute',
            top: MARGIN.top,
            // Beside the category, on whichever side has room.
            ...(x(active!) > width / 2 ? { right: width - x(active!) + 12 } : { left: x(active!) + 12 }),
            pointerEvents: 'none',
            bgcolor: 'background.paper',
            border: 1,
            borderColor: 'divider',
            borderRadius: 1,
            px: 1.25,
            py: 0.75,
            fontSize: FONT_SIZE,
            whiteSpace: 'nowrap',
          }}
        >
          <div>{shown.label}</div>
          <Box sx={{ color }}>
            {valueName}: {format(shown.value)}
          </Box>
        </Box>
      )}
    </Box>
  );
}
