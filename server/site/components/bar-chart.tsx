/** @jsxImportSource hono/jsx */
import { ChartFrame, type ChartPoint, describePoints } from './chart-frame';

const WIDTH = 560;
const LABEL_WIDTH = 210;
const VALUE_WIDTH = 60;
const ROW = 24;
const BAR = 16;
const PAD = 8;
/** Room for a label left of the axis, at the charts' 12px font. */
export const LABEL_ROOM = LABEL_WIDTH - 6 - PAD;

/**
 * A generous guess of a character's width at 12px: Cyrillic letters are wider than Latin ones
 * (a label of 30 of them overflowed the room and was clipped on the left), capitals and
 * Ж Ш Щ М Ю Ы wider still.
 */
function charWidth(char: string): number {
  if (char === ' ' || char === '.' || char === ',' || char === '-') return 4;
  if (/[ЖШЩМЮЫжшщмюыWMmw]/.test(char)) return 11;
  if (char !== char.toLowerCase()) return 9.5;
  return /[\u0400-\u04FF]/.test(char) ? 8 : 7.2;
}

/** The estimated width of a text at the charts' font. */
export function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += charWidth(char);
  return width;
}

/** The label, cut with an ellipsis so that it fits in the room left of the axis. */
export function fitLabel(label: string, room = LABEL_ROOM): string {
  if (textWidth(label) <= room) return label;
  const chars = [...label];
  while (chars.length > 0 && textWidth(`${chars.join('').trimEnd()}…`) > room) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

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
              {fitLabel(point.label)}
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
