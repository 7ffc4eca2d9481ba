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
   * response, yet an area module still declares it here, beside the request schemas: keeping it
   * out of handler bundles would mean a second declaration per route or response schemas moved out
   * of the schema modules they share with request schemas, and it would not pay. Measured (CPU time
   * of a fresh import, median of 15-21): zod's cost is the first schema of each kind, which the
   * request schemas pay anyway; the whole 57-route table costs ~27 ms over one area's table, i.e.
   * ~2 ms per area for all its schemas, of which the response half is ~1 ms.
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
