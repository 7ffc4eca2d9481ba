/**
 * Charts drawn as inline SVG (no chart library: two shapes, a few hundred bytes each). Each has a
 * <title> and <desc> for screen readers and the same figures as a table right after it.
 */
import { fmtNumber } from '../lib/format';

export interface Bin {
  label: string;
  count: number;
}

/** Indexes grouped into 10-point bins (the last bin holds 100). */
export function distribution(indexes: number[]): Bin[] {
  const bins = Array.from({ length: 10 }, (_v, i) => ({ label: `${i * 10}–${i === 9 ? 100 : i * 10 + 10}`, count: 0 }));
  for (const x of indexes) bins[Math.min(9, Math.max(0, Math.floor(x / 10)))]!.count++;
  return bins;
}

function Figure(props: { id: string; title: string; desc: string; children: preact.ComponentChildren; table: preact.ComponentChildren }) {
  return (
    <figure class="chart">
      {props.children}
      <details>
        <summary>Bảng số liệu: {props.title}</summary>
        {props.table}
      </details>
    </figure>
  );
}

/** How many units fall in each 10-point band of the index. */
export function DistributionChart(props: { id: string; title: string; indexes: number[] }) {
  const bins = distribution(props.indexes);
  const top = Math.max(1, ...bins.map((b) => b.count));
  const w = 320;
  const h = 170;
  const barW = 28;
  const desc = bins
    .filter((b) => b.count > 0)
    .map((b) => `${b.label}: ${b.count} đơn vị`)
    .join('; ');
  return (
    <Figure
      id={props.id}
      title={props.title}
      desc={desc}
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">Khoảng chỉ số</th>
              <th scope="col" class="num">
                Số đơn vị
              </th>
            </tr>
          </thead>
          <tbody>
            {bins.map((b) => (
              <tr key={b.label}>
                <td>{b.label}</td>
                <td class="num">{b.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <svg viewBox={`0 0 ${w} ${h}`} role="img" aria-labelledby={`${props.id}-t ${props.id}-d`} class="svg-chart">
        <title id={`${props.id}-t`}>{props.title}</title>
        <desc id={`${props.id}-d`}>{desc || 'Chưa có đơn vị nào.'}</desc>
        <line x1="10" y1="140" x2={w - 10} y2="140" stroke="#57606a" />
        {bins.map((b, i) => {
          const bh = Math.round((b.count / top) * 110);
          const x = 14 + i * 30;
          return (
            <g key={b.label}>
              <rect x={x} y={140 - bh} width={barW - 4} height={bh} fill="#0b57a4" />
              {b.count > 0 ? (
                <text x={x + (barW - 4) / 2} y={136 - bh} text-anchor="middle" font-size="11" fill="#1b1f24">
                  {b.count}
                </text>
              ) : null}
              <text x={x + (barW - 4) / 2} y="156" text-anchor="middle" font-size="9" fill="#1b1f24">
                {i * 10}
              </text>
            </g>
          );
        })}
        <text x={w / 2} y="169" text-anchor="middle" font-size="10" fill="#4f5963">
          Chỉ số (thang 100)
        </text>
      </svg>
    </Figure>
  );
}

export interface AreaBar {
  code: string;
  name: string;
  index: number;
  previous?: number | null;
}

/** Area sub-indexes (0–100) as horizontal bars; last year's value as a tick when there is one. */
export function AreaChart(props: { id: string; title: string; areas: AreaBar[] }) {
  const row = 22;
  const h = props.areas.length * row + 24;
  const x0 = 46;
  const span = 230;
  const desc = props.areas.map((a) => `Lĩnh vực ${a.code}: ${fmtNumber(a.index)}`).join('; ');
  return (
    <Figure
      id={props.id}
      title={props.title}
      desc={desc}
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">Lĩnh vực</th>
              <th scope="col" class="num">
                Chỉ số
              </th>
              <th scope="col" class="num">
                Năm trước
              </th>
            </tr>
          </thead>
          <tbody>
            {props.areas.map((a) => (
              <tr key={a.code}>
                <td>
                  {a.code}. {a.name}
                </td>
                <td class="num">{fmtNumber(a.index)}</td>
                <td class="num">{fmtNumber(a.previous)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <svg viewBox={`0 0 320 ${h}`} role="img" aria-labelledby={`${props.id}-t ${props.id}-d`} class="svg-chart">
        <title id={`${props.id}-t`}>{props.title}</title>
        <desc id={`${props.id}-d`}>{desc}</desc>
        {props.areas.map((a, i) => {
          const y = 6 + i * row;
          const bw = Math.max(0, Math.min(100, a.index)) * (span / 100);
          return (
            <g key={a.code}>
              <text x={x0 - 6} y={y + 13} text-anchor="end" font-size="11" fill="#1b1f24">
                LV {a.code}
              </text>
              <rect x={x0} y={y} width={bw} height={row - 8} fill="#1a6b35" />
              {a.previous !== null && a.previous !== undefined ? (
                <line
                  x1={x0 + a.previous * (span / 100)}
                  x2={x0 + a.previous * (span / 100)}
                  y1={y - 2}
                  y2={y + row - 6}
                  stroke="#a3161b"
                  stroke-width="2"
                />
              ) : null}
              <text x={x0 + bw + 4} y={y + 12} font-size="10" fill="#1b1f24">
                {fmtNumber(a.index)}
              </text>
            </g>
          );
        })}
        <line x1={x0} y1={h - 14} x2={x0 + span} y2={h - 14} stroke="#57606a" />
        {[0, 50, 100].map((t) => (
          <text key={t} x={x0 + t * (span / 100)} y={h - 3} text-anchor="middle" font-size="9" fill="#4f5963">
            {t}
          </text>
        ))}
      </svg>
    </Figure>
  );
}
