/**
 * The cycle's phase drawn as the state machine it is: the nodes and arrows come from the
 * declarations in shared/domain/cycle-phase.ts (phaseOrder, phaseTransitions), the current phase is
 * filled, each arrow names who moves the cycle. Vertical, so it reads the same on a phone.
 */
import { phaseOrder, phaseTransitions, type CyclePhase } from '../../../shared/domain/cycle-phase.ts';
import { actorNames, phaseNames } from '../lib/phase';

// Boxes in a column; arrows between neighbours labelled on the right; skips as arcs on the left.
const box = { x: 56, w: 196, h: 40, gap: 46 };
const top = (i: number) => 10 + i * (box.h + box.gap);

interface Edge {
  from: number;
  to: number;
  label: string;
}

function edges(): Edge[] {
  return phaseTransitions.flatMap((t) =>
    t.from.map((f) => ({ from: phaseOrder.indexOf(f), to: phaseOrder.indexOf(t.to), label: t.by.map((a) => actorNames[a]).join(', ') })),
  );
}

function Arrow({ edge, n }: { edge: Edge; n: number }) {
  const y1 = top(edge.from) + box.h;
  const y2 = top(edge.to);
  if (edge.to === edge.from + 1) {
    const x = box.x + box.w / 2;
    return (
      <g>
        <line x1={x} y1={y1} x2={x} y2={y2 - 2} class="edge" marker-end="url(#arrow)" />
        <text x={x + 8} y={(y1 + y2) / 2 + 4} class="edge-label">
          {edge.label}
        </text>
      </g>
    );
  }
  // A skip (e.g. open → computation): an arc on the left of the boxes, its label along it.
  const x = box.x;
  const out = 36 + n * 14;
  const ya = top(edge.from) + box.h / 2;
  const yb = top(edge.to) + box.h / 2;
  const lx = x - out + 6;
  const ly = (ya + yb) / 2;
  return (
    <g>
      <path d={`M ${x} ${ya} C ${x - out} ${ya}, ${x - out} ${yb}, ${x - 2} ${yb}`} class="edge" fill="none" marker-end="url(#arrow)" />
      <text x={lx} y={ly} class="edge-label" text-anchor="middle" transform={`rotate(-90 ${lx} ${ly})`}>
        {edge.label}
      </text>
    </g>
  );
}

export function PhaseDiagram({ phase }: { phase: CyclePhase }) {
  const all = edges();
  const skips = all.filter((e) => e.to !== e.from + 1);
  const height = top(phaseOrder.length - 1) + box.h + 10;
  const described = `Giai đoạn hiện tại: ${phaseNames[phase]}. Thứ tự: ${phaseOrder.map((p) => phaseNames[p]).join(' → ')}.`;
  return (
    <svg class="phases" viewBox={`0 0 440 ${height}`} role="img" aria-labelledby="phase-title phase-desc">
      <title id="phase-title">Sơ đồ giai đoạn của kỳ đánh giá</title>
      <desc id="phase-desc">{described}</desc>
      <defs>
        <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" class="arrow-head" />
        </marker>
      </defs>
      {all
        .filter((e) => e.to === e.from + 1)
        .map((e) => (
          <Arrow key={`${e.from}-${e.to}`} edge={e} n={0} />
        ))}
      {skips.map((e, i) => (
        <Arrow key={`${e.from}-${e.to}`} edge={e} n={i} />
      ))}
      {phaseOrder.map((p, i) => (
        <g key={p} class={p === phase ? 'node current' : 'node'} data-phase={p}>
          <rect x={box.x} y={top(i)} width={box.w} height={box.h} rx="8" />
          <text x={box.x + box.w / 2} y={top(i) + box.h / 2 + 5} text-anchor="middle">
            {phaseNames[p]}
            {p === phase ? ' (hiện tại)' : ''}
          </text>
        </g>
      ))}
    </svg>
  );
}
