#!/usr/bin/env node
// The CLI is TypeScript run by Node 24's type stripping. A machine's older default Node (this fleet ships 20) cannot
// run it, so re-run this file with the Node 24 the project pins as a devDependency.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const major = Number(process.versions.node.split('.')[0]);
if (major >= 24) {
  await import('./main.ts');
} else {
  const pinned = fileURLToPath(new URL('../../node_modules/node/bin/node', import.meta.url));
  if (!existsSync(pinned)) {
    process.stderr.write(
      `churn-signals needs Node.js 24 or later (this is ${process.version}). Run \`npm install\` in the project to get the pinned Node 24.\n`,
    );
    process.exit(1);
  }
  const result = spawnSync(pinned, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
