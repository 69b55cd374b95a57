import { Box, useTheme } from '@mui/material';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/**
 * A summary drawn as bars or as a line by uPlot (canvas; 22 kB gzip, where recharts was 125 kB
 * and a third of what a browser fetched to show the dashboard). uPlot draws the scales, the
 * grid, the axes, the bars (uPlot.paths.bars) and the curve (uPlot.paths.spline, monotone);
 * this component adds what it does not do: sizing to the card, category labels on the x
 * axis, the tooltip, and opening a bar's (or a point's) rows on a click.
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
/** How far (degrees) a bar's label is slanted when the labels do not fit level. */
const SLANT = 35;
/** A bar's width, as a share of its category's. */
const BAR_WIDTH = 0.8;
/** How near (CSS pixels) a click must land to a line's point to open it. */
const POINT_REACH = 8;
/** Whole steps for a count's axis (uPlot's own steps include 0.5, 2.5…). */
const WHOLE_STEPS = Array.from({ length: 13 }, (_, e) => [1, 2, 5].map((f) => f * 10 ** e)).flat();

/** The widest of these labels in the font, in CSS pixels. */
function widest(labels: readonly string[], font: string): number {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return Math.max(0, ...labels.map((l) => l.length)) * 7;
  context.font = font;
  return Math.max(0, ...labels.map((l) => context.measureText(l).width));
}

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

/** The point at (left, top) in the plot (CSS pixels), if that is on it: inside a bar, or near a line's point. */
function pointAt(u: uPlot, kind: Props['kind'], left: number, top: number): number | undefined {
  const index = Math.round(u.posToVal(left, 'x'));
  const value = u.data[1]?.[index];
  if (value == null) return undefined;
  const x = u.valToPos(index, 'x');
  const y = u.valToPos(value, 'y');
  if (kind === 'line') return Math.hypot(left - x, top - y) <= POINT_REACH ? index : undefined;
  const halfWidth = (BAR_WIDTH * (u.valToPos(1, 'x') - u.valToPos(0, 'x'))) / 2;
  const zero = u.valToPos(0, 'y');
  return Math.abs(left - x) <= halfWidth && top >= Math.min(y, zero) - 1 && top <= Math.max(y, zero) + 1 ? index : undefined;
}

export function SummaryChart({ kind, points, valueName, color, format, integers = false, height = 220, onOpen }: Props) {
  const theme = useTheme();
  const [ref, width] = useWidth();
  const plotRef = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  const [active, setActive] = useState<{ index: number; left: number; top: number }>();
  // The latest of these, for uPlot's listeners (set once, when the chart is made).
  const latest = useRef({ onOpen, format });
  useEffect(() => {
    latest.current = { onOpen, format };
  });

  const grey = theme.palette.text.secondary;
  const font = `${FONT_SIZE}px ${theme.typography.fontFamily ?? 'sans-serif'}`;

  // The chart is made once its width is known, and again only when what it draws changes.
  const measured = width > 0;
  useLayoutEffect(() => {
    const target = plotRef.current;
    if (!measured || !target) return;
    const labels = points.map((p) => p.label);
    const values = points.map((p) => p.value);
    const labelWidth = widest(labels, font);
    let slanted = false;
    const paper = theme.palette.background.paper;
    const axisLines = { stroke: theme.palette.divider, width: 1 };

    // A hovered bar's category is shaded (a div in uPlot's overlay).
    let band: HTMLDivElement | undefined;
    const opts: uPlot.Options = {
      width: target.clientWidth || 1,
      height,
      legend: { show: false },
      padding: [8, 16, 0, 0],
      scales: {
        // Categories at 0, 1, 2…, each in the middle of its share of the width.
        x: { time: false, range: () => [-0.5, points.length - 0.5] },
        // Always from 0 (bars stand on it), to a round value above the highest.
        y: {
          range: (_u, min, max) => {
            const [low, high] = uPlot.rangeNum(Math.min(0, min), Math.max(0, max), 0.1, true);
            return [min >= 0 ? 0 : low, max <= 0 ? 0 : high];
          },
        },
      },
      axes: [
        {
          font,
          stroke: grey,
          grid: { show: false },
          ticks: { ...axisLines, size: 6 },
          // Each bar labelled, slanted when the labels do not fit side by side; a line's labels
          // level, only as many as fit (uPlot thins them by these steps).
          incrs: Array.from({ length: points.length }, (_, i) => i + 1),
          space: kind === 'bar' ? FONT_SIZE + 4 : labelWidth + 12,
          rotate: (_u, _values, _axis, space) => {
            slanted = kind === 'bar' && labelWidth + 8 > space;
            return slanted ? SLANT : 0;
          },
          // Called right after rotate: room below for the labels as they are written.
          size: () => (slanted ? Math.ceil(labelWidth * Math.sin((SLANT * Math.PI) / 180) + FONT_SIZE) + 16 : 30),
          values: (_u, splits) => splits.map((i) => labels[i] ?? ''),
        },
        {
          font,
          stroke: grey,
          grid: { ...axisLines, dash: [3, 3] },
          ticks: { ...axisLines, size: 6 },
          ...(integers ? { incrs: WHOLE_STEPS } : {}),
          values: (_u, splits) => splits.map((v) => latest.current.format(v)),
          size: (_u, shown) => Math.ceil(widest(shown ?? [], font)) + 16,
        },
      ],
      series: [
        {},
        kind === 'bar'
          ? { label: valueName, fill: color, stroke: color, width: 0, points: { show: false }, paths: uPlot.paths.bars!({ size: [BAR_WIDTH, Infinity], radius: [0.08, 0] }) }
          : { label: valueName, stroke: color, width: 2, paths: uPlot.paths.spline!(), points: { show: true, size: 7, width: 2, stroke: color, fill: paper } },
      ],
      cursor: {
        x: kind === 'line',
        y: false,
        drag: { x: false, y: false, setScale: false },
        points: kind === 'line' ? { size: 12, width: 2, stroke: paper, fill: color } : { show: false },
      },
      hooks: {
        init: [
          (u) => {
            if (kind === 'bar') {
              band = document.createElement('div');
              Object.assign(band.style, { position: 'absolute', top: '0', height: '100%', background: theme.palette.action.hover, pointerEvents: 'none', display: 'none' });
              u.over.prepend(band);
            }
            // Where the click is, from the click itself (uPlot's cursor follows the pointer a frame behind).
            u.over.addEventListener('click', (event) => {
              const bounds = u.over.getBoundingClientRect();
              const index = pointAt(u, kind, event.clientX - bounds.left, event.clientY - bounds.top);
              if (index !== undefined) latest.current.onOpen(points[index]!.key);
            });
          },
        ],
        setCursor: [
          (u) => {
            const index = u.cursor.idx;
            const { left = -1, top = -1 } = u.cursor;
            u.over.style.cursor = left >= 0 && pointAt(u, kind, left, top) !== undefined ? 'pointer' : '';
            if (index == null || left < 0) {
              if (band) band.style.display = 'none';
              setActive(undefined);
              return;
            }
            const x = u.valToPos(index, 'x');
            if (band) {
              const share = u.valToPos(1, 'x') - u.valToPos(0, 'x');
              Object.assign(band.style, { display: 'block', left: `${x - share / 2}px`, width: `${share}px` });
            }
            setActive((shown) => (shown?.index === index ? shown : { index, left: u.over.offsetLeft + x, top: u.over.offsetTop }));
          },
        ],
      },
    };
    const u = new uPlot(opts, [points.map((_, i) => i), values], target);
    chart.current = u;
    return () => {
      u.destroy();
      chart.current = null;
      setActive(undefined);
    };
  }, [measured, kind, points, valueName, color, font, grey, integers, height, theme]);

  useEffect(() => {
    if (width > 0) chart.current?.setSize({ width, height });
  }, [width, height]);

  const shown = active === undefined ? undefined : points[active.index];
  return (
    <Box ref={ref} aria-hidden sx={{ position: 'relative', height }}>
      <div ref={plotRef} />
      {shown && active && (
        <Box
          sx={{
            position: 'absolute',
            top: active.top,
            // Beside the category, on whichever side has room.
            ...(active.left > width / 2 ? { right: width - active.left + 12 } : { left: active.left + 12 }),
            pointerEvents: 'none',
            bgcolor: 'background.paper',
            border: 1,
            borderColor: 'divider',
            borderRadius: 1,
            px: 1.25,
            py: 0.75,
            fontSize: FONT_SIZE,
            whiteSpace: 'nowrap',
            zIndex: 1,
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
