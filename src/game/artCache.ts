/**
 * Which generated art stays in memory. Every backdrop is a 1920×1080 image and every portrait
 * brings all its expressions, so a trainer who plays the whole library in one sitting would keep
 * every one of them decoded (hundreds of MB). The cache remembers which groups (one backdrop, or
 * one portrait at one size) were asked for most recently and names the older ones beyond the
 * limit, for the caller to free. Pure bookkeeping, no Phaser:
 *
 * ```ts
 * const cache = new ArtCache({ backdrops: 3, portraits: 3 }, ['backdrop:office']);
 * const evict = cache.use(['backdrop:shop', 'portrait:woman-60s@1']); // groups to free, oldest first
 * ```
 */

/** How many groups of each kind may stay loaded. */
export interface ArtCacheLimits {
  backdrops: number;
  portraits: number;
}

/** A group id: `backdrop:<setting>` or `portrait:<portrait>@<scale>`. */
export type ArtGroup = `backdrop:${string}` | `portrait:${string}`;

/** Default limits: the current scenario's art plus a couple of recent ones (quick to go back to). */
export const ART_CACHE_LIMITS: ArtCacheLimits = { backdrops: 3, portraits: 3 };

export class ArtCache {
  /** Least recently used first. */
  private readonly order: ArtGroup[] = [];

  /** `pinned` groups (the Title's and the list's backdrop) are never named for eviction. */
  constructor(
    private readonly limits: ArtCacheLimits = ART_CACHE_LIMITS,
    private readonly pinned: readonly ArtGroup[] = [],
  ) {}

  /** Marks `groups` as just used; returns the groups to free now, oldest first (never one of `groups`). */
  use(groups: readonly ArtGroup[]): ArtGroup[] {
    for (const group of groups) {
      const at = this.order.indexOf(group);
      if (at >= 0) this.order.splice(at, 1);
      this.order.push(group);
    }
    const evicted: ArtGroup[] = [];
    for (const kind of ['backdrop', 'portrait'] as const) {
      const limit = kind === 'backdrop' ? this.limits.backdrops : this.limits.portraits;
      const candidates = this.order.filter((group) => group.startsWith(`${kind}:`) && !this.pinned.includes(group));
      const excess = candidates.length - Math.max(limit, candidates.filter((group) => groups.includes(group)).length);
      for (const group of candidates.slice(0, Math.max(0, excess))) {
        if (groups.includes(group)) continue;
        evicted.push(group);
        this.order.splice(this.order.indexOf(group), 1);
      }
    }
    return evicted;
  }

  /** Groups currently remembered, least recently used first. */
  groups(): readonly ArtGroup[] {
    return this.order;
  }
}
