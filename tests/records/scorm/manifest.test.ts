import { describe, expect, test } from 'vitest';
import { scormManifest } from '../../../src/records/scorm/manifest.ts';
import { XMLValidator } from '../../art/xml.ts';

const files = ['index.html', 'assets/index-abc.js', 'assets/phaser-1.js', 'assets/kettle returned.en-9.js', 'favicon.svg'];

function manifest(title = 'Calm Desk: first steps') {
  return scormManifest({ identifier: 'calm-desk-3f9a1c', title, masteryScore: 65, files });
}

/** The XML without its declaration (the checker reads elements only). */
const body = (xml: string) => xml.replace(/^<\?xml[^>]*\?>\s*/, '').trim();

describe('imsmanifest.xml (SCORM 1.2 CAM)', () => {
  test('is well-formed XML with the SCORM 1.2 namespaces and schema locations', () => {
    const xml = manifest();
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(XMLValidator(body(xml))).toBe(true);
    expect(xml).toContain('xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"');
    expect(xml).toContain('xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"');
    for (const xsd of ['imscp_rootv1p1p2.xsd', 'imsmd_rootv1p2p1.xsd', 'adlcp_rootv1p2.xsd']) expect(xml).toContain(` ${xsd}`);
    expect(xml).toContain('<schema>ADL SCORM</schema>');
    expect(xml).toContain('<schemaversion>1.2</schemaversion>');
  });

  test('one organization, one SCO item with the mastery score, pointing at one sco resource', () => {
    const xml = manifest();
    const ids = [...xml.matchAll(/\sidentifier="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(xml).toMatch(/<organizations default="calm-desk-3f9a1c-org">/);
    expect(xml.match(/<organization /g)).toHaveLength(1);
    expect(xml.match(/<item /g)).toHaveLength(1);
    expect(xml).toContain('<item identifier="calm-desk-3f9a1c-item" identifierref="calm-desk-3f9a1c-sco" isvisible="true">');
    expect(xml).toContain('<adlcp:masteryscore>65</adlcp:masteryscore>');
    expect(xml).toContain('<resource identifier="calm-desk-3f9a1c-sco" type="webcontent" adlcp:scormtype="sco" href="index.html">');
  });

  test('lists every file once, the launch page first, names URL-encoded', () => {
    const listed = [...manifest().matchAll(/<file href="([^"]+)"\/>/g)].map((m) => m[1]);
    expect(listed).toEqual(['index.html', 'assets/index-abc.js', 'assets/kettle%20returned.en-9.js', 'assets/phaser-1.js', 'favicon.svg']);
  });

  test('escapes titles', () => {
    const xml = manifest('Service & "calm" <desk>');
    expect(xml).toContain('<title>Service &amp; "calm" &lt;desk&gt;</title>');
    expect(XMLValidator(body(xml))).toBe(true);
  });

  test('refuses an identifier an LMS would reject, or a package without its launch page', () => {
    expect(() => scormManifest({ identifier: '1 bad', title: 't', masteryScore: 65, files })).toThrow(/identifier/);
    expect(() => scormManifest({ identifier: 'ok', title: 't', masteryScore: 65, files: ['a.js'] })).toThrow(/launch page/);
  });
});
