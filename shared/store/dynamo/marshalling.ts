/**
 * Document <-> DynamoDB JSON, as lib-dynamodb does it (util-dynamodb's marshall/unmarshall with
 * the options the store always used): only the members that hold items, keys or values are
 * converted; everything else (names, expressions, capacity) passes through untouched.
 */
import { marshall, unmarshall, type NativeAttributeValue } from '@aws-sdk/util-dynamodb';

type Doc = Record<string, NativeAttributeValue>;
type Wire = Parameters<typeof unmarshall>[0];

const options = { removeUndefinedValues: true, convertClassInstanceToMap: false } as const;

/** Members that are one item, key or value map (in inputs, outputs and cancellation reasons). */
const maps = new Set(['Item', 'Key', 'ExpressionAttributeValues', 'ExclusiveStartKey', 'LastEvaluatedKey', 'Attributes']);
/** Members that are a list of them. */
const lists = new Set(['Items', 'Keys']);

type Convert = (map: Record<string, unknown>) => Record<string, unknown>;

function walk(value: unknown, convert: Convert, key?: string): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (key !== undefined && maps.has(key)) return convert(value as Record<string, unknown>);
  if (key !== undefined && lists.has(key) && Array.isArray(value)) return value.map((m) => convert(m as Record<string, unknown>));
  if (Array.isArray(value)) return value.map((v) => walk(v, convert));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    // BatchGetItem's Responses: table name -> items.
    if (k === 'Responses' && v && !Array.isArray(v) && typeof v === 'object') {
      out[k] = Object.fromEntries(Object.entries(v).map(([t, items]) => [t, (items as Record<string, unknown>[]).map(convert)]));
    } else out[k] = walk(v, convert, k);
  }
  return out;
}

export const marshallInput = (input: unknown) => walk(input, (m) => marshall(m as Doc, options) as Record<string, unknown>);
export const unmarshallOutput = (output: unknown) => walk(output, (m) => unmarshall(m as Wire));

/**
 * The JSON protocol carries binary values as base64. The holder's own value is read (`this[key]`):
 * JSON.stringify has already turned a Buffer into `{ type, data }` by its toJSON when `value` arrives.
 */
export function jsonReplacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const raw = this[key];
  return raw instanceof Uint8Array ? Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('base64') : value;
}

/** In DynamoDB JSON a bare string under `B` (or strings under `BS`) can only be a binary value. */
export function jsonReviver(key: string, value: unknown): unknown {
  if (key === 'B' && typeof value === 'string') return new Uint8Array(Buffer.from(value, 'base64'));
  if (key === 'BS' && Array.isArray(value) && value.every((v) => typeof v === 'string')) {
    return value.map((v: string) => new Uint8Array(Buffer.from(v, 'base64')));
  }
  return value;
}
