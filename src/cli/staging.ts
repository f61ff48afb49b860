/**
 * Nothing half-written: renditions and the feed are made in a temporary folder inside the output
 * folder (same file system, so renames are atomic), and moved into place only when everything
 * succeeded. Renditions go first (content-addressed names: moving one over an identical file is
 * harmless), the feed last, so at every moment the published feed points to files that exist.
 */
import { mkdir, mkdtemp, readFile, readdir, rename, rm, rmdir, unlink, writeFile } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

export const FEED_FILE = 'testimonials.json';
export const PHOTOS_DIR = 'photos';
export const CARDS_DIR = 'cards';
export const SHARE_DIR = 'share';
/** What this command names its renditions; only such files are ever deleted, and only when the previous feed used them. */
const RENDITION = /^[a-z0-9-]+-[0-9a-f]{8}-\d+\.webp$/;
const CARD = /^[a-z0-9-]+-[0-9a-f]{8}-\d+x\d+\.jpg$/;
const SHARE_PAGE = /^[a-z0-9-]+\.html$/;

export class Staging {
  private constructor(
    readonly outDir: string,
    readonly tmpDir: string,
    private readonly createdOut: boolean,
  ) {}

  get publishedPhotos(): string {
    return join(this.outDir, PHOTOS_DIR);
  }

  /** Where new cards and share pages are made before they move into place. */
  get tmpCards(): string {
    return join(this.tmpDir, CARDS_DIR);
  }

  get tmpShare(): string {
    return join(this.tmpDir, SHARE_DIR);
  }

  get publishedCards(): string {
    return join(this.outDir, CARDS_DIR);
  }

  get feedPath(): string {
    return join(this.outDir, FEED_FILE);
  }

  static async open(outDir: string): Promise<Staging> {
    const createdOut = (await mkdir(outDir, { recursive: true })) !== undefined;
    const tmpDir = await mkdtemp(join(outDir, '.notwiththem-tmp-'));
    await mkdir(join(tmpDir, CARDS_DIR));
    await mkdir(join(tmpDir, SHARE_DIR));
    const staging = new Staging(outDir, tmpDir, createdOut);
    // Ctrl-C while processing: leave no temporary folder behind.
    process.once('SIGINT', staging.onSignal);
    process.once('SIGTERM', staging.onSignal);
    return staging;
  }

  private readonly onSignal = (signal: NodeJS.Signals) => {
    rmSync(this.tmpDir, { recursive: true, force: true });
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };

  /**
   * Moves the new renditions, cards and share pages, then the feed, into place; removes the files of
   * those kinds that only the old feed used.
   */
  async commit(feedJson: string): Promise<number> {
    const previous = await this.previousFiles();
    let written = 0;
    const move = async (from: string, to: string) => {
      const names = (await readdir(from, { withFileTypes: true })).filter((e) => e.isFile());
      if (names.length > 0) await mkdir(to, { recursive: true });
      for (const { name } of names) {
        await rename(join(from, name), join(to, name));
        written++;
      }
    };
    await move(this.tmpDir, this.publishedPhotos);
    await move(this.tmpCards, this.publishedCards);
    await move(this.tmpShare, join(this.outDir, SHARE_DIR));
    const tmpFeed = join(this.tmpDir, FEED_FILE);
    await writeFile(tmpFeed, feedJson);
    await rename(tmpFeed, this.feedPath);
    const current = filesIn(feedJson);
    for (const [dir, names] of Object.entries(previous)) {
      for (const name of names) {
        if (!current[dir as keyof Files].has(name))
          await unlink(join(this.outDir, dir, name)).catch(() => {});
      }
    }
    await this.close();
    return written;
  }

  /** Drops everything made so far; the output folder is as it was (removed if this run created it empty). */
  async abort(): Promise<void> {
    await this.close();
    if (this.createdOut) await rmdir(this.outDir).catch(() => {});
  }

  private async close(): Promise<void> {
    process.off('SIGINT', this.onSignal);
    process.off('SIGTERM', this.onSignal);
    await rm(this.tmpDir, { recursive: true, force: true });
  }

  private async previousFiles(): Promise<Files> {
    try {
      return filesIn(await readFile(this.feedPath, 'utf8'));
    } catch {
      return filesIn('');
    }
  }
}

/** Names of this command's files a feed mentions, by folder. */
type Files = Record<typeof PHOTOS_DIR | typeof CARDS_DIR | typeof SHARE_DIR, Set<string>>;

/** File names of this command's renditions (src and srcset), cards and share pages mentioned by a feed. */
function filesIn(feedJson: string): Files {
  const names = new Set<string>();
  const files: Files = { [PHOTOS_DIR]: names, [CARDS_DIR]: new Set(), [SHARE_DIR]: new Set() };
  let feed: unknown;
  try {
    feed = JSON.parse(feedJson);
  } catch {
    return files;
  }
  const list = Array.isArray(feed) ? feed : (feed as { testimonials?: unknown })?.testimonials;
  if (!Array.isArray(list)) return files;
  const own = (url: unknown, dir: string, pattern: RegExp, set: Set<string>) => {
    if (typeof url !== 'string') return;
    const name = url.slice(url.lastIndexOf('/') + 1);
    if (pattern.test(name) && url.includes(`${dir}/`)) set.add(name);
  };
  for (const entry of list) {
    const { card, cardPortrait, sharePage } = (entry ?? {}) as Record<string, unknown>;
    own(card, CARDS_DIR, CARD, files[CARDS_DIR]);
    own(cardPortrait, CARDS_DIR, CARD, files[CARDS_DIR]);
    own(sharePage, SHARE_DIR, SHARE_PAGE, files[SHARE_DIR]);
    const image = (entry as { image?: unknown })?.image;
    const urls: unknown[] =
      typeof image === 'string'
        ? [image]
        : [
            (image as { src?: unknown })?.src,
            ...String((image as { srcset?: unknown })?.srcset ?? '').split(','),
          ];
    for (const url of urls) {
      if (typeof url !== 'string') continue;
      const path = url.trim().split(/\s+/)[0] ?? '';
      const name = path.slice(path.lastIndexOf('/') + 1);
      if (RENDITION.test(name) && path.includes(`${PHOTOS_DIR}/`)) names.add(name);
    }
  }
  return files;
}
