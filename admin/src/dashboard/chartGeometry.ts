/**
 * The arithmetic of the dashboard's charts, apart from their drawing: the value axis's ticks,
 * the line's curve and how many category labels fit. Pure, so what a chart shows follows from
 * its figures and its width alone.
 */

/** Round numbers from `min` to `max` in even steps, about `count` of them (0 always among them). */
export function niceTicks(min: number, max: number, { count = 5, integers = false } = {}): number[] {
  const low = Math.min(0, min);
  const high = Math.max(0, max) === low ? low + 1 : Math.max(0, max);
  const rough = (high - low) / (count - 1);
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  // Counts are whole: no step of 2.5 or 0.5 between them.
  const factors = integers ? [1, 2, 5, 10] : [1, 2, 2.5, 5, 10];
  let step = factors.map((f) => f * magnitude).find((s) => s >= rough - 1e-12) ?? 10 * magnitude;
  if (integers) step = Math.max(1, Math.round(step));
  const first = Math.floor(low / step);
  const last = Math.ceil(high / step);
  // Each tick from its index, not by adding steps up, so 0.1 + 0.2 drifts nowhere.
  return Array.from({ length: last - first + 1 }, (_, i) => Number(((first + i) * step).toPrecision(12)));
}

/**
 * An SVG path through the points, as a monotone cubic curve in x (Fritsch–Carlson, as d3's
 * curveMonotoneX): smooth, yet never overshooting a point, so a month's dip is not drawn
 * below zero or above its neighbours.
 */
export function monotonePath(points: readonly { x: number; y: number }[]): string {
  if (points.length === 0) return '';
  const [head, ...rest] = points;
  if (rest.length === 0) return `M${head!.x},${head!.y}`;
  const secant = (i: number) => (points[i + 1]!.y - points[i]!.y) / (points[i + 1]!.x - points[i]!.x || 1);
  const n = points.length;
  const tangents = points.map((_, i) => {
    if (i === 0 || i === n - 1) return NaN; // the ends follow from their neighbour, below
    const h0 = points[i]!.x - points[i - 1]!.x;
    const h1 = points[i + 1]!.x - points[i]!.x;
    const s0 = secant(i - 1);
    const s1 = secant(i);
    const p = (s0 * h1 + s1 * h0) / (h0 + h1 || 1);
    return (Math.sign(s0) + Math.sign(s1)) * Math.min(Math.abs(s0), Math.abs(s1), 0.5 * Math.abs(p)) || 0;
  });
  if (n === 2) {
    tangents[0] = tangents[1] = secant(0);
  } else {
    tangents[0] = (3 * secant(0) - tangents[1]!) / 2;
    tangents[n - 1] = (3 * secant(n - 2) - tangents[n - 2]!) / 2;
  }
  let path = `M${head!.x},${head!.y}`;
  for (let i = 0; i < n - 1; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    const dx = (b.x - a.x) / 3;
    path += `C${a.x + dx},${a.y + dx * tangents[i]!},${b.x - dx},${b.y - dx * tangents[i + 1]!},${b.x},${b.y}`;
  }
  return path;
}

/** A bar with its top corners rounded (the end away from zero, for a negative value its bottom). */
export function barPath(x: number, y: number, width: number, height: number, radius: number, negative = false): string {
  const r = Math.max(0, Math.min(radius, width / 2, height));
  if (r === 0) return `M${x},${y}h${width}v${height}h${-width}Z`;
  if (negative) {
    return `M${x},${y}h${width}v${height - r}a${r},${r} 0 0 1 ${-r},${r}h${-(width - 2 * r)}a${r},${r} 0 0 1 ${-r},${-r}Z`;
  }
  return `M${x},${y + height}v${-(height - r)}a${r},${r} 0 0 1 ${r},${-r}h${width - 2 * r}a${r},${r} 0 0 1 ${r},${r}v${height - r}Z`;
}

/** Every how many categories a label is written so that level labels do not overlap (1: all). */
export function labelEvery(labels: readonly string[], band: number, charWidth = 7): number {
  const widest = Math.max(0, ...labels.map((l) => l.length)) * charWidth + 8;
  return band > 0 ? Math.max(1, Math.ceil(widest / band)) : 1;
}
