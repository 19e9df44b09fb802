import { OFFLINE_TOKEN_IDLE_DAYS } from "../sso/red-hat.js";

const DAY_MS = 86_400_000;

/**
 * Whole days left before Red Hat SSO drops an offline token that is not used again: 30 days after the
 * last successful refresh, rounded down (so "0" means less than a day). Negative: it has most likely
 * expired already. Undefined when we never saw it refreshed.
 */
export function daysUntilIdleExpiry(lastRefreshedAt: Date | undefined, now: Date): number | undefined {
  if (lastRefreshedAt === undefined || Number.isNaN(lastRefreshedAt.getTime())) return undefined;
  const expiresAt = lastRefreshedAt.getTime() + OFFLINE_TOKEN_IDLE_DAYS * DAY_MS;
  return Math.floor((expiresAt - now.getTime()) / DAY_MS);
}

/** The moment an offline token last refreshed at `lastRefreshedAt` stops working if left unused. */
export function idleExpiryDate(lastRefreshedAt: Date): Date {
  return new Date(lastRefreshedAt.getTime() + OFFLINE_TOKEN_IDLE_DAYS * DAY_MS);
}
