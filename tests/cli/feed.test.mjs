// The feed written: checked by the gallery's own parser, portable (relative URLs), and rebuilt incrementally.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir, writeFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseFeed } from '../../dist/esm/feed/parse.js';
import { buildFeed, png, phoneJpeg, project, report } from './helpers.mjs';

const build = buildFeed;

const readFeed = async (dir) => JSON.parse(await readFile(join(dir, 'site/testimonials.json'), 'utf8'));

test('the feed passes parseFeed with no warning, and its relative image URLs resolve next to the feed', async (t) => {
  const dir = await project(t, { 'a.jpg': await phoneJpeg(), 'b.png': await png(700, 700) }, [
    'a.jpg,#NotWithThem because they represent the capitalist class,Laura Vilches,"Legislator, Province of Córdoba","Córdoba, Argentina",Left and Workers\' Front – PTS,A woman holds a sign,en,,https://example.org/laura',
    'b.png,#NotWithThem because we are not their backyard,Noelia Barbeito',
  ]);
  const result = await build(
    dir,
    '--title',
    '#NotWithThem: a test',
    '--hashtag',
    '#NotWithThem',
    '--submit-url',
    'mailto:contact@example.org?subject=NotWithThem',
    '--submit-label',
    'Send us your pic',
  );
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stderr, '', 'no progress bar or chatter when stderr is not a terminal');
  assert.match(
    result.stdout,
    /^Wrote .*testimonials\.json: 2 testimonials, 4 renditions \(2 photos processed, 0 unchanged\)/,
  );
  const feed = await readFeed(dir);
  assert.deepEqual(Object.keys(feed), ['title', 'hashtag', 'submit', 'testimonials']);
  assert.equal(feed.hashtag, 'NotWithThem');
  assert.deepEqual(feed.submit, {
    url: 'mailto:contact@example.org?subject=NotWithThem',
    label: 'Send us your pic',
  });

  const parsed = parseFeed(feed, { baseUrl: 'https://campaign.example/gallery/testimonials.json' });
  assert.deepEqual(parsed.warnings, []);
  assert.equal(parsed.testimonials.length, 2);
  const [laura, noelia] = parsed.testimonials;
  assert.equal(laura.id, 'laura-vilches');
  assert.match(
    laura.image.src,
    /^https:\/\/campaign\.example\/gallery\/photos\/laura-vilches-[0-9a-f]{8}-960\.webp$/,
  );
  assert.equal(laura.image.srcset.split(', ').length, 3);
  assert.equal(laura.image.sizes, '(min-width: 60rem) 33vw, (min-width: 36rem) 50vw, 100vw');
  assert.deepEqual([laura.image.width, laura.image.height], [1440, 1080]);
  assert.match(laura.image.color, /^#[0-9a-f]{6}$/);
  assert.equal(laura.image.alt, 'A woman holds a sign');
  assert.equal(laura.url, 'https://example.org/laura');
  assert.equal(noelia.image.src, noelia.image.srcset.split(' ')[0], 'one rendition: src is the 480');
  // Every file the feed points to exists.
  for (const entry of feed.testimonials) {
    for (const candidate of entry.image.srcset.split(', '))
      await stat(join(dir, 'site', candidate.split(' ')[0]));
  }
});

test('--base-url makes image URLs absolute', async (t) => {
  const dir = await project(t, { 'a.png': await png(1000, 750) }, [
    'a.png,#NotWithThem because absolute,Ana',
  ]);
  assert.equal((await build(dir, '--base-url', 'https://cdn.example/nwt')).code, 0);
  const feed = await readFeed(dir);
  assert.match(
    feed.testimonials[0].image.src,
    /^https:\/\/cdn\.example\/nwt\/photos\/ana-[0-9a-f]{8}-960\.webp$/,
  );
  assert.deepEqual(parseFeed(feed).warnings, [], 'valid even without a base URL');
});

test('ids: from the sheet (as slugs), else from the name, always unique; one photo may serve two rows', async (t) => {
  const dir = await project(t, { 'a.png': await png(500, 400), 'b.png': await png(500, 400, '#000') }, [
    'a.png,#NotWithThem one,Ana',
    'b.png,#NotWithThem two,Ana',
    'a.png,#NotWithThem three,Someone,,,,,,Ana', // explicit id "Ana" → "ana", the derived ones move aside
  ]);
  const result = await build(dir, '--json');
  assert.equal(result.code, 0, result.stderr);
  assert.deepEqual(
    report(result).problems.map((p) => [p.row, p.severity, p.code]),
    [[4, 'warning', 'invalid-value']],
  );
  assert.deepEqual(
    (await readFeed(dir)).testimonials.map((e) => e.id),
    ['ana-2', 'ana-3', 'ana'],
  );
});

test('an unchanged photo is not processed again; a changed or removed one is, and its old renditions go', async (t) => {
  const dir = await project(t, { 'a.png': await png(1000, 800), 'b.png': await png(1000, 800, '#e9c46a') }, [
    'a.png,#NotWithThem because a,Ana',
    'b.png,#NotWithThem because b,Bea',
  ]);
  const first = report(await build(dir, '--json'));
  assert.deepEqual([first.counts.processed, first.counts.reused, first.counts.renditions], [2, 0, 4]);
  const feed1 = await readFile(join(dir, 'site/testimonials.json'), 'utf8');
  const names = await readdir(join(dir, 'site/photos'));
  const mtimes = Object.fromEntries(
    await Promise.all(names.map(async (n) => [n, (await stat(join(dir, 'site/photos', n))).mtimeMs])),
  );
  await writeFile(join(dir, 'site/photos/keep-me.txt'), 'not ours');

  const second = report(await build(dir, '--json'));
  assert.deepEqual([second.counts.processed, second.counts.reused, second.bytes.written], [0, 2, 0]);
  assert.ok(second.photos.every((p) => p.reused));
  assert.equal(
    await readFile(join(dir, 'site/testimonials.json'), 'utf8'),
    feed1,
    'same input, byte-identical feed',
  );
  for (const n of names)
    assert.equal((await stat(join(dir, 'site/photos', n))).mtimeMs, mtimes[n], `${n} not rewritten`);

  // Change b, drop nothing yet: only b is processed, b's old files are removed.
  await writeFile(join(dir, 'photos/b.png'), await png(1000, 800, '#264653'));
  const third = report(await build(dir, '--json'));
  assert.deepEqual([third.counts.processed, third.counts.reused], [1, 1]);
  const after = await readdir(join(dir, 'site/photos'));
  const oldB = names.filter((n) => n.startsWith('bea-'));
  for (const n of oldB) assert.ok(!after.includes(n), `${n} removed`);
  assert.ok(after.includes('keep-me.txt'), 'files the command did not write are left alone');
  assert.equal(after.filter((n) => n.endsWith('.webp')).length, 4);
  assert.ok(!after.some((n) => n.startsWith('.notwiththem-tmp')));
  assert.ok(
    !(await readdir(join(dir, 'site'))).some((n) => n.startsWith('.notwiththem-tmp')),
    'no temp folder left',
  );
});
