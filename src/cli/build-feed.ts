/** `build-feed`: sheet + photos folder → renditions and a checked testimonials.json, or a list of problems. */
import { availableParallelism } from 'node:os';
import { basename, join, resolve, sep } from 'node:path';
import type { BuildFeedOptions } from './args.js';
import {
  assembleFeed,
  feedEntry,
  fileSlug,
  idFor,
  validateFeed,
  type EntryInput,
  type FeedFile,
} from './feed.js';
import { closeMatch, isDirectory, isFile, listPhotos, photoPath } from './folder.js';
import { openPhoto, PhotoError, renderPhoto, type PhotoInput, type ProcessedPhoto } from './photos.js';
import { writeFile } from 'node:fs/promises';
import { FOCUS } from '../feed/parse.js';
import { CardError, renderCards, type Card, type CardWords } from './cards.js';
import { loadCardFont } from './fonts.js';
import { error, warning, type Problem } from './problems.js';
import { startProgress, type Output, type PhotoReport, type Report } from './report.js';
import { sharePage, type SharePageInput } from './share-page.js';
import { readSheet, type SheetRow } from './sheet.js';
import { CARDS_DIR, FEED_FILE, PHOTOS_DIR, SHARE_DIR, Staging } from './staging.js';

/** The gallery's hashtag when the feed names none. */
const DEFAULT_HASHTAG = 'NotWithThem';

/** A sheet row that passed the checks, with what is needed to make its testimonial. */
interface PlannedRow {
  row: number;
  values: SheetRow['values'];
  file: string;
  abs: string;
  id: string;
  quote: string;
}

/**
 * Photos processed at once. Decoding a JPEG is mostly single-threaded, so one photo per CPU (at least
 * two, at most four) keeps the cores busy: 2 at once doubled photos/s on a 2-CPU machine.
 */
const CONCURRENCY = Math.max(2, Math.min(4, availableParallelism()));

export async function buildFeed(
  options: BuildFeedOptions,
  output: Output,
): Promise<{ report: Report; sheetKind: 'csv' | 'json' }> {
  const started = performance.now();
  const lap = (() => {
    let last = started;
    return () => {
      const now = performance.now();
      const ms = Math.round(now - last);
      last = now;
      return ms;
    };
  })();
  const photosDir = resolve(options.photosDir);
  const outDir = resolve(options.out);
  const report: Report = {
    ok: false,
    feed: null,
    out: outDir,
    counts: {
      rows: 0,
      testimonials: 0,
      photos: 0,
      processed: 0,
      reused: 0,
      renditions: 0,
      cards: 0,
      sharePages: 0,
      errors: 0,
      warnings: 0,
    },
    problems: [],
    bytes: { in: 0, out: 0, written: 0 },
    timings: { sheetMs: 0, checkMs: 0, photosMs: 0, cardsMs: 0, feedMs: 0, writeMs: 0, totalMs: 0 },
    photos: [],
    cards: [],
  };
  const problems = report.problems;
  const finish = () => {
    report.counts.errors = problems.filter((p) => p.severity === 'error').length;
    report.counts.warnings = problems.length - report.counts.errors;
    report.ok = report.counts.errors === 0 && report.feed !== null;
    report.timings.totalMs = Math.round(performance.now() - started);
    problems.sort((a, b) => (a.row ?? Infinity) - (b.row ?? Infinity));
    return report;
  };

  // 1. The sheet.
  const sheet = await readSheet(options.captions);
  problems.push(...sheet.problems);
  report.counts.rows = sheet.rows.length;
  report.timings.sheetMs = lap();
  if (sheet.rows.length === 0 && !problems.some((p) => p.severity === 'error')) {
    problems.push(error('sheet-empty', 'the sheet has no testimonials'));
  }

  // 2. The rows against the photos folder: every problem found before any long work.
  let listing: string[] = [];
  const published = resolve(outDir, PHOTOS_DIR);
  if (photosDir === published || photosDir.startsWith(published + sep)) {
    problems.push(
      error(
        'invalid-value',
        `the photos folder cannot be ${join(options.out, PHOTOS_DIR)}: the renditions are written there`,
      ),
    );
  } else if (!(await isDirectory(photosDir))) {
    problems.push(error('photo-missing', `the photos folder ${options.photosDir} does not exist`));
  } else {
    listing = await listPhotos(photosDir, outDir);
  }
  const planned = await checkRows(sheet.rows, photosDir, listing, problems);
  const mentioned = new Set(planned.map((p) => p.file));
  for (const row of sheet.rows) {
    const where = row.values.file && photoPath(photosDir, row.values.file);
    if (where) mentioned.add(where.rel);
  }
  for (const file of listing) {
    if (!mentioned.has(file))
      problems.push(
        error('photo-unlisted', 'this photo is in the photos folder but no row of the sheet mentions it', {
          file,
        }),
      );
  }

  // Each photo is read (and hashed) once, even when two rows share it.
  const inputs = new Map<string, PhotoInput>();
  for (const p of planned) {
    if (inputs.has(p.abs)) continue;
    try {
      inputs.set(p.abs, await openPhoto(p.abs));
    } catch (cause) {
      const message =
        cause instanceof PhotoError ? cause.message : `cannot read ${p.file}: ${(cause as Error).message}`;
      for (const q of planned.filter((q) => q.abs === p.abs)) {
        problems.push(
          error('photo-unreadable', `${q.file}: ${message}`, { row: q.row, column: 'file', file: q.file }),
        );
      }
    }
  }
  report.counts.photos = inputs.size;
  report.bytes.in = [...inputs.values()].reduce((sum, input) => sum + input.size, 0);
  if (options.sharePages) {
    try {
      await loadCardFont();
    } catch (cause) {
      problems.push(error('card-unrenderable', (cause as Error).message));
    }
  }
  report.timings.checkMs = lap();
  if (problems.some((p) => p.severity === 'error')) return { report: finish(), sheetKind: sheet.kind };

  // 3. Renditions, into the staging folder.
  let staging: Staging;
  try {
    staging = await Staging.open(outDir);
  } catch (cause) {
    problems.push(error('write-failed', `cannot write into ${options.out}: ${(cause as Error).message}`));
    return { report: finish(), sheetKind: sheet.kind };
  }
  try {
    const steps = planned.length * (options.sharePages ? 2 : 1);
    const progress = await startProgress(output, steps, !options.quiet);
    const done = new Map<string, Promise<ProcessedPhoto>>();
    const results = await pool(planned, CONCURRENCY, async (p) => {
      const slug = fileSlug(p.id);
      const key = `${p.abs}\0${slug}`;
      let job = done.get(key);
      if (!job) {
        job = renderPhoto(inputs.get(p.abs)!, slug, staging.publishedPhotos, staging.tmpDir);
        done.set(key, job);
      }
      try {
        return await job;
      } catch (cause) {
        problems.push(
          error(problemCode(cause, p.abs), `${p.file}: ${(cause as Error).message}`, {
            row: p.row,
            column: 'file',
            file: p.file,
          }),
        );
        return undefined;
      } finally {
        progress.tick(p.file);
      }
    });
    report.timings.photosMs = lap();

    // 3b. Cards: a caption the font cannot draw loses its card (a warning naming its row), not the run.
    const cards: (Card[] | undefined)[] = options.sharePages
      ? await pool(planned, CONCURRENCY, async (p, i): Promise<Card[] | undefined> => {
          const photo = results[i];
          if (!photo) return undefined;
          // Drawn from the largest rendition, upright and small enough to decode fast (a 12 MP
          // original takes several times longer), at least 1080 px wide when the photo is.
          const largest = photo.renditions[photo.renditions.length - 1]!.name;
          const source = join(photo.reused ? staging.publishedPhotos : staging.tmpDir, largest);
          try {
            return await renderCards(
              { path: source, hash: photo.hash },
              cardWords(p, options),
              fileSlug(p.id),
              staging.publishedCards,
              staging.tmpCards,
            );
          } catch (cause) {
            if (!(cause instanceof CardError) && (cause as NodeJS.ErrnoException).syscall !== undefined)
              throw cause;
            problems.push(
              warning('card-unrenderable', `${p.file}: ${(cause as Error).message}`, {
                row: p.row,
                column: 'quote',
              }),
            );
            return undefined;
          } finally {
            progress.tick(`card ${p.file}`);
          }
        })
      : [];
    progress.stop();
    report.timings.cardsMs = lap();

    const entries: EntryInput[] = [];
    const uniqueJobs = new Set<ProcessedPhoto>();
    const base = feedBase(options);
    planned.forEach((p, i) => {
      const photo = results[i];
      if (!photo) return;
      const input = entryInput(p, photo);
      if (options.sharePages) {
        input.sharePage = `${base}${SHARE_DIR}/${p.id}.html`;
        for (const card of cards[i] ?? []) {
          input[card.field] = `${base}${CARDS_DIR}/${card.name}`;
          report.cards.push({ row: p.row, id: p.id, ...card });
          report.counts.cards++;
          report.bytes.out += card.bytes;
          if (!card.reused) report.bytes.written += card.bytes;
        }
      }
      entries.push(input);
      report.photos.push(photoReport(p, photo));
      if (!uniqueJobs.has(photo)) {
        uniqueJobs.add(photo);
        report.counts[photo.reused ? 'reused' : 'processed']++;
        report.counts.renditions += photo.renditions.length;
        report.bytes.out += photo.bytesOut;
        if (!photo.reused) report.bytes.written += photo.bytesOut;
      }
    });

    // 4. The feed, checked by the gallery's own parser.
    let feed: FeedFile | undefined;
    if (!problems.some((p) => p.severity === 'error')) {
      const imageBase = `${feedBase(options)}${PHOTOS_DIR}/`;
      feed = assembleFeed(
        feedMeta(options),
        entries.map((e) => feedEntry(e, imageBase)),
      );
      const feedUrl = new URL(FEED_FILE, options.baseUrl ?? 'https://feed.example.invalid/').href;
      problems.push(
        ...validateFeed(
          feed,
          entries.map((e) => e.row),
          feedUrl,
        ).problems,
      );
    }
    report.timings.feedMs = lap();

    // 5. Into place, or nothing at all.
    if (!feed || problems.some((p) => p.severity === 'error')) {
      await staging.abort();
    } else {
      if (options.sharePages) {
        await writeSharePages(feed, entries, options, staging);
        report.counts.sharePages = feed.testimonials.length;
      }
      await staging.commit(`${JSON.stringify(feed, null, 2)}\n`);
      report.feed = staging.feedPath;
      report.counts.testimonials = feed.testimonials.length;
    }
    report.timings.writeMs = lap();
  } catch (cause) {
    await staging.abort();
    report.feed = null;
    problems.push(error('write-failed', `stopped: ${(cause as Error).message}`));
  }
  return { report: finish(), sheetKind: sheet.kind };
}

async function checkRows(
  rows: SheetRow[],
  photosDir: string,
  listing: string[],
  problems: Problem[],
): Promise<PlannedRow[]> {
  const planned: PlannedRow[] = [];
  const explicitIds = new Map<string, number>();
  const pendingIds: { plan: PlannedRow; base: string }[] = [];
  for (const { row, values } of rows) {
    let ok = true;
    const file = values.file?.trim() ?? '';
    const quote = values.quote?.trim() ?? '';
    if (!quote) {
      problems.push(
        error('missing-quote', 'the quote is empty: every testimonial needs its reason', {
          row,
          column: 'quote',
        }),
      );
      ok = false;
    }
    let where: { rel: string; abs: string } | undefined;
    if (!file) {
      problems.push(
        error('missing-file', 'the "file" column is empty: which photo goes with this row?', {
          row,
          column: 'file',
        }),
      );
      ok = false;
    } else if (!(where = photoPath(photosDir, file))) {
      problems.push(
        error('invalid-value', `file "${file}" must be a path inside the photos folder`, {
          row,
          column: 'file',
          file,
        }),
      );
      ok = false;
    } else if (!(await isFile(where.abs))) {
      const near = closeMatch(where.rel, listing);
      problems.push(
        error('photo-missing', `photo not found: ${where.rel}${near ? ` (did you mean ${near}?)` : ''}`, {
          row,
          column: 'file',
          file: where.rel,
        }),
      );
      ok = false;
    }
    const url = values.url?.trim();
    if (url && !/^https?:\/\/[^\s]+$/i.test(url)) {
      problems.push(
        error('invalid-value', `url "${url}" must be an absolute http(s) link`, { row, column: 'url' }),
      );
      ok = false;
    }
    const focus = values.focus?.trim();
    const point = focus ? FOCUS.exec(focus) : undefined;
    if (point) values.focus = `${point[1]}% ${point[2]}%`;
    else if (focus) {
      problems.push(
        warning(
          'invalid-value',
          `focus "${focus}" is not two percentages from 0% to 100% such as "50% 20%"; the focal point found in the photo is used`,
          { row, column: 'focus' },
        ),
      );
      delete values.focus;
    }
    const explicit = values.id?.trim() || undefined;
    const id = idFor(explicit, values.name, basename(file));
    if (explicit) {
      const first = explicitIds.get(id);
      if (first !== undefined) {
        problems.push(
          error('duplicate-id', `duplicate id "${explicit}": row ${first} already uses it`, {
            row,
            column: 'id',
          }),
        );
        ok = false;
      } else {
        explicitIds.set(id, row);
        if (id !== explicit)
          problems.push(
            warning(
              'invalid-value',
              `id "${explicit}" is written as "${id}" (ids are slugs of a-z, 0-9 and -)`,
              { row, column: 'id' },
            ),
          );
      }
    }
    if (!ok || !where) continue;
    const plan: PlannedRow = { row, values, file: where.rel, abs: where.abs, id, quote };
    planned.push(plan);
    if (!explicit) pendingIds.push({ plan, base: id });
  }
  // Ids made from names or file names never take an id the sheet gave, nor each other's.
  const taken = new Set(explicitIds.keys());
  for (const { plan, base } of pendingIds) {
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    plan.id = id;
  }
  return planned;
}

/** A photo's failure as a problem; anything else (a bug) is thrown on, and the run stops with nothing written. */
function problemCode(
  cause: unknown,
  photoPath: string,
): 'photo-unreadable' | 'metadata-left' | 'write-failed' {
  if (cause instanceof PhotoError) return cause.code;
  const system = cause as NodeJS.ErrnoException | undefined;
  if (system?.syscall === undefined) throw cause;
  return system.path === photoPath ? 'photo-unreadable' : 'write-failed';
}

function entryInput(p: PlannedRow, photo: ProcessedPhoto): EntryInput {
  const input: EntryInput = { row: p.row, id: p.id, quote: p.quote, photo };
  for (const key of ['name', 'role', 'place', 'affiliation', 'alt', 'url', 'lang', 'focus'] as const) {
    const value = p.values[key]?.trim();
    if (value) input[key] = value;
  }
  return input;
}

function photoReport(p: PlannedRow, photo: ProcessedPhoto): PhotoReport {
  return {
    row: p.row,
    file: p.file,
    id: p.id,
    hash: photo.hash,
    reused: photo.reused,
    renditions: photo.renditions,
    bytesIn: photo.bytesIn,
    bytesOut: photo.bytesOut,
    ms: photo.ms,
  };
}

/** What the feed's URLs start with: the base URL, or nothing (relative to the feed). */
const feedBase = (options: BuildFeedOptions) => (options.relativeUrls ? '' : (options.baseUrl ?? ''));

function cardWords(p: PlannedRow, options: BuildFeedOptions): CardWords {
  const words: CardWords = { quote: p.quote, hashtag: options.hashtag ?? DEFAULT_HASHTAG };
  for (const key of ['name', 'role', 'place'] as const) {
    const value = p.values[key]?.trim();
    if (value) words[key] = value;
  }
  return words;
}

/** One page per testimonial, into the staging folder; pages of testimonials without a card show the photo. */
async function writeSharePages(
  feed: FeedFile,
  entries: EntryInput[],
  options: BuildFeedOptions,
  staging: Staging,
): Promise<void> {
  const pages: Promise<void>[] = [];
  feed.testimonials.forEach((entry, i) => {
    const target = new URL(options.postUrl ?? options.baseUrl!);
    target.hash = `nwt-${entry.id}`;
    const { photo } = entries[i]!;
    const absolute = (url: string) => new URL(url, options.baseUrl).href;
    const card = entry.card
      ? { url: absolute(entry.card), width: 1200, height: 630, type: 'image/jpeg' }
      : {
          url: absolute(entry.image.srcset.split(', ').pop()!.split(' ')[0]!),
          width: photo.width,
          height: photo.height,
          type: 'image/webp',
        };
    const page: SharePageInput = {
      id: entry.id,
      url: absolute(entry.sharePage!),
      target: target.href,
      image: card,
      // The gallery's own fallback when the sheet gives no alt text.
      alt: entry.image.alt ?? (entry.name ? `${entry.name}: ${entry.quote}` : entry.quote),
      quote: entry.quote,
      hashtag: feed.hashtag ?? DEFAULT_HASHTAG,
    };
    for (const key of ['name', 'role', 'place', 'lang'] as const) if (entry[key]) page[key] = entry[key];
    if (feed.title) page.siteName = feed.title;
    pages.push(writeFile(join(staging.tmpShare, `${entry.id}.html`), sharePage(page)));
  });
  await Promise.all(pages);
}

function feedMeta(options: BuildFeedOptions): Omit<FeedFile, 'testimonials'> {
  const meta: Omit<FeedFile, 'testimonials'> = {};
  if (options.title) meta.title = options.title;
  if (options.description) meta.description = options.description;
  if (options.hashtag) meta.hashtag = options.hashtag;
  if (options.submitUrl)
    meta.submit = options.submitLabel
      ? { url: options.submitUrl, label: options.submitLabel }
      : { url: options.submitUrl };
  return meta;
}

/** Runs `work` over `items`, at most `limit` at a time; results in the order of `items`. */
async function pool<T, R>(
  items: T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
