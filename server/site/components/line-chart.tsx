/** @jsxImportSource hono/jsx */
import { ChartFrame, type ChartPoint, describePoints } from './chart-frame';

const WIDTH = 640;
const HEIGHT = 240;
const LEFT = 44;
const RIGHT = 16;
const TOP = 16;
const BOTTOM = 40;

/** A line chart of counts over consecutive days, drawn on the server. */
export function LineChart(props: {
  id: string;
  title: string;
  points: ChartPoint[];
  tableCaption: string;
  columns: [string, string];
  emptyText: string;
}) {
  const { points } = props;
  const max = Math.max(1, ...points.map((p) => p.count));
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const step = points.length > 1 ? plotWidth / (points.length - 1) : 0;
  const xy = points.map((point, i) => ({
    point,
    x: LEFT + (points.length > 1 ? i * step : plotWidth / 2),
    y: TOP + plotHeight - (point.count / max) * plotHeight,
  }));
  const first = points[0];
  const last = points.at(-1);
  return (
    <ChartFrame
      id={props.id}
      title={props.title}
      description={points.length === 0 ? props.emptyText : describePoints(points)}
      tableCaption={props.tableCaption}
      columns={props.columns}
      points={points}
      width={WIDTH}
      height={HEIGHT}
    >
      <line class="axis" x1={LEFT} y1={TOP} x2={LEFT} y2={TOP + plotHeight} />
      <line class="axis" x1={LEFT} y1={TOP + plotHeight} x2={WIDTH - RIGHT} y2={TOP + plotHeight} />
      <text x={LEFT - 6} y={TOP + 4} text-anchor="end">
        {max}
      </text>
      <text x={LEFT - 6} y={TOP + plotHeight} text-anchor="end">
        0
      </text>
      {points.length === 0 && (
        <text x={LEFT + 8} y={TOP + plotHeight / 2}>
          {props.emptyText}
        </text>
      )}
      {xy.length > 1 && (
        <polyline
          class="line"
          points={xy.map(({ x, y }) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ')}
        />
      )}
      {xy.map(({ point, x, y }) => (
        <circle class="point" cx={x.toFixed(1)} cy={y.toFixed(1)} r={3} data-key={point.key}>
          <title>{`${point.label}: ${point.count}`}</title>
        </circle>
      ))}
      {first && (
        <text x={LEFT} y={HEIGHT - 14}>
          {first.label}
        </text>
      )}
      {last && last !== first && (
        <text x={WIDTH - RIGHT} y={HEIGHT - 14} text-anchor="end">
          {last.label}
        </text>
      )}
    </ChartFrame>
  );
}
