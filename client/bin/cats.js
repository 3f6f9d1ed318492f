#!/usr/bin/env node
const main = require('node:path').join(__dirname, '..', '..', 'dist', 'client', 'src', 'cli', 'main.js');
if (require('node:fs').existsSync(main)) require(main).cli(); else (console.error('cats: error: NOT_BUILT: the client is not built: run `npm run build`'), (process.exitCode = 3));
