/**
 * What a route declares. Types only: an area module (shared/routes/<area>.ts) and a handler import
 * this at no run-time cost.
 */
import type * as z from 'zod/mini';
import type { Role } from '../domain/roles.ts';
import type { BucketId } from '../store/resources.ts';

export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE';

/** `public`: no token; `signed-in`: any valid token; a role list: one of those groups. */
export type Access = 'public' | 'signed-in' | readonly Role[];

export interface RouteDefinition {
  readonly method: HttpMethod;
  /** API Gateway path template, e.g. `/v1/units/{unitId}`. */
  readonly path: string;
  /** Handler module, relative to the project root; it exports `handler`. */
  readonly handler: string;
  readonly access: Access;
  readonly summary: string;
  readonly params?: z.ZodMiniType;
  readonly query?: z.ZodMiniType;
  readonly body?: z.ZodMiniType;
  /**
   * Success status and the response schema (for OpenAPI and tests). Handlers never validate a
   * response; the schema modules declare their schemas `deferred` (shared/schemas/zod.ts), so a
   * handler's bundle holds the code of its area's response schemas but never builds them.
   */
  readonly success: { readonly status: number; readonly schema?: z.ZodMiniType };
  /** Extra environment: which buckets the handler reads or writes (the table is always granted). */
  readonly buckets?: readonly { readonly id: BucketId; readonly access: 'read' | 'write' | 'readWrite' }[];
  /**
   * The route honours an `Idempotency-Key` header (a replay answers the first response). A
   * mutating route without it answers 400 IDEMPOTENCY_NOT_SUPPORTED when the header is sent.
   */
  readonly idempotent?: boolean;
  /** Heavier work (imports, computation) gets more memory and time. */
  readonly size?: 'small' | 'large';
}

/** An area's table: its route ids and their definitions. */
export type RouteTable = Readonly<Record<string, RouteDefinition>>;
