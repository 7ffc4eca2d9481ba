/**
 * The local stand-in for API Gateway's route throttling of public routes (infra/stacks/api-stack.ts,
 * `throttling.publicRoute`): a token bucket per client address and route, refilled at `rateLimit`
 * per second up to `burstLimit`. Only `npm start` turns it on; the test runtime leaves it off so
 * suites that answer many codes in a row are not slowed by it.
 */
export interface ThrottleLimits {
  rateLimit: number;
  burstLimit: number;
}

/** Mirrors `throttling.publicRoute` (importing the stack would load the CDK into the runtime); a test compares them. */
export const localPublicLimits: ThrottleLimits = { rateLimit: 10, burstLimit: 20 };

export class PublicThrottle {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly limits: ThrottleLimits = localPublicLimits,
    private readonly clock: () => number = Date.now,
  ) {}

  /** True when the request may go on; false means 429. */
  take(key: string): boolean {
    const now = this.clock();
    const held = this.buckets.get(key) ?? { tokens: this.limits.burstLimit, at: now };
    const tokens = Math.min(this.limits.burstLimit, held.tokens + ((now - held.at) / 1000) * this.limits.rateLimit);
    if (this.buckets.size > 10_000) this.buckets.clear(); // bounded memory: a flood of addresses only resets the buckets
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: now });
      return false;
    }
    this.buckets.set(key, { tokens: tokens - 1, at: now });
    return true;
  }
}
