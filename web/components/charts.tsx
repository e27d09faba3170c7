/**
 * Charts drawn on the server as SVG: nothing to download, readable without script, printable. Each has a
 * title and a text description for screen readers; the numbers are also in a table beside it.
 */

export interface Bar {
  label: string
  /** Undefined draws no bar (no data), labelled `valueText`. */
  value?: number
  valueText: string
}

interface HorizontalBarsProps {
  id: string
  title: string
  description: string
  bars: Bar[]
  min: number
  max: number
  /** Values marked by a dashed line and a caption (e.g. grade cut-offs). */
  marks?: { value: number; label: string }[]
}

const labelWidth = 230
const valueWidth = 56
const rowHeight = 30
const plotWidth = 420

/** One bar per row, left to right from `min` to `max`: NRR per element, the index per agency. */
export const HorizontalBars = ({
  id,
  title,
  description,
  bars,
  min,
  max,
  marks = [],
}: HorizontalBarsProps) => {
  const width = labelWidth + plotWidth + valueWidth
  const height = bars.length * rowHeight + 24
  const x = (v: number) => labelWidth + ((Math.min(Math.max(v, min), max) - min) / (max - min)) * plotWidth
  return (
    <svg
      class="chart"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {bars.map((bar, i) => {
        const y = i * rowHeight
        return (
          <g>
            <text x={labelWidth - 8} y={y + 19} text-anchor="end" class="chart-label">
              {bar.label.length > 34 ? `${bar.label.slice(0, 33)}…` : bar.label}
            </text>
            {bar.value !== undefined && (
              <rect
                x={labelWidth}
                y={y + 6}
                width={Math.max(1, x(bar.value) - labelWidth)}
                height={rowHeight - 12}
                class="chart-bar"
              />
            )}
            <text x={labelWidth + plotWidth + 6} y={y + 19} class="chart-value">
              {bar.valueText}
            </text>
          </g>
        )
      })}
      {marks.map((m) => (
        <g>
          <line x1={x(m.value)} x2={x(m.value)} y1={0} y2={bars.length * rowHeight} class="chart-mark" />
          <text x={x(m.value)} y={bars.length * rowHeight + 16} text-anchor="middle" class="chart-mark-label">
            {m.label}
          </text>
        </g>
      ))}
    </svg>
  )
}

interface ColumnsProps {
  id: string
  title: string
  description: string
  columns: Bar[]
  min: number
  max: number
  marks?: { value: number; label: string }[]
}

/** One column per period (the index by month), bottom to top from `min` to `max`. */
export const Columns = ({ id, title, description, columns, min, max, marks = [] }: ColumnsProps) => {
  const step = 56
  const plotHeight = 180
  const left = 40
  const width = left + Math.max(columns.length, 1) * step + 10
  const height = plotHeight + 48
  const y = (v: number) =>
    10 + plotHeight - ((Math.min(Math.max(v, min), max) - min) / (max - min)) * plotHeight
  return (
    <svg
      class="chart"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {marks.map((m) => (
        <g>
          <line x1={left} x2={width - 10} y1={y(m.value)} y2={y(m.value)} class="chart-mark" />
          <text x={left - 4} y={y(m.value) + 4} text-anchor="end" class="chart-mark-label">
            {m.label}
          </text>
        </g>
      ))}
      {columns.map((c, i) => {
        const cx = left + i * step + 8
        return (
          <g>
            {c.value !== undefined && (
              <rect
                x={cx}
                y={y(c.value)}
                width={step - 16}
                height={10 + plotHeight - y(c.value)}
                class="chart-bar"
              />
            )}
            <text
              x={cx + (step - 16) / 2}
              y={c.value !== undefined ? y(c.value) - 4 : plotHeight}
              text-anchor="middle"
              class="chart-value"
            >
              {c.valueText}
            </text>
            <text x={cx + (step - 16) / 2} y={plotHeight + 30} text-anchor="middle" class="chart-label">
              {c.label}
            </text>
          </g>
        )
      })}
    </svg>
  )
}

interface LineProps {
  id: string
  title: string
  description: string
  points: { label: string; value: number }[]
  /** How values are written on the axis. */
  format: (n: number) => string
}

/** A daily series as a line over its days, the first, middle and last day named under it. */
export const LineChart = ({ id, title, description, points, format }: LineProps) => {
  const width = 700
  const plotHeight = 160
  const left = 48
  const max = Math.max(1, ...points.map((p) => p.value))
  const x = (i: number) => left + (points.length > 1 ? (i / (points.length - 1)) * (width - left - 10) : 0)
  const y = (v: number) => 10 + plotHeight - (v / max) * plotHeight
  const named = [...new Set([0, Math.floor((points.length - 1) / 2), points.length - 1])].filter(
    (i) => i >= 0,
  )
  return (
    <svg
      class="chart"
      viewBox={`0 0 ${width} ${plotHeight + 40}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <line x1={left} x2={width - 10} y1={y(0)} y2={y(0)} class="chart-mark" />
      <text x={left - 6} y={y(max) + 4} text-anchor="end" class="chart-mark-label">
        {format(max)}
      </text>
      <text x={left - 6} y={y(0) + 4} text-anchor="end" class="chart-mark-label">
        {format(0)}
      </text>
      {points.length > 0 && (
        <polyline
          class="chart-line"
          points={points.map((p, i) => `${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ')}
        />
      )}
      {named.map((i) => (
        <text
          x={x(i)}
          y={plotHeight + 32}
          text-anchor={i === 0 ? 'start' : i === points.length - 1 ? 'end' : 'middle'}
          class="chart-label"
        >
          {points[i]?.label}
        </text>
      ))}
    </svg>
  )
}
