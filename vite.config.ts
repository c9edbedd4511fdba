import { defineConfig } from 'vite';
import { scenarioCatalog } from './src/build/scenarioCatalog.ts';
import { scormBuildFromEnv, scormIncludes, scormPackage } from './src/build/scormPackage.ts';

// A SCORM package build (`npm run build:scorm`) bundles only its own scenarios; null otherwise.
const scorm = scormBuildFromEnv(process.env);

export default defineConfig({
  base: './',
  plugins: [scenarioCatalog({ include: scormIncludes(scorm) }), scormPackage(scorm)],
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        // Phaser in its own long-cached chunk; scenario content, parser and later screens load lazily.
        codeSplitting: { groups: [{ name: 'phaser', test: /node_modules[\\/]phaser/ }] },
      },
    },
  },
});
