/** Prints benchmark figures beside their goals and writes them as JSON to `bench/results/`. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** One measured figure and the goal it is held to. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The goal as an upper bound; null when the figure is context, not a goal. */
  goal: number | null;
  /** The goal is a lower bound (a score), not an upper one. */
  atLeast?: boolean;
  note?: string;
}

/** Whether a figure meets its goal; context figures always do. */
export function meetsGoal(figure: Figure): boolean {
  if (figure.goal === null) return true;
  return figure.atLeast ? figure.value >= figure.goal : figure.value <= figure.goal;
}

/** Formats the figures as an aligned table. */
export function formatTable(figures: readonly Figure[]): string {
  const rows = figures.map((figure) => [
    figure.name,
    `${figure.value} ${figure.unit}`.trim(),
    figure.goal === null ? '' : `${figure.atLeast ? '≥' : '≤'} ${figure.goal} ${figure.unit}`.trim(),
    figure.goal === null ? '' : meetsGoal(figure) ? 'ok' : 'MISSED',
    figure.note ?? '',
  ]);
  const header = ['figure', 'measured', 'goal', '', 'note'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] as string).length)));
  const line = (cells: string[]): string => cells.map((cell, column) => cell.padEnd(widths[column] as number)).join('  ').trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

/** Writes the run's data to `bench/results/bench-<timestamp>.json` and `latest.json`; returns the first path. */
export async function writeResults(root: string, data: object): Promise<string> {
  const dir = join(root, 'bench', 'results');
  await mkdir(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = join(dir, `bench-${stamp}.json`);
  const text = `${JSON.stringify(data, null, 2)}\n`;
  await writeFile(file, text);
  await writeFile(join(dir, 'latest.json'), text);
  return file;
}
