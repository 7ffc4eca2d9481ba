/** The framework as the tree the screens show (areas → criteria → leaves), limited to the unit's applicable leaves. */
import type { Framework, FrameworkNode, Leaf } from '../../../shared/schemas/files/framework.ts';

export interface TreeNode {
  code: string;
  name: string;
  maxPoints: number;
  leaf?: Leaf;
  children: TreeNode[];
}

function toNode(node: FrameworkNode, applicable: Set<string>): TreeNode | undefined {
  if ('method' in node)
    return applicable.has(node.code)
      ? { code: node.code, name: node.name, maxPoints: node.maxPoints, leaf: node, children: [] }
      : undefined;
  const children = node.items.map((n) => toNode(n, applicable)).filter((n): n is TreeNode => !!n);
  return children.length ? { code: node.code, name: node.name, maxPoints: node.maxPoints, children } : undefined;
}

export function frameworkTree(framework: Framework, applicableCodes: Iterable<string>): TreeNode[] {
  const applicable = new Set(applicableCodes);
  return framework.areas.map((a) => toNode(a as FrameworkNode, applicable)).filter((n): n is TreeNode => !!n);
}

export function leavesOf(node: TreeNode): Leaf[] {
  return node.leaf ? [node.leaf] : node.children.flatMap(leavesOf);
}

export function leafIndex(framework: Framework): Map<string, Leaf> {
  const map = new Map<string, Leaf>();
  const walk = (n: FrameworkNode) => ('method' in n ? map.set(n.code, n) : n.items.forEach(walk));
  framework.areas.forEach((a) => a.items.forEach(walk));
  return map;
}
