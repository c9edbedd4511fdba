/** Catalog entries for presenter tests: one Finnish, one English, one broken file. */
import type { CatalogEntry } from '../../src/build/catalogEntry.ts';

const base: CatalogEntry = {
  file: 'scenarios/kettle.en.yaml',
  id: 'kettle',
  language: 'en',
  title: 'The kettle that broke twice',
  summary: 'Raili is back with a second broken kettle.',
  difficulty: 2,
  minutes: 6,
  minutesMax: null,
  order: null,
  rubric: 'default',
  setting: 'shop',
  customerName: 'Raili Mäkelä',
  portrait: 'woman-60s',
  goals: ['Let her finish.', 'Do not blame her.'],
  brief: { who: 'A retired teacher.', needs: 'A working kettle.', expects: 'To be believed.' },
  facilitator: 'Ask the room what she needs to hear first.',
  errorCount: 0,
  warningCount: 0,
  firstDiagnostics: [],
  playable: true,
};

export const kettleEn: CatalogEntry = base;
export const kettleFi: CatalogEntry = {
  ...base,
  file: 'scenarios/kettle.fi.yaml',
  language: 'fi',
  title: 'Kahdesti hajonnut vedenkeitin',
  summary: 'Raili palaa toisen rikkinäisen keittimen kanssa.',
  difficulty: 3,
};
export const broken: CatalogEntry = {
  ...base,
  file: 'scenarios/broken.yaml',
  id: 'broken',
  language: null,
  title: 'broken',
  summary: '',
  difficulty: null,
  minutes: null,
  minutesMax: null,
  order: null,
  rubric: 'default',
  setting: null,
  customerName: null,
  portrait: null,
  goals: [],
  brief: null,
  facilitator: null,
  errorCount: 2,
  firstDiagnostics: ['scenarios/broken.yaml:3:1: error CD001: bad indentation'],
  playable: false,
};
