/**
 * One testimonial's share page: a static HTML file whose Open Graph and Twitter tags describe that
 * testimonial (its card, its quote, its name), so a link shared on a social network previews it
 * rather than the host post. Scrapers read the tags and run no script; people run the script, which
 * takes them on to the post that embeds the gallery, at the testimonial (`#nwt-<id>`); without
 * JavaScript they see the preview and a link to it.
 *
 * Every text from the sheet is escaped for where it lands (element content or attribute value); the
 * tags' texts also lose control and bidi formatting characters, which could reorder a network's own
 * words around the preview.
 */
import { cutText, oneLine } from './card-text.js';

export interface SharePageImage {
  /** Absolute URL. */
  url: string;
  width: number;
  height: number;
  type: string;
}

export interface SharePageInput {
  id: string;
  /** Absolute URL of this page: og:url and canonical. */
  url: string;
  /** Absolute URL the page leads to (the post, with `#nwt-<id>`). */
  target: string;
  image: SharePageImage;
  alt: string;
  quote: string;
  name?: string;
  role?: string;
  place?: string;
  lang?: string;
  hashtag?: string;
  /** The feed's title: og:site_name and the link's words. */
  siteName?: string;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text as HTML shows it literally, in element content and in quoted attribute values alike. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** C0/C1 controls and bidi embeddings, overrides and isolates: nothing a preview line should carry. */
const UNSAFE_IN_TAGS = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** One line of plain text for a meta tag: no line breaks, no controls, escaped for an attribute. */
const tagText = (text: string, max: number): string =>
  escapeHtml(cutText(oneLine(text.replace(UNSAFE_IN_TAGS, ' ')), max));

/** `es-AR` → `es_AR`, the form og:locale takes; undefined for what is not a language-region pair. */
function ogLocale(lang: string | undefined): string | undefined {
  const match = /^([a-z]{2,3})[-_]([A-Za-z]{2})$/.exec(lang ?? '');
  return match ? `${match[1]!.toLowerCase()}_${match[2]!.toUpperCase()}` : undefined;
}

export function sharePage(input: SharePageInput): string {
  const tag = input.hashtag ? `#${oneLine(input.hashtag)}` : '';
  const who = input.name ? oneLine(input.name) : '';
  const title = [who || cutText(input.quote, 60), tag].filter(Boolean).join(' · ');
  const meta = [input.role, input.place].filter(Boolean).map((t) => oneLine(t!));
  const locale = ogLocale(input.lang);
  const attr = (value: string) => escapeHtml(value);
  const lang = input.lang && /^[A-Za-z0-9-]{1,64}$/.test(input.lang) ? input.lang : 'und';
  const linkText = input.siteName ? oneLine(input.siteName) : tag || 'See the testimonial';
  const tags: [string, string, string][] = [
    ['property', 'og:type', 'article'],
    ['property', 'og:url', attr(input.url)],
    ['property', 'og:title', tagText(title, 120)],
    ['property', 'og:description', tagText(input.quote, 300)],
    ['property', 'og:image', attr(input.image.url)],
    ['property', 'og:image:secure_url', attr(input.image.url)],
    ['property', 'og:image:type', attr(input.image.type)],
    ['property', 'og:image:width', String(input.image.width)],
    ['property', 'og:image:height', String(input.image.height)],
    ['property', 'og:image:alt', tagText(input.alt, 420)],
  ];
  if (input.siteName) tags.push(['property', 'og:site_name', tagText(input.siteName, 120)]);
  if (locale) tags.push(['property', 'og:locale', locale]);
  tags.push(
    ['name', 'twitter:card', 'summary_large_image'],
    ['name', 'twitter:title', tagText(title, 70)],
    ['name', 'twitter:description', tagText(input.quote, 200)],
    ['name', 'twitter:image', attr(input.image.url)],
    ['name', 'twitter:image:alt', tagText(input.alt, 420)],
  );
  return `<!doctype html>
<html lang="${attr(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${tagText(title, 120)}</title>
<meta name="description" content="${tagText(input.quote, 300)}">
<link rel="canonical" href="${attr(input.url)}">
${tags.map(([key, name, content]) => `<meta ${key}="${name}" content="${content}">`).join('\n')}
<meta name="robots" content="noindex, follow">
<style>
body{margin:0;font:1rem/1.5 system-ui,sans-serif;color:#1b1b1f;background:#f2f2f4}
main{max-width:40rem;margin:0 auto;padding:1rem}
img{display:block;width:100%;height:auto;border-radius:.75rem}
blockquote{margin:1rem 0 .5rem;font-size:1.25rem;font-weight:700}
p{margin:.25rem 0}
a{color:#b3122e;font-weight:700}
</style>
</head>
<body>
<main>
<figure>
<img src="${attr(input.image.url)}" width="${input.image.width}" height="${input.image.height}" alt="${attr(oneLine(input.alt))}">
<figcaption>
<blockquote dir="auto">${escapeHtml(input.quote)}</blockquote>
${who ? `<p dir="auto"><cite>${escapeHtml(who)}</cite></p>\n` : ''}${meta.length ? `<p dir="auto">${escapeHtml(meta.join(' · '))}</p>\n` : ''}</figcaption>
</figure>
<p><a id="nwt-go" href="${attr(input.target)}" dir="auto">${escapeHtml(linkText)}</a></p>
</main>
<script>location.replace(document.getElementById("nwt-go").href)</script>
</body>
</html>
`;
}
