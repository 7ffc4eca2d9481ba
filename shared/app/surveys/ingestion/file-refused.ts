import { DomainError } from '../../../domain/errors.ts';

/** The whole file cannot be imported (encoding, header, not CSV/XLSX, survey gone): nothing of it is kept. */
export class FileRefused extends DomainError {
  constructor(reason: string) {
    super('IMPORT_FILE_REFUSED', reason);
  }
}
