/** @jsxImportSource hono/jsx */
import { ChartFrame, type ChartPoint, describePoints } from './chart-frame';

const WIDTH = 560;
const LABEL_WIDTH = 210;
const VALUE_WIDTH = 60;
const ROW = 24;
const BAR = 16;
const PAD = 8;
const MAX_LABEL = 30;

const shorten = (label: string) =>
  label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label;

/** A horizontal bar chart drawn on the server: one labelled bar per value, longest scale first. */
export function BarChart(props: {
  id: string;
  title: string;
  points: ChartPoint[];
  tableCaption: string;
  columns: [string, string];
  emptyText: string;
}) {
  const { points } = props;
  const height = Math.max(1, points.length) * ROW + PAD * 2;
  const max = Math.max(1, ...points.map((p) => p.count));
  const scale = (WIDTH - LABEL_WIDTH - VALUE_WIDTH) / max;
  return (
    <ChartFrame
      id={props.id}
      title={props.title}
      description={points.length === 0 ? props.emptyText : describePoints(points)}
      tableCaption={props.tableCaption}
      columns={props.columns}
      points={points}
      width={WIDTH}
      height={height}
    >
      {points.length === 0 && (
        <text x={PAD} y={PAD + BAR}>
          {props.emptyText}
        </text>
      )}
      <line class="axis" x1={LABEL_WIDTH} y1={PAD / 2} x2={LABEL_WIDTH} y2={height - PAD / 2} />
      {points.map((point, i) => {
        const y = PAD + i * ROW;
        const width = Math.max(point.count > 0 ? 2 : 0, point.count * scale);
        return (
          <g data-key={point.key}>
            <title>{`${point.label}: ${point.count}`}</title>
            <text x={LABEL_WIDTH - 6} y={y + BAR - 3} text-anchor="end">
              {shorten(point.label)}
            </text>
            <rect class="bar" x={LABEL_WIDTH} y={y} width={width.toFixed(1)} height={BAR} />
            <text class="value" x={LABEL_WIDTH + width + 4} y={y + BAR - 3}>
              {point.count}
            </text>
          </g>
        );
      })}
    </ChartFrame>
  );
}
