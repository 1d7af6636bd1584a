import { LinePath } from "@visx/shape";

import type { SeriesPoint } from "../types";

// Drawn in a fixed coordinate box and stretched to the tile's width; the stroke keeps its width.
const W = 100;
const H = 40;
const PAD = 4;

/**
 * A KPI tile's sparkline: its values over the range, gaps bridged. Drawn with visx's SVG
 * primitives, not Recharts, because Recharts 3 draws nothing on the server (recharts#5997) and
 * the tiles are the first thing a phone shows: this way the line is in the page's HTML and the
 * chart library (130 KiB) is not needed until a chart widget comes near the screen.
 * Decoration beside the tile's value and trend, so hidden from screen readers.
 */
export function SparkLine({ series }: { series: SeriesPoint[] }) {
  const points = series.flatMap((p, i) => (p.value === null ? [] : [{ i, value: p.value }]));
  if (points.length === 0) return null;
  const values = points.map((p) => p.value);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  // Linear both ways (a flat series sits in the middle); d3-scale's 16 KiB would buy nothing here.
  const x = (i: number) => 1 + ((W - 2) * i) / Math.max(series.length - 1, 1);
  const y = (v: number) => (lo === hi ? H / 2 : H - PAD - ((H - 2 * PAD) * (v - lo)) / (hi - lo));
  return (
    <svg aria-hidden className="h-10 w-full" viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" data-slot="sparkline" focusable="false">
      <LinePath
        data={points}
        x={(p) => x(p.i)}
        y={(p) => y(p.value)}
        fill="none"
        stroke="var(--primary)"
        strokeWidth={1.75}
        strokeLinecap="round"
        strokeLinejoin="round"
        vectorEffect="non-scaling-stroke"
      />
    </svg>
  );
}
