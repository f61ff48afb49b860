#!/usr/bin/env node
// The `notwiththem-gallery` command. The code is TypeScript compiled to dist/esm/cli/; in a fresh clone
// (scripts/build.mjs beside us, dist/ not built yet) the CLI is compiled here first.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const main = new URL('../dist/esm/cli/main.js', import.meta.url);

if (!existsSync(main)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const tsc = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));
  const fromClone =
    existsSync(new URL('../scripts/build.mjs', import.meta.url)) &&
    existsSync(new URL('../tsconfig.cli.json', import.meta.url)) &&
    existsSync(tsc);
  if (fromClone) {
    process.stderr.write('notwiththem-gallery: compiling the command first (tsc -p tsconfig.cli.json)…\n');
    // tsc's output goes to stderr so that `--json` output on stdout stays clean.
    spawnSync(process.execPath, [tsc, '-p', 'tsconfig.cli.json'], { cwd: root, stdio: ['ignore', 2, 2] });
  }
  if (!existsSync(main)) {
    process.stderr.write(
      'notwiththem-gallery: the command is not built (dist/esm/cli/main.js is missing).\n' +
        `Build it with:\n  cd ${root}\n  npm ci\n  npm run build\n`,
    );
    process.exit(1);
  }
}

const { main: run } = await import(main.href);
process.exitCode = await run(process.argv.slice(2));
