/**
 * Which years are published, read from the cycles' small META items (one BatchGet of the years
 * asked, phase only), so that the history of a unit and the open data never scan the table.
 */
import { BatchGetCommand, type BatchGetCommandInput } from './dynamo/commands.ts';
import { dynamo, tableName } from './clients.ts';
import { keys } from './keys.ts';

/** Published years in [from, to], ascending. */
export async function publishedYears(from: number, to: number): Promise<number[]> {
  const years = Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
  const found: number[] = [];
  for (let i = 0; i < years.length; i += 100) {
    let request: BatchGetCommandInput['RequestItems'] = {
      [tableName()]: {
        Keys: years.slice(i, i + 100).map((y) => keys.cycle(y)),
        ProjectionExpression: 'pk, #phase',
        ExpressionAttributeNames: { '#phase': 'phase' },
      },
    };
    // BatchGet may hand back unprocessed keys under load: ask again for those.
    for (let attempt = 0; request && attempt < 8; attempt++) {
      const out: BatchGetCommand['output'] = await dynamo().send(new BatchGetCommand({ RequestItems: request }));
      for (const item of out.Responses?.[tableName()] ?? [])
        if (item.phase === 'published') found.push(Number(String(item.pk).slice('CYCLE#'.length)));
      const left = out.UnprocessedKeys?.[tableName()];
      request = left?.Keys?.length ? { [tableName()]: left } : undefined;
      if (request) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
    }
  }
  return found.sort((a, b) => a - b);
}
