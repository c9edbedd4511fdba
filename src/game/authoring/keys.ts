/** Catalog keys of the files a trainer opened: `your-files/<name>` (light: no parser behind it). */
export const YOUR_FILE_PREFIX = 'your-files/';

/** True for the catalog key of a file the trainer opened (not one bundled with the game). */
export function isYourFile(file: string): boolean {
  return file.startsWith(YOUR_FILE_PREFIX);
}
