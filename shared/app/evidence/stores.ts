/**
 * The evidence use cases' ports: the assessment's table stores and, per route, the one evidence
 * bucket call it makes, so that only confirmation bundles the content-type detection (file-type).
 */
import { inspectObject, presignDownload, presignUpload } from '../../store/evidence-files.ts';
import { assessmentStores, type AssessmentStores, type EvidenceFileStores } from '../assessment/stores.ts';

export type EvidenceStores = AssessmentStores & EvidenceFileStores;

export type UploadStores = AssessmentStores & Pick<EvidenceFileStores, 'presignUpload'>;
export type InspectStores = AssessmentStores & Pick<EvidenceFileStores, 'inspectObject'>;
export type DownloadStores = AssessmentStores & Pick<EvidenceFileStores, 'presignDownload'>;

export const uploadStores = (): UploadStores => ({ ...assessmentStores, presignUpload });
export const inspectStores = (): InspectStores => ({ ...assessmentStores, inspectObject });
export const downloadStores = (): DownloadStores => ({ ...assessmentStores, presignDownload });
