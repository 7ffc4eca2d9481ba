/** The leaf's rule as the clerk reads it, and the scores a leaf accepts (quarter points or its step). */
import type { Leaf } from '../../../shared/schemas/files/framework.ts';
import { suggestedScore } from '../../../shared/domain/rules.ts';
import { fmtNumber } from './format';

export { suggestedScore };
export type { Leaf };

export function ruleText(leaf: Leaf): string {
  const rule = leaf.rule;
  if (!rule || leaf.method === 'survey') return 'Điểm do khảo sát xã hội học mang lại.';
  if (rule.kind === 'boolean') return `Có: ${fmtNumber(leaf.maxPoints)} điểm; không: 0 điểm.${rule.figure ? ` (${rule.figure})` : ''}`;
  if (rule.kind === 'manual') return `Chấm theo mức độ thực hiện, bước ${fmtNumber(rule.step ?? 0.25)} điểm.`;
  const tiers = [...rule.tiers].sort((a, b) => b.min - a.min);
  return `${rule.figure}: ${tiers.map((t) => `từ ${fmtNumber(t.min)}: ${fmtNumber(t.points)} điểm`).join('; ')}; thấp hơn: 0 điểm.`;
}

export function scoreOptions(leaf: Leaf): number[] {
  const step = leaf.rule?.kind === 'manual' ? (leaf.rule.step ?? 0.25) : 0.25;
  const options: number[] = [];
  for (let i = 0; i * step <= leaf.maxPoints + 1e-9; i++) options.push(Math.round(i * step * 100) / 100);
  return options;
}
