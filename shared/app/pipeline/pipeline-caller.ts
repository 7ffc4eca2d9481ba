/** The pipeline's identity in audit events: the system, acting as the yearly process. */
import type { Caller } from '../../domain/roles.ts';

export const pipelineCaller: Caller = { subject: 'system', username: 'system:pipeline', roles: ['admin'], areas: [] };
