import type { QuizStatsSummaryFragment } from '../graphql/generated/graphql';
import { formatPercent, quizModeLabel } from '../utils/learning';
import { GridLines } from './quiz-charts';

type Band = QuizStatsSummaryFragment['distribution'][number];

/** "0–9%", "90–100%" */
export function bandLabel(band: Band): string {
  return `${band.fromPercent}–${Math.floor(band.toPercent)}%`;
}

/** The headline numbers of a quiz as a definition list. */
export function QuizTotals({ stats }: { stats: QuizStatsSummaryFragment }) {
  return (
    <dl className="facts stat-facts">
      <div>
        <dt>Mode</dt>
        <dd>{quizModeLabel(stats.mode)}</dd>
      </div>
      <div>
        <dt>Submitted attempts</dt>
        <dd>{stats.submittedAttempts}</dd>
      </div>
      <div>
        <dt>In progress</dt>
        <dd>{stats.inProgressAttempts}</dd>
      </div>
      <div>
        <dt>Average score</dt>
        <dd>{stats.averagePercent == null ? '—' : formatPercent(stats.averagePercent)}</dd>
      </div>
      <div>
        <dt>Pass rate</dt>
        <dd>
          {stats.passRate == null ? '—' : formatPercent(stats.passRate)}{' '}
          <span className="muted small">(pass mark {stats.passPercent}%)</span>
        </dd>
      </div>
    </dl>
  );
}

/**
 * Submitted attempts per 10-point score band as an inline SVG bar chart. The SVG is one image
 * with a spoken summary (role=img + aria-label); the table under it has the same numbers.
 */
export function DistributionChart({
  distribution,
  passPercent,
  title,
}: {
  distribution: Band[];
  passPercent: number;
  title: string;
}) {
  const total = distribution.reduce((sum, band) => sum + band.count, 0);
  const max = Math.max(1, ...distribution.map((band) => band.count));
  const width = 560;
  const height = 236;
  const pad = { left: 40, right: 12, top: 34, bottom: 40 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const slot = plotW / distribution.length;
  const barW = slot * 0.72;
  const y = (count: number) => pad.top + plotH - (count / max) * plotH;
  const ticks = [...new Set([0, Math.round(max / 2), max])];
  const passX = pad.left + (Math.min(100, passPercent) / 100) * plotW;
  const nonEmpty = distribution.filter((band) => band.count > 0);
  const summary =
    total === 0
      ? 'no submitted attempts yet'
      : nonEmpty.map((band) => `${band.count} in ${bandLabel(band)}`).join(', ');
  const label = `${title}: score distribution of ${total} submitted ${total === 1 ? 'attempt' : 'attempts'}: ${summary}. Pass mark ${passPercent}%.`;
  return (
    <figure className="chart distribution-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} className="chart-svg">
        <GridLines
          ticks={ticks}
          y={y}
          left={pad.left}
          right={width - pad.right}
          label={(tick) => String(tick)}
        />
        {distribution.map((band, index) => {
          const x = pad.left + index * slot + (slot - barW) / 2;
          const tone =
            band.fromPercent >= passPercent
              ? 'chart-bar-pass'
              : band.toPercent < passPercent
                ? 'chart-bar-fail'
                : 'chart-bar-mixed';
          return (
            <g key={band.fromPercent}>
              {band.count > 0 ? (
                <>
                  <rect
                    x={x}
                    y={y(band.count)}
                    width={barW}
                    height={pad.top + plotH - y(band.count)}
                    rx={2}
                    className={`chart-bar ${tone}`}
                  />
                  <text
                    x={x + barW / 2}
                    y={y(band.count) - 4}
                    textAnchor="middle"
                    className="chart-label chart-count"
                  >
                    {band.count}
                  </text>
                </>
              ) : null}
              <text
                x={pad.left + index * slot + slot / 2}
                y={height - pad.bottom + 16}
                textAnchor="middle"
                className="chart-label"
              >
                {band.fromPercent}
              </text>
            </g>
          );
        })}
        <line x1={passX} x2={passX} y1={pad.top - 26} y2={pad.top + plotH} className="chart-pass" />
        <text
          x={passX > width - 90 ? passX - 4 : passX + 4}
          y={pad.top - 18}
          textAnchor={passX > width - 90 ? 'end' : 'start'}
          className="chart-label chart-pass-label"
        >
          pass {passPercent}%
        </text>
        <text x={pad.left + plotW / 2} y={height - 6} textAnchor="middle" className="chart-label">
          Score band (% from)
        </text>
      </svg>
      <figcaption className="small muted">
        Submitted attempts per 10-point score band; the dashed line is the pass mark.
      </figcaption>
      <details className="chart-table">
        <summary>Show the numbers as a table</summary>
        <table className="data-table compact-table">
          <caption className="visually-hidden">{title}: attempts per score band</caption>
          <thead>
            <tr>
              <th scope="col">Score band</th>
              <th scope="col">Attempts</th>
            </tr>
          </thead>
          <tbody>
            {distribution.map((band) => (
              <tr key={band.fromPercent}>
                <th scope="row">{bandLabel(band)}</th>
                <td>{band.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/** A quiz's totals beside its score distribution (the gradebook's cards, a quiz's page). */
export function QuizStatsOverview({
  stats,
  className,
}: {
  stats: QuizStatsSummaryFragment;
  className?: string;
}) {
  return (
    <div className={className ? `${className} quiz-stats-layout` : 'quiz-stats-layout'}>
      <QuizTotals stats={stats} />
      <DistributionChart
        distribution={stats.distribution}
        passPercent={stats.passPercent}
        title={stats.lessonTitle}
      />
    </div>
  );
}
