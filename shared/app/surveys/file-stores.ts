/** The imports bucket, for the route that hands out upload forms (the only survey route that names a bucket). */
import { importMaxBytes, importObjectKey, presignImportUpload } from '../../store/import-files.ts';
import { surveyStores, type SurveyStores } from './stores.ts';

export interface SurveyFileStores {
  importObjectKey: typeof importObjectKey;
  importMaxBytes: number;
  presignImportUpload: typeof presignImportUpload;
}

export const surveyImportStores: SurveyStores & SurveyFileStores = {
  ...surveyStores,
  importObjectKey,
  importMaxBytes,
  presignImportUpload,
};
