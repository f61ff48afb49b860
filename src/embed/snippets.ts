/**
 * The snippets the embed builder (demo/builder.html) hands out: a script tag, an npm import and an iframe,
 * all from one set of options. Pure: strings in, strings out, every value escaped for where it lands.
 */
import { EMBED_MESSAGE_TYPE } from './params.js';
import { accentValue } from './contrast.js';
import { reservedBoxCss, reservedFrameCss } from './reserve.js';

export interface EmbedOptions {
  /** The feed URL (required for a gallery to show). */
  src: string;
  /** `''` follows the page's language. */
  lang?: string;
  autoplay?: boolean;
  /** Milliseconds; omitted when it is the default (7000). */
  interval?: number;
  loop?: boolean;
  /** Targets in order; `undefined` means every target (the default), `[]` means none. */
  share?: string[];
  /** The page shares point at (the post or page that embeds the gallery). */
  shareUrl?: string;
  theme?: 'light' | 'dark' | 'auto';
  /** `#rrggbb`, set as `--nwt-accent` (with a dark-theme counterpart when it is too dark there). */
  accent?: string;
  label?: string;
  hashtag?: string;
  start?: string;
  fit?: 'cover' | 'contain';
  /**
   * The iframe's starting height in px: the gallery's height at the width of the page's column, as the
   * builder's preview measures it. It is all a page that strips the height script and the style gets.
   */
  frameHeight?: number;
  /**
   * The photo the gallery shows first (the feed's first testimonial's, with its focal point), as the
   * builder's preview read it from the feed: the element then carries it as its poster, which the page
   * paints in the first slide's photo box before the script has run.
   */
  firstPhoto?: { src: string; srcset?: string; sizes?: string; focus?: string };
}

export interface HostedFiles {
  /** URL of notwiththem-gallery.bundle.js. */
  bundle: string;
  /** URL of embed.html. */
  embed: string;
}

const DEFAULT_INTERVAL = 7000;
const DEFAULT_ACCENT = '#b3122e';
/** The iframe's height when none was measured. */
const DEFAULT_FRAME_HEIGHT = 640;

/** Escapes text for an HTML attribute value in double quotes (and for text content). */
export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The element's attributes for `options`, in a stable order, without defaults. */
export function embedAttributes(options: EmbedOptions): [string, string][] {
  const attributes: [string, string | undefined][] = [
    ['src', options.src.trim() || undefined],
    ['lang', options.lang || undefined],
    ['label', options.label?.trim() || undefined],
    ['theme', options.theme && options.theme !== 'light' ? options.theme : undefined],
    ['autoplay', options.autoplay ? '' : undefined],
    [
      'interval',
      options.autoplay && options.interval && options.interval !== DEFAULT_INTERVAL
        ? String(options.interval)
        : undefined,
    ],
    ['loop', options.loop ? '' : undefined],
    [
      'share',
      options.share === undefined ? undefined : options.share.length ? options.share.join(' ') : 'none',
    ],
    ['share-url', options.shareUrl?.trim() || undefined],
    ['hashtag', options.hashtag?.trim().replace(/^#/, '') || undefined],
    ['start', options.start?.trim() || undefined],
    ['fit', options.fit && options.fit !== 'cover' ? options.fit : undefined],
  ];
  return attributes.filter((entry): entry is [string, string] => entry[1] !== undefined);
}

function accentStyle(options: EmbedOptions): string | undefined {
  const accent = options.accent?.toLowerCase();
  return accent && accent !== DEFAULT_ACCENT && /^#[0-9a-f]{6}$/.test(accent)
    ? `--nwt-accent: ${accentValue(accent)}`
    : undefined;
}

/** `<notwiththem-gallery …></notwiththem-gallery>` for `options`, with the poster when it is known. */
export function elementMarkup(options: EmbedOptions): string {
  const parts = embedAttributes(options).map(([name, value]) =>
    value === '' ? name : `${name}="${escapeHtml(value)}"`,
  );
  const style = accentStyle(options);
  if (style) parts.push(`style="${escapeHtml(style)}"`);
  const poster = photoPoster(options);
  const open =
    parts.length > 2
      ? `<notwiththem-gallery\n  ${parts.join('\n  ')}\n>`
      : `<notwiththem-gallery${parts.map((part) => ` ${part}`).join('')}>`;
  return poster ? `${open}\n  ${poster}\n</notwiththem-gallery>` : `${open}</notwiththem-gallery>`;
}

/**
 * A preload of the feed, so that its request leaves while the page is parsed instead of after the
 * bundle has run. It matches the element's own request (`cors`, same-origin credentials, no referrer),
 * which then takes the preloaded response instead of asking again.
 */
export function feedPreload(options: EmbedOptions): string | undefined {
  const src = options.src.trim();
  return src
    ? `<link rel="preload" href="${escapeHtml(src)}" as="fetch" crossorigin referrerpolicy="no-referrer">`
    : undefined;
}

/**
 * The poster: the first photo as a child of the element, for the time before its script has run and its
 * feed has loaded. The reserved box's style lays it exactly where the first slide's photo will be, so the
 * page paints the photo as early as it would paint a plain `<img>`, and nothing moves; the gallery then
 * shows it in that box while the feed loads, and its own `<img>` (same URL, srcset and sizes, no
 * referrer) takes the photo from the cache. Decorative (`alt=""`): the slide says who it is. Written only
 * when the first photo is known; stale once the feed starts with another testimonial.
 */
export function photoPoster({ firstPhoto: photo }: EmbedOptions): string | undefined {
  const src = photo?.src.trim();
  if (!src) return undefined;
  const set = (name: string, value: string | undefined) =>
    value?.trim() ? ` ${name}="${escapeHtml(value.trim())}"` : '';
  return `<img slot="poster" src="${escapeHtml(src)}"${set('srcset', photo!.srcset)}${set('sizes', photo!.sizes)}${set('style', photo!.focus?.trim() && `object-position:${photo!.focus.trim()}`)} alt="" fetchpriority="high" referrerpolicy="no-referrer">`;
}

/** The style that keeps the gallery's room on the page until the element is defined (see reserve.ts). */
export function reservedBoxStyle(): string {
  return `<style>${reservedBoxCss()}</style>`;
}

/**
 * For a site that can add a script, pasted where the gallery goes: nothing in it delays the page's first
 * paint (the bundle is deferred), the gallery's box is reserved from that first paint (so nothing below
 * it moves), the feed's request leaves at once, and the first photo, when known, is painted in its place
 * as early as a plain `<img>` would be.
 */
export function scriptSnippet(options: EmbedOptions, files: HostedFiles): string {
  return [
    feedPreload(options),
    reservedBoxStyle(),
    `<script src="${escapeHtml(files.bundle)}" defer></script>`,
    elementMarkup(options),
  ]
    .filter((line) => line !== undefined)
    .join('\n');
}

/** For an app built with npm: install, import once, use the element. */
export function npmSnippet(options: EmbedOptions): string {
  return [
    'npm install notwiththem-gallery',
    '',
    '// once, in your app’s entry module: registers <notwiththem-gallery>',
    "import 'notwiththem-gallery/define';",
    '',
    '<!-- then, in your page or template (the style keeps the gallery’s room until the element is defined) -->',
    reservedBoxStyle(),
    elementMarkup(options),
  ].join('\n');
}

function frameHeight({ frameHeight: height }: EmbedOptions): number {
  return height && Number.isFinite(height) && height > 0 ? Math.ceil(height) : DEFAULT_FRAME_HEIGHT;
}

/** embed.html's URL with `options` as query parameters. */
export function embedUrl(options: EmbedOptions, files: HostedFiles, id?: string): string {
  const url = new URL(files.embed);
  for (const [name, value] of embedAttributes(options)) url.searchParams.set(name, value);
  const accent = accentStyle(options);
  if (accent) url.searchParams.set('accent', options.accent!.toLowerCase());
  if (id) url.searchParams.set('id', id);
  return url.href;
}

/**
 * For a platform that strips scripts: the iframe alone works (at its starting height). Where a style is
 * allowed, the one before it gives the iframe the gallery's height at its width from the start, so nothing
 * below it moves when it loads; where a script is allowed, the few lines after it let the gallery set the
 * iframe's height, accepting only messages from the embed's own origin and from this very iframe, and pass
 * the page's `#nwt-<id>` on to the gallery (on load and on `hashchange`), so a shared link to the post
 * opens at its testimonial.
 */
export function iframeSnippet(options: EmbedOptions, files: HostedFiles, id = 'nwt-gallery'): string {
  const src = embedUrl(options, files, id);
  const origin = new URL(files.embed).origin;
  const title = options.label?.trim() || '#NotWithThem testimonials';
  // An id is a token: the box's id is used in a selector, so it keeps to the characters that need no escape.
  const boxId = `${id.replace(/[^\w-]/g, '_')}-box`;
  return [
    `<style>${reservedFrameCss(boxId, options.autoplay)}</style>`,
    `<div id="${boxId}"><iframe id="${escapeHtml(id)}" src="${escapeHtml(src)}" title="${escapeHtml(title)}"`,
    `  width="100%" height="${frameHeight(options)}" style="display: block; width: 100%; border: 0"`,
    '  loading="lazy" allow="web-share; clipboard-write"></iframe></div>',
    '<script>',
    '  (function () {',
    `    var frame = document.getElementById(${JSON.stringify(id).replace(/</g, '\\u003c')});`,
    '    function passHash() {',
    '      if (frame && /^#nwt-/.test(location.hash)) frame.src = frame.src.split("#")[0] + location.hash;',
    '    }',
    '    passHash();',
    '    addEventListener("hashchange", passHash);',
    '    addEventListener("message", function (event) {',
    `      if (!frame || event.origin !== ${JSON.stringify(origin).replace(/</g, '\\u003c')} || event.source !== frame.contentWindow) return;`,
    '      var data = event.data;',
    `      if (data && data.type === "${EMBED_MESSAGE_TYPE}" && typeof data.height === "number" && data.height > 0 && data.height < 10000) frame.style.height = Math.ceil(data.height) + "px";`,
    '    });',
    '  })();',
    '</script>',
  ].join('\n');
}
