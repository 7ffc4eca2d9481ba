/** Roles carried in `cognito:groups`, and the scope claims that go with them (DESIGN §2 Auth). */
export const roles = ['admin', 'appraiser', 'council', 'unit'] as const;
export type Role = (typeof roles)[number];

export const claimNames = {
  groups: 'cognito:groups',
  unitId: 'custom:unitId',
  areas: 'custom:areas',
  district: 'custom:district',
} as const;

/** The caller as the verified token describes it; nothing here comes from headers or the body. */
export interface Caller {
  readonly subject: string;
  readonly username: string;
  readonly roles: readonly Role[];
  readonly unitId?: string;
  /** Area or criterion codes an appraiser covers; `['*']` for all. */
  readonly areas: readonly string[];
  readonly district?: string;
}

function groupsOf(raw: unknown): string[] {
  if (Array.isArray(raw)) return raw.map(String);
  if (typeof raw !== 'string') return [];
  // API Gateway flattens array claims to "[admin unit]"; a plain comma or space list also occurs.
  return raw
    .replace(/^\[|\]$/g, '')
    .split(/[\s,]+/)
    .filter(Boolean);
}

export function callerFromClaims(claims: Record<string, unknown>): Caller {
  const rolesInToken = groupsOf(claims[claimNames.groups]).filter((g): g is Role => (roles as readonly string[]).includes(g));
  const str = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : undefined);
  const areas = str(claims[claimNames.areas]);
  return {
    subject: str(claims.sub) ?? 'unknown',
    username: str(claims.username) ?? str(claims['cognito:username']) ?? str(claims.sub) ?? 'unknown',
    roles: rolesInToken,
    unitId: str(claims[claimNames.unitId]),
    areas: areas
      ? areas
          .split(',')
          .map((a) => a.trim())
          .filter(Boolean)
      : [],
    district: str(claims[claimNames.district]),
  };
}
