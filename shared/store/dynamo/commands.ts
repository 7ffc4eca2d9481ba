/**
 * The document-client commands the store sends (the lib-dynamodb names and input/output types, so
 * store code reads as it did with the SDK). Each command names its DynamoDB operation explicitly:
 * a minified bundle renames classes, so `constructor.name` cannot be relied on.
 */
import type * as lib from '@aws-sdk/lib-dynamodb';

export type Operation =
  | 'GetItem'
  | 'PutItem'
  | 'UpdateItem'
  | 'DeleteItem'
  | 'Query'
  | 'Scan'
  | 'BatchGetItem'
  | 'BatchWriteItem'
  | 'TransactWriteItems'
  | 'TransactGetItems';

export abstract class DocumentCommand<I, O> {
  abstract readonly operation: Operation;
  /** Type-only: what `send` resolves to. */
  declare readonly output: O;
  constructor(readonly input: I) {}
}

type Out<O> = Omit<O, '$metadata'>;

export class GetCommand extends DocumentCommand<lib.GetCommandInput, Out<lib.GetCommandOutput>> {
  readonly operation = 'GetItem';
}
export class PutCommand extends DocumentCommand<lib.PutCommandInput, Out<lib.PutCommandOutput>> {
  readonly operation = 'PutItem';
}
export class UpdateCommand extends DocumentCommand<lib.UpdateCommandInput, Out<lib.UpdateCommandOutput>> {
  readonly operation = 'UpdateItem';
}
export class DeleteCommand extends DocumentCommand<lib.DeleteCommandInput, Out<lib.DeleteCommandOutput>> {
  readonly operation = 'DeleteItem';
}
export class QueryCommand extends DocumentCommand<lib.QueryCommandInput, Out<lib.QueryCommandOutput>> {
  readonly operation = 'Query';
}
export class ScanCommand extends DocumentCommand<lib.ScanCommandInput, Out<lib.ScanCommandOutput>> {
  readonly operation = 'Scan';
}
export class BatchGetCommand extends DocumentCommand<lib.BatchGetCommandInput, Out<lib.BatchGetCommandOutput>> {
  readonly operation = 'BatchGetItem';
}
export class BatchWriteCommand extends DocumentCommand<lib.BatchWriteCommandInput, Out<lib.BatchWriteCommandOutput>> {
  readonly operation = 'BatchWriteItem';
}
export class TransactWriteCommand extends DocumentCommand<lib.TransactWriteCommandInput, Out<lib.TransactWriteCommandOutput>> {
  readonly operation = 'TransactWriteItems';
}
export class TransactGetCommand extends DocumentCommand<lib.TransactGetCommandInput, Out<lib.TransactGetCommandOutput>> {
  readonly operation = 'TransactGetItems';
}

export type { BatchGetCommandInput, BatchGetCommandOutput, QueryCommandInput, TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
