/**
 * `imsmanifest.xml` for a SCORM 1.2 package (Content Aggregation Model): one organization with
 * one item (the SCO, with its mastery score) pointing at one `sco` resource that lists every file
 * of the game. The four schema files the manifest names sit beside it in the zip.
 *
 * ```ts
 * scormManifest({ identifier: 'calm-desk-3f9a1c', title: 'Calm Desk', masteryScore: 65, files: ['index.html', …] });
 * ```
 */

/** Schema files a SCORM 1.2 package carries at its root (named in `xsi:schemaLocation`). */
export const SCORM12_SCHEMA_FILES = ['imscp_rootv1p1p2.xsd', 'imsmd_rootv1p2p1.xsd', 'adlcp_rootv1p2.xsd', 'ims_xml.xsd'] as const;

export interface ManifestOptions {
  /** Manifest identifier: letters, digits, `-`, `_`, `.`; starts with a letter (an XML ID). */
  identifier: string;
  /** Course title the LMS shows. */
  title: string;
  /** Title of the one item (the SCO); defaults to `title`. */
  itemTitle?: string;
  /** Pass mark 0..100. */
  masteryScore: number;
  /** Paths of the game's files inside the zip, `/`-separated (the launch page among them). */
  files: readonly string[];
  /** Launch page, default `index.html`. */
  launch?: string;
}

/** The manifest text (UTF-8, XML 1.0). Throws on an identifier or file list an LMS would reject. */
export function scormManifest(options: ManifestOptions): string {
  const launch = options.launch ?? 'index.html';
  if (!/^[A-Za-z_][\w.-]*$/.test(options.identifier)) {
    throw new Error(`The manifest identifier "${options.identifier}" must start with a letter and hold only letters, digits, "-", "_" and ".".`);
  }
  if (!options.files.includes(launch)) throw new Error(`The package has no launch page ${launch}.`);
  const mastery = Math.round(Math.min(100, Math.max(0, options.masteryScore)));
  const files = [...new Set(options.files)].sort((a, b) => (a === launch ? -1 : b === launch ? 1 : a < b ? -1 : a > b ? 1 : 0));
  const id = options.identifier;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<manifest identifier="${attr(id)}" version="1.0"`,
    '    xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"',
    '    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"',
    '    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '    xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">',
    '  <metadata>',
    '    <schema>ADL SCORM</schema>',
    '    <schemaversion>1.2</schemaversion>',
    '  </metadata>',
    `  <organizations default="${attr(id)}-org">`,
    `    <organization identifier="${attr(id)}-org">`,
    `      <title>${text(options.title)}</title>`,
    `      <item identifier="${attr(id)}-item" identifierref="${attr(id)}-sco" isvisible="true">`,
    `        <title>${text(options.itemTitle ?? options.title)}</title>`,
    `        <adlcp:masteryscore>${mastery}</adlcp:masteryscore>`,
    '      </item>',
    '    </organization>',
    '  </organizations>',
    '  <resources>',
    `    <resource identifier="${attr(id)}-sco" type="webcontent" adlcp:scormtype="sco" href="${attr(href(launch))}">`,
    ...files.map((f) => `      <file href="${attr(href(f))}"/>`),
    '    </resource>',
    '  </resources>',
    '</manifest>',
    '',
  ].join('\n');
}

/** A file path as a relative URL: each segment percent-encoded where it needs to be. */
function href(path: string): string {
  return path.split('/').map((segment) => encodeURIComponent(segment)).join('/');
}

function text(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;');
}
