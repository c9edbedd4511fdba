/// <reference types="vite/client" />

/** Light metadata of every bundled scenario, built by `src/build/scenarioCatalog.ts`. */
declare module 'virtual:scenario-catalog' {
  const catalog: import('./build/catalogEntry.ts').CatalogEntry[];
  export default catalog;
}
