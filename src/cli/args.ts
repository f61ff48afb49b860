/** Command-line arguments of `notwiththem-gallery build-feed`, parsed with node:util parseArgs. */
import { parseArgs } from 'node:util';

export interface BuildFeedOptions {
  photosDir: string;
  captions: string;
  out: string;
  baseUrl?: string;
  title?: string;
  description?: string;
  hashtag?: string;
  submitUrl?: string;
  submitLabel?: string;
  /** Write a card image and a share page per testimonial (needs `baseUrl`). */
  sharePages: boolean;
  /** The post that embeds the gallery: share pages lead there, at `#nwt-<id>`. Default: `baseUrl`. */
  postUrl?: string;
  /** Feed URLs stay relative to the feed even with `baseUrl` (share pages still use it). */
  relativeUrls: boolean;
  json: boolean;
  quiet: boolean;
}

export type Command =
  { kind: 'help'; topic?: string } | { kind: 'version' } | { kind: 'build-feed'; options: BuildFeedOptions };

/** A mistake in how the command was called: exit status 2 and the usage text. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const HELP_MAIN = `Usage: notwiththem-gallery <command> [options]

Commands:
  build-feed <photos folder> --captions <sheet> --out <folder>
        Resize photos, strip their metadata and write a testimonials feed.

Options:
  -h, --help       Show help (also: notwiththem-gallery build-feed --help)
  -v, --version    Show the version
`;

export const HELP_BUILD_FEED = `Usage: notwiththem-gallery build-feed <photos folder> --captions <sheet> --out <folder> [options]

Makes a feed for <notwiththem-gallery> from a folder of photos and a sheet of captions.
Every photo is turned upright (EXIF orientation), converted to sRGB, stripped of all
metadata (EXIF, GPS, XMP, IPTC, ICC) and saved as WebP 480, 960 and 1440 px wide (never
upscaled) in <out>/photos/. The feed is written to <out>/testimonials.json. Originals
are never modified; photos already built from the same content are not processed again.

The sheet is CSV (a header row, then one row per testimonial) or a JSON array of objects,
with the columns: file, quote, name, role, place, affiliation, alt, lang, id, url.
"file" (path inside the photos folder) and "quote" are required.

Options:
  -c, --captions <sheet>    CSV or JSON sheet of captions (required)
  -o, --out <folder>        Output folder (required); created if missing
      --base-url <url>      URL where <out> will be published: image URLs are then
                            absolute. By default they are relative to the feed file.
      --title <text>        Feed title (heading of the gallery)
      --description <text>  Feed description
      --hashtag <tag>       Hashtag, without '#' (the gallery's default: NotWithThem)
      --submit-url <url>    "Send us your pic" link (https: or mailto:)
      --submit-label <text> Label of that link
      --share-pages         Also write, per testimonial, a card image (1200x630 for link
                            previews, 1080x1350 for stories) in <out>/cards/ and a share
                            page <out>/share/<id>.html whose Open Graph tags show that
                            testimonial; the feed names both. Needs --base-url.
      --post-url <url>      The post that embeds the gallery: share pages lead there, at
                            #nwt-<id> (default: --base-url, the feed's own page)
      --relative-urls       Keep the feed's URLs relative to the feed even with --base-url
                            (share pages still use --base-url for their tags)
      --json                Print a machine-readable report on stdout
  -q, --quiet               Print nothing but problems
  -h, --help                Show this help

Exit status: 0 when the feed was written, 1 when a problem was found (nothing is
written), 2 when the command line is wrong.
`;

const OPTIONS = {
  captions: { type: 'string', short: 'c' },
  out: { type: 'string', short: 'o' },
  'base-url': { type: 'string' },
  title: { type: 'string' },
  description: { type: 'string' },
  hashtag: { type: 'string' },
  'submit-url': { type: 'string' },
  'submit-label': { type: 'string' },
  'share-pages': { type: 'boolean', default: false },
  'post-url': { type: 'string' },
  'relative-urls': { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  quiet: { type: 'boolean', short: 'q', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
} as const;

export function parseCommandLine(argv: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.version && command === undefined) return { kind: 'version' };
  if (command === undefined) return { kind: 'help' };
  if (command === 'help') return rest[0] === undefined ? { kind: 'help' } : { kind: 'help', topic: rest[0] };
  if (command !== 'build-feed') throw new UsageError(`Unknown command "${command}".`);
  if (values.help) return { kind: 'help', topic: command };

  if (rest.length !== 1) {
    throw new UsageError(
      rest.length === 0 ? 'Missing the photos folder.' : `One photos folder expected, got ${rest.length}.`,
    );
  }
  if (!values.captions) throw new UsageError('Missing --captions <sheet>.');
  if (!values.out) throw new UsageError('Missing --out <folder>.');

  const options: BuildFeedOptions = {
    photosDir: rest[0]!,
    captions: values.captions,
    out: values.out,
    json: values.json,
    quiet: values.quiet,
    sharePages: values['share-pages'],
    relativeUrls: values['relative-urls'],
  };
  if (values['base-url'] !== undefined) {
    options.baseUrl = checkUrl('--base-url', values['base-url'], ['http:', 'https:']);
    if (!options.baseUrl.endsWith('/')) options.baseUrl += '/';
  }
  if (values['submit-url'] !== undefined) {
    options.submitUrl = checkUrl('--submit-url', values['submit-url'], ['http:', 'https:', 'mailto:']);
  }
  if (values['post-url'] !== undefined) {
    if (!options.sharePages) throw new UsageError('--post-url is where share pages lead: add --share-pages.');
    options.postUrl = checkUrl('--post-url', values['post-url'], ['http:', 'https:']);
  }
  if (options.sharePages && !options.baseUrl) {
    throw new UsageError(
      '--share-pages needs --base-url <url>, the address where <out> will be published: social networks ' +
        "only read absolute URLs in a page's og:image and og:url.",
    );
  }
  if (values.title !== undefined) options.title = values.title;
  if (values.description !== undefined) options.description = values.description;
  if (values.hashtag !== undefined) options.hashtag = values.hashtag.replace(/^#/, '');
  if (values['submit-label'] !== undefined) options.submitLabel = values['submit-label'];
  return { kind: 'build-feed', options };
}

function checkUrl(flag: string, value: string, protocols: string[]): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${flag} must be an absolute URL, got "${value}".`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new UsageError(`${flag} must start with ${protocols.join(' or ')}, got "${value}".`);
  }
  return url.href;
}
