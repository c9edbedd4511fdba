import { describe, expect, it } from 'vitest';
import { allPortraitVariants, crowdSvg, PORTRAIT_HEIGHT, PORTRAIT_WIDTH, portraitSvg } from '../../src/art/portraits.ts';
import { backdropSvg, BACKDROP_SETTINGS } from '../../src/art/backdrops.ts';
import { svgDataUri } from '../../src/art/svg.ts';
import { EXPRESSIONS, PORTRAITS, SETTINGS } from '../../src/scenario/vocabulary.ts';
import { XMLValidator } from './xml.ts';

describe('portraitSvg', () => {
  it('draws every portrait id with every expression as well-formed SVG of the declared size', () => {
    const variants = allPortraitVariants();
    expect(variants).toHaveLength(PORTRAITS.length * EXPRESSIONS.length);
    for (const { portrait, expression } of variants) {
      const svg = portraitSvg(portrait, expression);
      expect(XMLValidator(svg), `${portrait} ${expression}`).toBe(true);
      expect(svg).toMatch(new RegExp(`^<svg xmlns="http://www.w3.org/2000/svg" width="${PORTRAIT_WIDTH}" height="${PORTRAIT_HEIGHT}"`));
      expect(svg).not.toMatch(/NaN|undefined/);
    }
  });

  it('gives every combination a distinct picture', () => {
    const all = allPortraitVariants().map(({ portrait, expression }) => portraitSvg(portrait, expression));
    expect(new Set(all).size).toBe(all.length);
  });

  it('keeps a customer recognisable: the same hair and clothing in every expression', () => {
    for (const portrait of PORTRAITS) {
      const colours = EXPRESSIONS.map((e) => portraitSvg(portrait, e).match(/fill="#[0-9a-f]{6}"/g)?.slice(0, 3).join());
      expect(new Set(colours).size, portrait).toBe(1);
    }
  });

  it('escapes an accessible title', () => {
    const svg = portraitSvg('man-40s', 'angry', { title: 'Pekka <angry> & loud' });
    expect(svg).toContain('<title>Pekka &lt;angry&gt; &amp; loud</title>');
    expect(XMLValidator(svg)).toBe(true);
  });
});

describe('crowdSvg', () => {
  it('places every member, scaled, in one well-formed SVG', () => {
    const members = [
      { portrait: 'woman-60s', expression: 'happy' },
      { portrait: 'man-40s', expression: 'relieved' },
      { portrait: 'woman-20s', expression: 'happy' },
    ] as const;
    const svg = crowdSvg(members, 0.5, 150);
    expect(XMLValidator(svg)).toBe(true);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="600" height="374"/);
    const nested = svg.match(/<svg x="\d+" y="\d+" width="300" height="360" viewBox="0 0 600 720"/g) ?? [];
    expect(nested).toHaveLength(3);
    for (const m of members) {
      const body = portraitSvg(m.portrait, m.expression).replace(/^<svg[^>]*>/, '');
      expect(svg).toContain(body);
    }
  });
});

describe('backdropSvg', () => {
  it('draws a distinct, well-formed backdrop for every setting', () => {
    expect(BACKDROP_SETTINGS).toEqual(SETTINGS);
    const all = SETTINGS.map((s) => backdropSvg(s));
    for (const [i, svg] of all.entries()) {
      expect(XMLValidator(svg), SETTINGS[i]).toBe(true);
      expect(svg).toContain('viewBox="0 0 1920 1080"');
      expect(svg).not.toMatch(/NaN|undefined/);
    }
    expect(new Set(all).size).toBe(all.length);
  });

  it('encodes as a data URI that decodes back to the same SVG', () => {
    const svg = backdropSvg('shop');
    const uri = svgDataUri(svg);
    expect(uri.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(uri.slice(uri.indexOf(',') + 1))).toBe(svg);
  });
});
