// --share-pages: every card decoded and checked, every share page read by a real Open Graph parser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ogs from 'open-graph-scraper';
import sharp from 'sharp';
import { parseFeed } from '../../dist/esm/feed/parse.js';
import {
  buildFeed,
  cli,
  scratch,
  phoneJpeg,
  png,
  project as sheetProject,
  report,
  gpsEntries,
} from './helpers.mjs';

const BASE = 'https://campaign.example/gallery/';
const POST = 'https://blog.example/2016/11/why-not-with-them?ref=nav#comments';

const csvCell = (text) => `"${text.replaceAll('"', '""')}"`;

async function project(t, rows) {
  const photos = {};
  for (const [i, row] of rows.entries())
    photos[row.file] = i % 2 ? await png(900, 1200, '#3d5a80') : await phoneJpeg({ seed: i });
  const cells = (row) =>
    [
      row.file,
      row.quote,
      row.name ?? '',
      row.role ?? '',
      row.place ?? '',
      '',
      row.alt ?? '',
      row.lang ?? '',
      row.id ?? '',
      '',
    ]
      .map((cell) => csvCell(cell))
      .join(',');
  return sheetProject(t, photos, rows.map(cells));
}

const build = (dir, ...extra) => buildFeed(dir, '--json', ...extra);

/** Every card must be a plain sRGB JPEG of its size, under 300 KB, with no metadata block at all. */
async function checkCard(path, width, height) {
  const bytes = await readFile(path);
  assert.ok(bytes.length < 300 * 1024, `${path}: ${bytes.length} bytes`);
  const meta = await sharp(bytes).metadata();
  assert.equal(meta.format, 'jpeg');
  assert.equal(meta.width, width);
  assert.equal(meta.height, height);
  for (const key of ['exif', 'xmp', 'iptc', 'icc', 'orientation'])
    assert.equal(meta[key], undefined, `${path} carries ${key}`);
  assert.equal(gpsEntries(meta.exif), 0);
  // No APP1 (EXIF, XMP) or APP13 (IPTC) segment in the file, whatever sharp reports.
  const text = bytes.toString('latin1');
  for (const marker of ['Exif\0', 'http://ns.adobe.com/xap', 'Photoshop 3.0', 'GPS'])
    assert.ok(!text.includes(marker), `${path} contains ${JSON.stringify(marker)}`);
  return bytes.length;
}

const ROWS = [
  {
    file: 'laura.jpg',
    quote:
      '#NoConEllos porque representan a la clase capitalista: ¿quién defiende a los trabajadores? Ñandú, acción, corazón.',
    name: 'Laura Vilches',
    role: 'Legisladora, Provincia de Córdoba',
    place: 'Córdoba, Argentina',
    lang: 'es-AR',
    id: 'laura-vilches',
  },
  {
    file: 'raul.png',
    quote: 'لسنا معهم لأنهم يمثلون الطبقة الرأسمالية، والعمال لا الرؤساء هم من يجب أن يقرروا',
    name: 'رؤول غودوي',
    place: 'نيوكين، الأرجنتين',
    lang: 'ar',
    id: 'raul-godoy',
  },
  {
    file: 'students.jpg',
    quote:
      '#NotWithThem because both deny rights for immigrants, because both are imperialists and because Black Lives Matter, and because a very long quote has to be cut somewhere so that the card stays legible on a phone in a feed',
    name: 'Students of the School of Social Sciences, UBA',
    lang: 'en',
  },
];

test('share pages: every page passes an Open Graph parser with the testimonial, every card is clean', async (t) => {
  const dir = await project(t, ROWS);
  const result = await build(
    dir,
    '--share-pages',
    '--base-url',
    BASE,
    '--post-url',
    POST,
    '--hashtag',
    'NoConEllos',
  );
  assert.equal(result.code, 0, result.stderr);
  const run = report(result);
  assert.equal(run.counts.cards, 6);
  assert.equal(run.counts.sharePages, 3);
  assert.deepEqual(run.problems, []);

  const feed = JSON.parse(await readFile(join(dir, 'site/testimonials.json'), 'utf8'));
  const parsed = parseFeed(feed, { baseUrl: `${BASE}testimonials.json` });
  assert.deepEqual(parsed.warnings, []);
  const cards = await readdir(join(dir, 'site/cards'));
  assert.equal(cards.length, 6);

  for (const [i, entry] of feed.testimonials.entries()) {
    const got = parsed.testimonials[i];
    assert.equal(entry.sharePage, `${BASE}share/${entry.id}.html`);
    // Named by the id (cut to 40 characters) and a hash of what the card shows.
    const slug = entry.id.slice(0, 40).replace(/-+$/, '');
    assert.match(entry.card, new RegExp(`^${BASE}cards/${slug}-[0-9a-f]{8}-1200x630\\.jpg$`));
    assert.match(entry.cardPortrait, new RegExp(`^${BASE}cards/${slug}-[0-9a-f]{8}-1080x1350\\.jpg$`));
    assert.equal(got.sharePage, entry.sharePage, 'the gallery keeps the share page');
    assert.equal(got.card, entry.card);
    assert.equal(got.cardPortrait, entry.cardPortrait);
    await checkCard(join(dir, 'site', entry.card.slice(BASE.length)), 1200, 630);
    await checkCard(join(dir, 'site', entry.cardPortrait.slice(BASE.length)), 1080, 1350);

    const html = await readFile(join(dir, 'site/share', `${entry.id}.html`), 'utf8');
    const { error, result: og } = await ogs({ html });
    assert.equal(error, false);
    assert.equal(og.ogUrl, entry.sharePage);
    assert.equal(og.ogType, 'article');
    assert.equal(og.ogTitle, `${entry.name} · #NoConEllos`);
    assert.equal(og.twitterCard, 'summary_large_image');
    assert.equal(og.ogImage.length, 1);
    assert.equal(og.ogImage[0].url, entry.card);
    assert.equal(og.ogImage[0].width, '1200');
    assert.equal(og.ogImage[0].height, '630');
    assert.equal(og.ogImage[0].type, 'image/jpeg');
    assert.equal(og.ogImage[0].alt, got.image.alt);
    assert.equal(og.twitterImage[0].url, entry.card);
    if (entry.quote.length <= 300) assert.equal(og.ogDescription, entry.quote);
    else assert.ok(og.ogDescription.endsWith('…') && entry.quote.startsWith(og.ogDescription.slice(0, -1)));
    assert.match(html, new RegExp(`<html lang="${entry.lang}">`));
    assert.ok(html.includes(`<link rel="canonical" href="${entry.sharePage}">`));
    // The link and the redirect lead to the post, at the testimonial; the post's own query stays.
    const target = `https://blog.example/2016/11/why-not-with-them?ref=nav#nwt-${entry.id}`;
    assert.ok(html.includes(`<a id="nwt-go" href="${target}"`), html);
    assert.ok(html.includes('location.replace(document.getElementById("nwt-go").href)'));
    assert.ok(!/http-equiv="refresh"/i.test(html), 'no meta refresh: scrapers would follow it');
    assert.ok(html.includes(`<img src="${entry.card}" width="1200" height="630"`));
  }
  const arabic = await readFile(join(dir, 'site/share/raul-godoy.html'), 'utf8');
  assert.ok(arabic.includes('<blockquote dir="auto">لسنا معهم'));
  const { result: og } = await ogs({ html: arabic });
  assert.equal(og.ogLocale, 'ar', 'the page says its language');
});

test('share pages: hostile captions are escaped, add no tag, and lose their bidi overrides in the tags', async (t) => {
  const quote =
    '"Quotes" & ampersands </title><script>alert(1)</script> <meta property="og:image" content="https://evil.example/x.jpg"> \u202Eevil\u202C \'single\'';
  const name = 'Mallory"><img src=x onerror=alert(2)> & Co';
  const dir = await project(t, [
    { file: 'a.jpg', quote, name, role: '</p><p>', id: 'mallory', alt: '"/><meta name="x">' },
  ]);
  const result = await build(dir, '--share-pages', '--base-url', BASE, '--title', 'Why </title> & "us"');
  assert.equal(result.code, 0, result.stderr);
  const html = await readFile(join(dir, 'site/share/mallory.html'), 'utf8');

  const count = (pattern) => (html.match(pattern) ?? []).length;
  assert.equal(count(/<script/g), 1, "only the page's own redirect");
  assert.equal(count(/<title>/g), 1);
  assert.equal(count(/<\/title>/g), 1);
  assert.equal(count(/<img/g), 1);
  // charset, viewport, description, robots, 11 Open Graph (site_name included, no locale), 5 Twitter.
  assert.equal(count(/<meta /g), 20, 'exactly the tags the page writes');
  assert.equal(count(/property="og:image"/g), 1);
  assert.ok(!html.includes('evil.example/x.jpg"'), 'the caption cannot close an attribute');
  assert.ok(html.includes('&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.ok(html.includes('Mallory&quot;&gt;&lt;img src=x onerror=alert(2)&gt; &amp; Co'));
  assert.ok(html.includes('&#39;single&#39;'));

  const { result: og } = await ogs({ html });
  const flat = quote.replace(/[\u202E\u202C]/g, ' ').replace(/\s+/g, ' ');
  assert.equal(og.ogDescription, flat, 'the parser reads the words back, without the override');
  assert.equal(og.ogTitle, `${name} · #NotWithThem`);
  assert.equal(og.ogSiteName, 'Why </title> & "us"');
  assert.equal(og.ogImage[0].alt, '"/><meta name="x">');
  assert.equal(og.ogImage[0].url.startsWith(`${BASE}cards/mallory-`), true);
  for (const field of ['ogTitle', 'ogDescription', 'twitterTitle', 'twitterDescription'])
    assert.ok(!/[\u202A-\u202E\u2066-\u2069]/.test(og[field]), `${field} keeps a bidi control`);
  // In the visible preview the override stays inside its own isolated element.
  assert.ok(html.includes('<blockquote dir="auto">&quot;Quotes&quot; &amp; ampersands'));
});

test('share pages: a caption the font cannot draw loses its card (a warning with its row), the others are written', async (t) => {
  const dir = await project(t, [
    { file: 'a.jpg', quote: '#NotWithThem: 我们不和他们站在一起', name: 'Li Wei', id: 'li-wei' },
    {
      file: 'b.png',
      quote: '#NoConEllos porque no somos su patio trasero',
      name: 'Noelia Barbeito',
      id: 'noelia',
    },
  ]);
  const result = await build(dir, '--share-pages', '--base-url', BASE);
  assert.equal(result.code, 0, result.stderr);
  const run = report(result);
  assert.equal(run.counts.cards, 2);
  assert.equal(run.problems.length, 1);
  const [problem] = run.problems;
  assert.equal(problem.severity, 'warning');
  assert.equal(problem.code, 'card-unrenderable');
  assert.equal(problem.row, 2);
  assert.match(problem.message, /"我" \(U\+6211\)/);
  assert.match(
    result.stderr,
    /warning: .*captions\.csv row 2: a\.jpg: the card font \(Noto Sans Arabic\) has no letters for/,
  );

  const feed = JSON.parse(await readFile(join(dir, 'site/testimonials.json'), 'utf8'));
  const [li, noelia] = feed.testimonials;
  assert.equal(li.card, undefined);
  assert.equal(li.sharePage, `${BASE}share/li-wei.html`);
  assert.ok(noelia.card && noelia.cardPortrait);
  // Its page still previews the testimonial, with the photo itself.
  const { result: og } = await ogs({ html: await readFile(join(dir, 'site/share/li-wei.html'), 'utf8') });
  assert.match(og.ogImage[0].url, new RegExp(`^${BASE}photos/li-wei-[0-9a-f]{8}-\\d+\\.webp$`));
  assert.equal(og.ogImage[0].type, 'image/webp');
});

test('share pages: a second run reuses the cards, a changed quote replaces its card', async (t) => {
  const dir = await project(t, ROWS.slice(0, 2));
  assert.equal((await build(dir, '--share-pages', '--base-url', BASE)).code, 0);
  const before = await readdir(join(dir, 'site/cards'));
  const again = report(await build(dir, '--share-pages', '--base-url', BASE));
  assert.ok(again.cards.every((card) => card.reused));
  assert.deepEqual(await readdir(join(dir, 'site/cards')), before);

  const csv = await readFile(join(dir, 'captions.csv'), 'utf8');
  await writeFile(join(dir, 'captions.csv'), csv.replace('Ñandú, acción, corazón.', 'Otra razón.'));
  const changed = report(await build(dir, '--share-pages', '--base-url', BASE));
  assert.deepEqual(
    changed.cards.map((card) => card.reused),
    [false, false, true, true],
  );
  const after = await readdir(join(dir, 'site/cards'));
  assert.equal(after.length, 4, 'the old cards of the changed quote are removed');
  assert.notDeepEqual(after, before);
});

test('--share-pages without --base-url is a usage error that says why', async () => {
  const result = await cli(['build-feed', 'photos', '--captions', 'c.csv', '--out', 'site', '--share-pages']);
  assert.equal(result.code, 2);
  assert.match(
    result.stderr,
    /--share-pages needs --base-url <url>.*absolute URLs in a page's og:image and og:url/,
  );
  const post = await cli([
    'build-feed',
    'photos',
    '--captions',
    'c.csv',
    '--out',
    'site',
    '--post-url',
    BASE,
  ]);
  assert.equal(post.code, 2);
  assert.match(post.stderr, /--post-url is where share pages lead: add --share-pages/);
});
