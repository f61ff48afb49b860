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

// The command's own packages (csv-parse, cli-progress, sharp) are optional peer dependencies, so that an app
// that installs the gallery for the browser does not install them: a missing one is named, with the fix.
const missingPackage = (error) =>
  error?.code === 'ERR_MODULE_NOT_FOUND' && /Cannot find package '([^']+)'/.exec(error.message)?.[1];
try {
  const { main: run } = await import(main.href);
  process.exitCode = await run(process.argv.slice(2));
} catch (error) {
  const name = missingPackage(error);
  if (!name) throw error;
  process.stderr.write(
    `notwiththem-gallery: the command needs the "${name}" package, which browser apps do not install.\n` +
      "Install the command's packages next to the gallery:\n  npm install --save-dev csv-parse cli-progress sharp\n",
  );
  process.exit(1);
}
