#!/usr/bin/env node
// The `hotbed` command. The package's bin is this file compiled (dist/cli/hotbed.js); in the
// sources, hotbed.js beside it runs it through tsx.
import { main } from './main.js';
process.exitCode = await main(process.argv.slice(2));
