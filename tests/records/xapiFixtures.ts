/** Shared test data for the xAPI tests: a statement base and the validator, read the same way everywhere. */
import validatorModule from '@learninglocker/xapi-validation';
import type { StatementBase } from '../../src/records/xapi/statements.ts';

type Validate = (statement: unknown) => Array<{ path: string[]; message: string; data?: unknown }>;
const mod = validatorModule as unknown as Validate | { default: Validate };
const validate: Validate = typeof mod === 'function' ? mod : mod.default;

/** The validator's findings as readable lines ("statement.result.score.scaled: …"); empty when valid. */
export function xapiProblems(statement: unknown): string[] {
  return validate(statement).map((w) => `${w.path.join('.')}: ${w.message} (${JSON.stringify(w.data)})`);
}

let counter = 0;
/** A fresh UUID per call (deterministic, so failures are repeatable). */
export function uuid(): string {
  counter += 1;
  return `00000000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;
}

export function base(overrides: Partial<StatementBase> = {}): StatementBase {
  return {
    id: uuid(),
    timestamp: new Date('2026-11-26T10:42:00.000Z'),
    actor: { objectType: 'Agent', name: 'Aino Virtanen', mbox: 'mailto:aino@example.com' },
    activityBase: 'https://training.example.com/calm-desk/',
    attemptId: '6f1c2a4e-8b7d-4c3e-9a1b-2d3e4f5a6b7c',
    scenario: { id: 'kettle-returned-twice', title: 'Kattila, taas', language: 'fi', summary: 'Asiakas palauttaa vedenkeittimen toisen kerran.' },
    ...overrides,
  };
}
