/** Entry point of the `notwiththem-gallery` command (bin/notwiththem-gallery.mjs imports it). */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { HELP_BUILD_FEED, HELP_MAIN, parseCommandLine, UsageError } from './args.js';
import { printJson, printProblems, printSummary, type Output } from './report.js';

/** Runs the command; resolves to the exit status (0 done, 1 problems found, 2 wrong command line). */
export async function main(
  argv: readonly string[],
  output: Output = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  let command;
  try {
    command = parseCommandLine(argv);
  } catch (cause) {
    if (!(cause instanceof UsageError)) throw cause;
    output.stderr.write(
      `notwiththem-gallery: ${cause.message}\n\n${argv.includes('build-feed') ? HELP_BUILD_FEED : HELP_MAIN}`,
    );
    return 2;
  }
  switch (command.kind) {
    case 'version':
      output.stdout.write(`${version()}\n`);
      return 0;
    case 'help':
      if (command.topic !== undefined && command.topic !== 'build-feed') {
        output.stderr.write(`notwiththem-gallery: unknown command "${command.topic}".\n\n${HELP_MAIN}`);
        return 2;
      }
      output.stdout.write(command.topic === 'build-feed' ? HELP_BUILD_FEED : HELP_MAIN);
      return 0;
    case 'build-feed': {
      const { options } = command;
      const { buildFeed } = await import('./build-feed.js');
      let result;
      try {
        result = await buildFeed(options, output);
      } catch (cause) {
        output.stderr.write(`notwiththem-gallery: ${(cause as Error).message}\n`);
        return 1;
      }
      const { report, sheetKind } = result;
      printProblems(output, report.problems, options.captions, sheetKind, options.quiet);
      if (options.json) printJson(output, report);
      // The failure line goes to stderr in every mode; the success line only when nobody asked for less.
      if (!report.ok || (!options.json && !options.quiet)) printSummary(output, report);
      return report.ok ? 0 : 1;
    }
  }
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

// `node dist/esm/cli/main.js …` works too.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
