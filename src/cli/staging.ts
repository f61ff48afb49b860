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
/** What this command names its renditions; only such files are ever deleted, and only when the previous feed used them. */
const RENDITION = /^[a-z0-9-]+-[0-9a-f]{8}-\d+\.webp$/;

export class Staging {
  private constructor(
    readonly outDir: string,
    readonly tmpDir: string,
    private readonly createdOut: boolean,
  ) {}

  get publishedPhotos(): string {
    return join(this.outDir, PHOTOS_DIR);
  }

  get feedPath(): string {
    return join(this.outDir, FEED_FILE);
  }

  static async open(outDir: string): Promise<Staging> {
    const createdOut = (await mkdir(outDir, { recursive: true })) !== undefined;
    const tmpDir = await mkdtemp(join(outDir, '.notwiththem-tmp-'));
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

  /** Moves the new renditions, then the feed, into place; removes renditions only the old feed used. */
  async commit(feedJson: string): Promise<number> {
    const previous = await this.previousRenditions();
    await mkdir(this.publishedPhotos, { recursive: true });
    let written = 0;
    for (const name of await readdir(this.tmpDir)) {
      await rename(join(this.tmpDir, name), join(this.publishedPhotos, name));
      written++;
    }
    const tmpFeed = join(this.tmpDir, FEED_FILE);
    await writeFile(tmpFeed, feedJson);
    await rename(tmpFeed, this.feedPath);
    const current = renditionsIn(feedJson);
    for (const name of previous) {
      if (!current.has(name)) await unlink(join(this.publishedPhotos, name)).catch(() => {});
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

  private async previousRenditions(): Promise<Set<string>> {
    try {
      return renditionsIn(await readFile(this.feedPath, 'utf8'));
    } catch {
      return new Set();
    }
  }
}

/** File names of this command's renditions mentioned by a feed (src and srcset). */
function renditionsIn(feedJson: string): Set<string> {
  const names = new Set<string>();
  let feed: unknown;
  try {
    feed = JSON.parse(feedJson);
  } catch {
    return names;
  }
  const list = Array.isArray(feed) ? feed : (feed as { testimonials?: unknown })?.testimonials;
  if (!Array.isArray(list)) return names;
  for (const entry of list) {
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
  return names;
}
