#!/usr/bin/env node
// The `innenhof` command. Runs the compiled server (npm run build makes server/dist).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('Innenhof is not built yet. Run "npm install" (or "npm run build") in the project folder first.\n');
  process.exit(1);
}
await import(entry.href);
