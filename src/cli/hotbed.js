#!/usr/bin/env node
// The `hotbed` command run from the TypeScript sources through tsx, with no build: for tests
// and development (`npm run hotbed`). The installed command is hotbed.ts compiled to dist/.
import { register } from 'tsx/esm/api';

register();
await import('./hotbed.ts');
