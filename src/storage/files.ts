/**
 * Browser helpers for exporting and importing results as files.
 * Only call these from the shell (they touch `document`).
 */

/** Offers `text` as a download named `fileName` (e.g. `calm-desk-results-2026-11-23.json`). */
export function downloadJson(fileName: string, text: string, doc: Document = document): void {
  downloadText(fileName, text, 'application/json', doc);
}

/** Offers `text` of MIME `type` as a download named `fileName` (results, CSV, a room session record). */
export function downloadText(fileName: string, text: string, type: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  doc.body.append(a);
  a.click();
  a.remove();
  // Revoke later: some browsers start the download after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file name for today's export. */
export function exportFileName(now: Date = new Date()): string {
  return `calm-desk-results-${now.toISOString().slice(0, 10)}.json`;
}

/** Reads a chosen file as text; rejects with a readable message if the browser cannot read it. */
export async function readTextFile(file: Blob): Promise<string> {
  try {
    return await file.text();
  } catch (error) {
    throw new Error(`The file could not be read: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * Opens the browser's file picker for a JSON file and resolves with its text,
 * or null when the player cancels. Reads the whole file: prefer `pickFile` and check its size.
 */
export async function pickTextFile(doc: Document = document): Promise<string | null> {
  const file = await pickFile(doc);
  return file === null ? null : readTextFile(file);
}

/** Opens the browser's file picker for a JSON file and resolves with the file (unread), or null. */
export function pickFile(doc: Document = document): Promise<File | null> {
  return new Promise((resolve) => {
    const input = doc.createElement('input');
    input.type = 'file';
    input.accept = '.json,application/json';
    input.style.display = 'none';
    const done = () => input.remove();
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      done();
      resolve(file ?? null);
    });
    input.addEventListener('cancel', () => {
      done();
      resolve(null);
    });
    doc.body.append(input);
    input.click();
  });
}
