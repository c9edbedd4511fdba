/// <reference types="vite/client" />

/** Light metadata of every bundled scenario, built by `src/build/scenarioCatalog.ts`. */
declare module 'virtual:scenario-catalog' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports -- ambient module: a relative `import type` is not allowed here
  const catalog: import('./build/catalogEntry.ts').CatalogEntry[];
  export default catalog;
  /** The rubric files beside the scenarios that load without errors, by id (see `rubricFor`). */
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports -- ambient module: a relative `import type` is not allowed here
  export const rubrics: Record<string, import('./scoring/rubric.ts').Rubric>;
}
