/** The evidence use cases' port: the assessment's table stores and the evidence bucket (S3). */
import { inspectObject, presignDownload, presignUpload } from '../../store/evidence-files.ts';
import { assessmentStores, type AssessmentStores, type EvidenceFileStores } from '../assessment/stores.ts';

export type EvidenceStores = AssessmentStores & EvidenceFileStores;

export const evidenceStores: EvidenceStores = { ...assessmentStores, presignUpload, presignDownload, inspectObject };
