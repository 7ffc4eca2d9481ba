/** A framework as the tree the province issues: areas, criteria, leaves with points, method and rule. */
import type { Framework, FrameworkNode } from '../../../../shared/schemas/files/framework.ts';
import { fmtNumber, unitTypeNames } from '../../lib/format';
import { ruleText } from '../../lib/rules';

function Node({ node }: { node: FrameworkNode }) {
  if ('method' in node)
    return (
      <li class="fw-leaf">
        <span class="code">{node.code}</span> {node.name} <span class="pts">{fmtNumber(node.maxPoints)} điểm</span>
        <div class="muted">
          {node.method === 'survey' ? 'Điều tra xã hội học' : ruleText(node)}
          {node.evidenceRequired ? ' · cần tài liệu kiểm chứng' : ''}
        </div>
      </li>
    );
  return (
    <li>
      <details open>
        <summary>
          <span class="code">{node.code}</span> {node.name} <span class="pts">{fmtNumber(node.maxPoints)} điểm</span>
        </summary>
        <ul>
          {node.items.map((n) => (
            <Node key={n.code} node={n} />
          ))}
        </ul>
      </details>
    </li>
  );
}

export function FrameworkTree({ framework }: { framework: Framework }) {
  return (
    <div class="fw">
      <p class="facts">
        <span>
          Mã <code>{framework.id}</code>
        </span>
        <span>{unitTypeNames[framework.unitType]}</span>
        <span>Tổng {fmtNumber(framework.maxTotal)} điểm</span>
        <span>Xếp loại: {framework.bands.map((b) => `${b.label} từ ${fmtNumber(b.min)}`).join('; ')}</span>
      </p>
      <ul class="fw-tree" aria-label={`Cây tiêu chí ${framework.name}`}>
        {framework.areas.map((a) => (
          <Node key={a.code} node={a as FrameworkNode} />
        ))}
      </ul>
      {framework.adjustments.length ? (
        <p>Điểm thưởng, điểm trừ: {framework.adjustments.map((a) => `${a.code} ${a.name} (${fmtNumber(a.maxPoints)})`).join('; ')}</p>
      ) : null}
    </div>
  );
}
