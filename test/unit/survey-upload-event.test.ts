import type { S3Event } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { uploadsOf } from '../../functions/surveys/ingest-upload.ts';
import { importObjectKey, parseImportObjectKey } from '../../shared/store/import-files.ts';

const record = (eventName: string, key: string) => ({ eventName, s3: { bucket: { name: 'par-imports' }, object: { key } } });

describe('the upload event', () => {
  it('reads object-created records of an S3 notification, decoding the key', () => {
    const event = {
      Records: [record('ObjectCreated:Post', 'imports/2026/s%C3%A1ch+1/a.csv'), record('ObjectRemoved:Delete', 'imports/x.csv')],
    } as unknown as S3Event;
    expect(uploadsOf(event)).toEqual([{ bucket: 'par-imports', key: 'imports/2026/sách 1/a.csv' }]);
  });

  it('reads the EventBridge form of the same upload', () => {
    expect(
      uploadsOf({ 'detail-type': 'Object Created', detail: { bucket: { name: 'b' }, object: { key: 'imports/2026/s/i.csv' } } }),
    ).toEqual([{ bucket: 'b', key: 'imports/2026/s/i.csv' }]);
  });

  it('finds the import from the key alone, and nothing from other keys', () => {
    const key = importObjectKey(2026, 'department-survey-2024', '20261127T101010Z-abcdef0123', 'xlsx');
    expect(parseImportObjectKey(key)).toEqual({
      year: 2026,
      surveyId: 'department-survey-2024',
      importId: '20261127T101010Z-abcdef0123',
      format: 'xlsx',
    });
    for (const other of ['imports/2026/s/i.txt', 'evidence/2026/x.csv', 'imports/2026/../i.csv', 'imports/2026/s/sub/i.csv']) {
      expect(parseImportObjectKey(other)).toBeUndefined();
    }
  });
});
