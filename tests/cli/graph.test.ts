import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { escapeMermaid, scenarioToMermaid } from '../../src/cli/mermaid.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { fakeIO, repoRoot } from './helpers.ts';

const kettlePath = 'tests/fixtures/scenarios/valid/kettle-complete.yaml';
const kettle = loadScenario(readFileSync(`${repoRoot}${kettlePath}`, 'utf8'), 'kettle.yaml').scenario!;

describe('scenarioToMermaid', () => {
  const chart = scenarioToMermaid(kettle);
  const lines = chart.split('\n');

  it('draws every node with its id and first line, endings as rounded boxes', () => {
    expect(lines[0]).toBe('flowchart TD');
    expect(lines).toContain('  start((" ")) --> n1');
    expect(chart).toContain('n1["<b>arrival</b><br/>angry: This is the second kettle from you that has…<br/>venting"]');
    expect(chart).toContain('n6(["<b>replace</b><br/>relieved: Well. That was quicker than I feared.<br/>END resolved · satisfaction 4/5"])');
  });

  it('labels reply edges with id and tags, silence edges dashed, branches with conditions', () => {
    expect(lines).toContain('  n1 -->|"acknowledge · empathy, ownership"| n4');
    expect(lines).toContain('  n1 -.->|"silence 10 s · listening"| n2');
    expect(lines).toContain('  n5 -->|"if askedReceipt and offers #gt;= 1"| n6');
    expect(lines).toContain('  n5 -->|"otherwise"| n7');
  });

  it('styles endings by outcome', () => {
    expect(lines).toContain('  class n6 resolved');
    expect(lines).toContain('  class n7 escalated');
    expect(lines).toContain('  class n8 walkedOut');
    expect(chart).toMatch(/classDef walkedOut fill:/);
    expect(chart).not.toContain('class  unresolved');
  });
});

describe('escapeMermaid', () => {
  it('turns characters Mermaid would read as syntax into entity codes', () => {
    expect(escapeMermaid('Say "no" | <b> & #1 `x`\nnext')).toBe('Say #quot;no#quot; #124; #lt;b#gt; #amp; #35;1 #96;x#96; next');
  });

  it('keeps a hostile scenario text inside its label', () => {
    const text = readFileSync(`${repoRoot}${kettlePath}`, 'utf8').replace(
      '- angry: This is the second kettle from you that has died in a month.',
      `- angry: '"]; click n1 "javascript:alert(1)" %% |x|'`,
    );
    const chart = scenarioToMermaid(loadScenario(text, 'x.yaml').scenario!);
    for (const line of chart.split('\n').slice(1)) expect(line.split('"').length % 2).toBe(1);
    expect(chart).not.toContain('"]; click');
  });
});

describe('calm-desk graph', () => {
  it('prints the chart, or a Markdown block with --markdown', async () => {
    const io = fakeIO();
    expect(await main(['graph', kettlePath], io)).toBe(0);
    expect(io.stdout).toBe(scenarioToMermaid(kettle));
    const md = fakeIO();
    expect(await main(['graph', kettlePath, '--markdown'], md)).toBe(0);
    expect(md.stdout.startsWith('```mermaid\nflowchart TD\n')).toBe(true);
    expect(md.stdout.endsWith('```\n')).toBe(true);
  });

  it('refuses a scenario with errors and shows them on stderr', async () => {
    const io = fakeIO();
    expect(await main(['graph', 'tests/fixtures/scenarios/invalid/broken-link.yaml'], io)).toBe(1);
    expect(io.stdout).toBe('');
    expect(io.stderr).toContain('broken-link.yaml:31:15: error CD202');
    expect(io.stderr).toContain('calm-desk lint');
  });

  it('explains a missing file and a missing argument', async () => {
    const io = fakeIO();
    expect(await main(['graph', 'nope.yaml'], io)).toBe(1);
    expect(io.stderr).toContain('nope.yaml: error CD008');
    expect(await main(['graph'], fakeIO())).toBe(2);
  });
});
