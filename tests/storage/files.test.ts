import { describe, expect, it } from 'vitest';
import { downloadJson, readTextFile } from '../../src/storage/files.ts';

/** Just enough of `document` to watch an anchor being clicked. */
function fakeDocument() {
  const clicked: { href: string; download: string; inBody: boolean }[] = [];
  const body = new Set<unknown>();
  const doc = {
    body: { append: (el: unknown) => body.add(el) },
    createElement: () => {
      const a = {
        href: '',
        download: '',
        rel: '',
        style: {} as Record<string, string>,
        click: () => clicked.push({ href: a.href, download: a.download, inBody: body.has(a) }),
        remove: () => body.delete(a),
      };
      return a;
    },
  };
  return { doc: doc as unknown as Document, clicked, body };
}

describe('downloadJson', () => {
  it('clicks a hidden download link to a blob holding the text, then removes the link', async () => {
    const { doc, clicked, body } = fakeDocument();
    downloadJson('results.json', '{"a":1}', doc);
    expect(clicked).toHaveLength(1);
    expect(clicked[0]).toMatchObject({ download: 'results.json', inBody: true });
    expect(clicked[0]!.href).toMatch(/^blob:/);
    expect(body.size).toBe(0);
  });
});

describe('readTextFile', () => {
  it('reads a chosen file as text', async () => {
    expect(await readTextFile(new Blob(['{"format":"calm-desk/results"}']))).toBe('{"format":"calm-desk/results"}');
  });

  it('turns a read failure into a readable message', async () => {
    const broken = { text: () => Promise.reject(new Error('permission denied')) } as unknown as Blob;
    await expect(readTextFile(broken)).rejects.toThrow('The file could not be read: permission denied');
  });
});
