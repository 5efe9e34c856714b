import { formatPercent } from '../utils/learning';

/** A chart's horizontal grid: a line and a label (left of the plot) at each tick. */
export function GridLines({
  ticks,
  y,
  left,
  right,
  label,
}: {
  ticks: number[];
  /** Where a tick's value sits on the plot. */
  y: (value: number) => number;
  left: number;
  right: number;
  label: (tick: number) => string;
}) {
  return ticks.map((tick) => (
    <g key={tick}>
      <line x1={left} x2={right} y1={y(tick)} y2={y(tick)} className="chart-grid" />
      <text x={left - 6} y={y(tick) + 4} textAnchor="end" className="chart-label">
        {label(tick)}
      </text>
    </g>
  ));
}

/**
 * Scores of submitted attempts as an inline SVG line with the pass mark. Decorative for
 * assistive technology: the attempt table next to it carries the same numbers.
 */
export function ImprovementChart({
  scores,
  passPercent,
}: {
  scores: { number: number; percent: number; passed: boolean }[];
  passPercent: number;
}) {
  if (scores.length === 0) return null;
  const width = 320;
  const height = 140;
  const pad = { left: 42, right: 12, top: 12, bottom: 26 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const x = (index: number) =>
    pad.left + (scores.length === 1 ? plotW / 2 : (index / (scores.length - 1)) * plotW);
  const y = (percent: number) =>
    pad.top + plotH - (Math.max(0, Math.min(100, percent)) / 100) * plotH;
  const points = scores.map((score, index) => `${x(index)},${y(score.percent)}`).join(' ');
  const summary = scores.map((s) => `attempt ${s.number}: ${formatPercent(s.percent)}`).join(', ');
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={`Scores by attempt, pass mark ${passPercent}%: ${summary}.`}
        className="chart-svg"
      >
        <GridLines
          ticks={[0, 50, 100]}
          y={y}
          left={pad.left}
          right={width - pad.right}
          label={(tick) => `${tick}%`}
        />
        <line
          x1={pad.left}
          x2={width - pad.right}
          y1={y(passPercent)}
          y2={y(passPercent)}
          className="chart-pass"
        />
        <text
          x={width - pad.right}
          y={y(passPercent) - 4}
          textAnchor="end"
          className="chart-label chart-pass-label"
        >
          pass {passPercent}%
        </text>
        {scores.length > 1 ? <polyline points={points} className="chart-line" /> : null}
        {scores.map((score, index) => (
          <g key={score.number}>
            <circle
              cx={x(index)}
              cy={y(score.percent)}
              r={5}
              className={score.passed ? 'chart-dot chart-dot-pass' : 'chart-dot chart-dot-fail'}
            />
            <text x={x(index)} y={height - 8} textAnchor="middle" className="chart-label">
              #{score.number}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className="small muted">
        Your score on each submitted attempt; the dashed line is the pass mark.
      </figcaption>
    </figure>
  );
}

/** Per-area scores as horizontal SVG bars; the table beside it is the accessible version. */
export function AreaBars({
  areas,
  passPercent,
}: {
  areas: { label: string; percent: number }[];
  passPercent: number;
}) {
  if (areas.length === 0) return null;
  const rowH = 26;
  const labelW = 190;
  const width = 520;
  const barW = width - labelW - 56;
  const height = areas.length * rowH + 24;
  const passX = labelW + (passPercent / 100) * barW;
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      className="chart-svg chart-areas"
      aria-hidden="true"
      focusable="false"
    >
      {areas.map((area, index) => {
        const top = index * rowH + 4;
        const w = (Math.max(0, Math.min(100, area.percent)) / 100) * barW;
        return (
          <g key={area.label}>
            <text x={labelW - 8} y={top + 14} textAnchor="end" className="chart-label">
              {area.label}
            </text>
            <rect x={labelW} y={top} width={barW} height={18} className="chart-track" rx={3} />
            <rect
              x={labelW}
              y={top}
              width={w}
              height={18}
              rx={3}
              className={
                area.percent >= passPercent
                  ? 'chart-bar chart-bar-pass'
                  : 'chart-bar chart-bar-fail'
              }
            />
            <text x={labelW + barW + 6} y={top + 14} className="chart-label">
              {formatPercent(area.percent)}
            </text>
          </g>
        );
      })}
      <line x1={passX} x2={passX} y1={0} y2={height - 18} className="chart-pass" />
      <text x={passX} y={height - 4} textAnchor="middle" className="chart-label chart-pass-label">
        pass {passPercent}%
      </text>
    </svg>
  );
}
