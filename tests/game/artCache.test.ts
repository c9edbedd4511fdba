import { describe, expect, it } from 'vitest';
import { ArtCache } from '../../src/game/artCache.ts';

describe('ArtCache', () => {
  it('names the least recently used groups beyond the limit, per kind', () => {
    const cache = new ArtCache({ backdrops: 2, portraits: 1 });
    expect(cache.use(['backdrop:shop', 'portrait:a@1'])).toEqual([]);
    expect(cache.use(['backdrop:bank', 'portrait:b@1'])).toEqual(['portrait:a@1']);
    expect(cache.use(['backdrop:hotel'])).toEqual(['backdrop:shop']);
    expect(cache.groups()).toEqual(['backdrop:bank', 'portrait:b@1', 'backdrop:hotel']);
  });

  it('keeps a group used again (it becomes the most recent)', () => {
    const cache = new ArtCache({ backdrops: 2, portraits: 2 });
    cache.use(['backdrop:shop']);
    cache.use(['backdrop:bank']);
    cache.use(['backdrop:shop']);
    expect(cache.use(['backdrop:hotel'])).toEqual(['backdrop:bank']);
  });

  it('never names a pinned group or one asked for now, even past the limit', () => {
    const cache = new ArtCache({ backdrops: 1, portraits: 1 }, ['backdrop:office']);
    cache.use(['backdrop:office']);
    expect(cache.use(['backdrop:shop'])).toEqual([]);
    expect(cache.use(['portrait:a@1', 'portrait:b@1'])).toEqual([]);
    // Over the limit only while both were needed: the older goes at the next request.
    expect(cache.use(['backdrop:bank'])).toEqual(['backdrop:shop', 'portrait:a@1']);
    expect(cache.groups()).toContain('backdrop:office');
  });

  it('stays bounded over a whole library played in turn', () => {
    const cache = new ArtCache({ backdrops: 3, portraits: 3 }, ['backdrop:office']);
    const freed: string[] = [];
    for (let i = 0; i < 24; i += 1) freed.push(...cache.use([`backdrop:s${i % 12}`, `portrait:p${i % 12}@1`]));
    expect(cache.groups().filter((g) => g.startsWith('backdrop:'))).toHaveLength(3);
    expect(cache.groups().filter((g) => g.startsWith('portrait:'))).toHaveLength(3);
    expect(freed).toHaveLength(42);
  });
});
