/** What the command tells the person running it: a progress bar on a terminal, a summary, problems, or a JSON report. */
import { relative } from 'node:path';
import { formatProblem, type Problem } from './problems.js';
import type { Card } from './cards.js';
import type { Rendition } from './photos.js';

export interface PhotoReport {
  row: number;
  file: string;
  id: string;
  hash: string;
  reused: boolean;
  renditions: Rendition[];
  bytesIn: number;
  bytesOut: number;
  ms: number;
}

export interface CardReport extends Card {
  row: number;
  id: string;
}

export interface Report {
  ok: boolean;
  /** Path of the feed written, or null when nothing was written. */
  feed: string | null;
  out: string;
  counts: {
    rows: number;
    testimonials: number;
    photos: number;
    processed: number;
    reused: number;
    renditions: number;
    cards: number;
    sharePages: number;
    errors: number;
    warnings: number;
  };
  problems: Problem[];
  /** Originals read, renditions and cards referenced by the feed; `written` counts only new files. */
  bytes: { in: number; out: number; written: number };
  timings: {
    sheetMs: number;
    checkMs: number;
    photosMs: number;
    cardsMs: number;
    feedMs: number;
    writeMs: number;
    totalMs: number;
  };
  photos: PhotoReport[];
  cards: CardReport[];
}

export interface Output {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
}

export interface Progress {
  tick(label: string): void;
  stop(): void;
}

const NO_PROGRESS: Progress = { tick() {}, stop() {} };

/**
 * A cli-progress bar on stderr, only when stderr is a terminal and there is enough work for it to
 * matter; otherwise nothing (logs and pipes stay clean).
 */
export async function startProgress(output: Output, total: number, enabled: boolean): Promise<Progress> {
  if (!enabled || !output.stderr.isTTY || total < 2) return NO_PROGRESS;
  // An optional peer dependency: without it, no bar (the work and its report are the same).
  const cliProgress = await import('cli-progress').then((mod) => mod.default).catch(() => undefined);
  if (!cliProgress) return NO_PROGRESS;
  const bar = new cliProgress.SingleBar(
    {
      stream: output.stderr,
      format: 'Photos and cards {bar} {value}/{total} | {eta_formatted} left | {photo}',
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 8,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { photo: '' });
  return {
    tick: (label) => bar.increment(1, { photo: label }),
    stop: () => bar.stop(),
  };
}

export function printProblems(
  output: Output,
  problems: Problem[],
  sheetPath: string,
  sheetKind: 'csv' | 'json',
  quiet: boolean,
): void {
  // The sheet as the person typed it: that is the name they recognise.
  const name = sheetPath;
  for (const problem of problems) {
    if (quiet && problem.severity === 'warning') continue;
    output.stderr.write(`${formatProblem(problem, name, sheetKind)}\n`);
  }
}

export function printSummary(output: Output, report: Report): void {
  const c = report.counts;
  const seconds = (report.timings.totalMs / 1000).toFixed(1);
  if (!report.ok) {
    output.stderr.write(
      `build-feed: ${c.errors} problem${c.errors === 1 ? '' : 's'} found; nothing was written.\n`,
    );
    return;
  }
  const near = relative(process.cwd(), report.feed!);
  const feed = near.startsWith('..') ? report.feed! : near;
  output.stdout.write(
    `Wrote ${feed}: ${c.testimonials} testimonial${c.testimonials === 1 ? '' : 's'}, ${c.renditions} renditions ` +
      `(${c.processed} photo${c.processed === 1 ? '' : 's'} processed, ${c.reused} unchanged); ` +
      (c.sharePages > 0 ? `${c.cards} cards, ${c.sharePages} share pages; ` : '') +
      `${formatBytes(report.bytes.in)} of photos → ${formatBytes(report.bytes.out)} of ${c.cards > 0 ? 'WebP and JPEG' : 'WebP'}, in ${seconds} s.\n`,
  );
}

export function printJson(output: Output, report: Report): void {
  output.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
