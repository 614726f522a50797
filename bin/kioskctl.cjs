#!/usr/bin/env node
'use strict';
// Runs the built CLI (out/cli/kioskctl.js). Build it first with `npm run build`.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const entry = join(__dirname, '..', 'out', 'cli', 'kioskctl.js');
if (!existsSync(entry)) {
  process.stderr.write('kioskctl: not built yet. Run "npm run build" in the kiosk folder first.\n');
  process.exit(1);
}
require(entry);
