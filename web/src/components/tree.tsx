/** The framework tree with progress per area and overall; each leaf links to its editor. */
import type { AssessmentItem } from '../api/client';
import { fmtNumber, fmtPercent } from '../lib/format';
import { leavesOf, type TreeNode } from '../lib/framework-tree';

export interface LeafMark {
  done: boolean;
  flag?: string;
}

function Progress({ done, total, label }: { done: number; total: number; label: string }) {
  return (
    <span class="progress-line">
      <progress max={total} value={done} aria-label={label} />
      <span>
        {done}/{total}
      </span>
    </span>
  );
}

export function LeafTree(props: {
  tree: TreeNode[];
  items: Map<string, AssessmentItem>;
  mark: (item: AssessmentItem) => LeafMark;
  selected?: string;
  hrefOf: (code: string) => string;
}) {
  const count = (n: TreeNode) => {
    const leaves = leavesOf(n)
      .map((l) => props.items.get(l.code))
      .filter((i): i is AssessmentItem => !!i && i.method === 'self');
    return { done: leaves.filter((i) => props.mark(i).done).length, total: leaves.length };
  };
  const all = props.tree.map(count).reduce((a, b) => ({ done: a.done + b.done, total: a.total + b.total }), { done: 0, total: 0 });
  const renderNode = (n: TreeNode, depth: number) => {
    if (n.leaf) {
      const item = props.items.get(n.code);
      if (!item) return null;
      const m = item.method === 'self' ? props.mark(item) : { done: false, flag: 'khảo sát' };
      return (
        <li key={n.code} class={`leaf${m.done ? ' done' : ''}${m.flag ? ' flagged' : ''}`}>
          <a href={props.hrefOf(n.code)} aria-current={props.selected === n.code ? 'page' : undefined}>
            <span class="code">{n.code}</span> <span class="name">{n.name}</span>
            <span class="state">{m.flag ?? (m.done ? '✓' : '')}</span>
            {item.method === 'self' ? <span class="sr-only">{m.done ? 'đã xong' : 'chưa xong'}</span> : null}
          </a>
        </li>
      );
    }
    const c = count(n);
    const children = <ul>{n.children.map((k) => renderNode(k, depth + 1))}</ul>;
    if (depth === 0)
      return (
        <li key={n.code} class="area">
          <details open={props.selected ? props.selected.split('.')[0] === n.code : false}>
            <summary>
              <span class="area-title">
                {n.code}. {n.name} <span class="muted">({fmtNumber(n.maxPoints)} điểm)</span>
              </span>
              <Progress done={c.done} total={c.total} label={`Tiến độ lĩnh vực ${n.code}`} />
            </summary>
            {children}
          </details>
        </li>
      );
    return (
      <li key={n.code} class="group">
        <span class="group-title">
          {n.code}. {n.name}
        </span>
        {children}
      </li>
    );
  };
  return (
    <nav class="tree" id="bo-tieu-chi" aria-label="Bộ tiêu chí">
      <p class="overall">
        Tổng tiến độ: <strong>{fmtPercent(all.done, all.total)}</strong> <Progress done={all.done} total={all.total} label="Tổng tiến độ" />
      </p>
      <ul class="areas">{props.tree.map((n) => renderNode(n, 0))}</ul>
    </nav>
  );
}
