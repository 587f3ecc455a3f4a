/** @jsxImportSource hono/jsx */
import type { Child } from 'hono/jsx';

/** One value of a chart: what it is called and how many. */
export type ChartPoint = { key: string; label: string; count: number };

/**
 * The frame of a chart: a captioned figure whose SVG is named by the caption and described in
 * words, with the numbers also in a table for readers who cannot see the drawing.
 */
export function ChartFrame(props: {
  id: string;
  title: string;
  description: string;
  tableCaption: string;
  columns: [string, string];
  points: ChartPoint[];
  width: number;
  height: number;
  children?: Child;
}) {
  const captionId = `${props.id}-title`;
  const descId = `${props.id}-desc`;
  return (
    <figure class="chart" data-chart={props.id}>
      <figcaption id={captionId}>{props.title}</figcaption>
      <svg
        xmlns="http://www.w3.org/2000/svg"
        viewBox={`0 0 ${props.width} ${props.height}`}
        width={props.width}
        height={props.height}
        role="img"
        aria-labelledby={`${captionId} ${descId}`}
      >
        <title>{props.title}</title>
        <desc id={descId}>{props.description}</desc>
        {props.children}
      </svg>
      <details class="data">
        <summary>{props.tableCaption}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{props.columns[0]}</th>
              <th scope="col" class="num">
                {props.columns[1]}
              </th>
            </tr>
          </thead>
          <tbody>
            {props.points.map((point) => (
              <tr>
                <th scope="row">{point.label}</th>
                <td class="num">{point.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/** The points as words, for the chart's description. */
export function describePoints(points: ChartPoint[]): string {
  return points.map((point) => `${point.label}: ${point.count}`).join('; ');
}
