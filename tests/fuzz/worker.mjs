// Worker entry for `npm run fuzz`: registers tsx (workers do not inherit its loader), then runs worker.ts.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
