/**
 * Reads a framework annex (XLSX) sent by the admin and answers the framework it describes with the
 * parse report; nothing is stored (the admin reviews it, then saves it with PUT /v1/frameworks/{id}).
 */
import { fail } from '../../domain/errors.ts';
import { annexRowsToFramework, type Cell } from '../../domain/framework-annex.ts';
import { parseFramework } from '../../domain/framework.ts';
import type { Caller } from '../../domain/roles.ts';
import { isLeaf, type Framework, type FrameworkNode } from '../../schemas/files/framework.ts';
import { frameworksStores, type FrameworksStores } from './stores.ts';

export interface FrameworkImportInput {
  fileName: string;
  contentBase64: string;
}

const countLeaves = (nodes: readonly FrameworkNode[]): number =>
  nodes.reduce((n, node) => n + (isLeaf(node) ? 1 : countLeaves(node.items)), 0);

export async function importFramework(
  _caller: Caller,
  input: FrameworkImportInput,
  stores: Pick<FrameworksStores, 'getFramework'> = frameworksStores,
  readCells: (file: Buffer) => Promise<Cell[][]> = readAnnexCells,
) {
  let rows: Cell[][];
  try {
    rows = await readCells(Buffer.from(input.contentBase64, 'base64'));
  } catch {
    throw fail.invalid([{ path: 'contentBase64', message: 'is not an XLSX workbook that can be read' }]);
  }
  const reading = annexRowsToFramework(rows);
  const parsed = reading.framework ? parseFramework(reading.framework) : undefined;
  const framework: Framework | null = parsed?.ok ? parsed.framework : null;
  const id = framework?.id ?? reading.framework?.id;
  const stored = id ? await stores.getFramework(id) : undefined;
  return {
    fileName: input.fileName,
    framework,
    report: {
      rows: rows.length,
      problems: reading.problems,
      errors: parsed && !parsed.ok ? parsed.errors.map((e) => withCriterion(reading.framework, e)) : [],
      leaves: framework ? framework.areas.reduce((n, a) => n + countLeaves(a.items), 0) : 0,
    },
    existing: stored ? { version: stored.version, usedBy: stored.usedBy, ...(stored.frozenAt ? { frozenAt: stored.frozenAt } : {}) } : null,
  };
}

/** The code of the criterion (or adjustment) a rule error's path points into, so the console can name it. */
function withCriterion(framework: unknown, error: { path: string; message: string }) {
  const steps = error.path.match(/^(?:(?:areas|adjustments)\[\d+\](?:\.items\[\d+\])*)/)?.[0];
  let node: unknown = framework;
  for (const step of steps?.split('.') ?? []) {
    const [, key, index] = /^(\w+)\[(\d+)\]$/.exec(step) ?? [];
    node = (node as Record<string, unknown[]> | undefined)?.[key!]?.[Number(index)];
  }
  const code = steps ? (node as { code?: unknown } | undefined)?.code : undefined;
  return { path: error.path, message: error.message, ...(typeof code === 'string' ? { criterion: code } : {}) };
}

/** The XLSX reader is evaluated only when a file arrives (not at the cold start of the route). */
async function readAnnexCells(file: Buffer): Promise<Cell[][]> {
  const { annexCells } = await import('../../formats/annex-xlsx.ts');
  return annexCells(file);
}
