/**
 * A tiny inline SVG histogram (bars only) for the column profile table; Plotly would be far too
 * heavy for dozens of 80x24 sparklines.
 */
import type { ColumnProfile } from '../../api/types.js';

const WIDTH = 96;
const HEIGHT = 24;

/** Bars of a numeric histogram, or of the top categories' counts. */
export function MiniHistogram({ column }: { column: ColumnProfile }) {
  const counts = column.histogram?.counts ?? column.top.slice(0, 12).map((item) => item.count);
  if (counts.length === 0) return <span className="muted">–</span>;
  const peak = Math.max(...counts, 1);
  const barWidth = WIDTH / counts.length;
  const label =
    column.histogram === null
      ? `Most frequent values of ${column.name}`
      : `Histogram of ${column.name} from ${String(column.histogram.edges[0])} to ${String(column.histogram.edges.at(-1))}`;
  return (
    <svg className="mini-histogram" width={WIDTH} height={HEIGHT} role="img" aria-label={label}>
      <title>{label}</title>
      {counts.map((count, index) => {
        const height = Math.max(1, (count / peak) * HEIGHT);
        return (
          <rect
            key={index}
            x={index * barWidth + 0.5}
            y={HEIGHT - height}
            width={Math.max(1, barWidth - 1)}
            height={height}
          />
        );
      })}
    </svg>
  );
}
