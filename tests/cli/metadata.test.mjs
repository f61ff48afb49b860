// What comes out of a phone photo: no EXIF, GPS, XMP, IPTC or ICC; upright; the right sizes; never upscaled.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import sharp from 'sharp';
import { buildFeed, project, phoneJpeg, png, gpsEntries, riffChunks, report } from './helpers.mjs';

const build = (dir, ...extra) => buildFeed(dir, '--json', ...extra);

test('the fixture really carries camera EXIF, GPS, XMP, IPTC and an ICC profile', async () => {
  const meta = await sharp(await phoneJpeg()).metadata();
  assert.ok(meta.exif?.includes('TestCam'));
  assert.ok(gpsEntries(meta.exif) >= 4, 'GPS IFD with latitude and longitude');
  assert.ok(meta.xmp?.includes('http://ns.adobe.com/xap'));
  assert.ok(meta.iptc?.includes('Plaza de Mayo'));
  assert.ok(meta.icc, 'ICC profile');
});

test('renditions carry no metadata at all, are sRGB WebP, and the originals are untouched', async (t) => {
  const original = await phoneJpeg();
  const dir = await project(t, { 'phone.jpg': original }, ['phone.jpg,#NotWithThem because test,Ana']);
  const result = await build(dir);
  assert.equal(result.code, 0, result.stderr);
  const r = report(result);
  const files = r.photos[0].renditions.map((x) => x.name);
  assert.deepEqual(
    r.photos[0].renditions.map((x) => x.width),
    [480, 960, 1440],
  );
  for (const name of files) {
    const bytes = await readFile(join(dir, 'site/photos', name));
    const meta = await sharp(bytes).metadata();
    assert.equal(meta.format, 'webp');
    for (const key of ['exif', 'icc', 'iptc', 'xmp', 'orientation'])
      assert.equal(meta[key], undefined, `${name}: ${key}`);
    assert.equal(meta.space, 'srgb');
    assert.equal(meta.hasProfile, false);
    for (const needle of [
      'Exif',
      'GPS',
      'http://ns.adobe.com/xap',
      'TestCam',
      'Photoshop',
      '8BIM',
      'Plaza de Mayo',
      'Display P3',
    ]) {
      assert.equal(bytes.includes(needle), false, `${name} contains "${needle}"`);
    }
    for (const chunk of riffChunks(bytes))
      assert.ok(['VP8 ', 'VP8L', 'VP8X', 'ALPH'].includes(chunk), `${name}: chunk ${chunk}`);
  }
  assert.deepEqual(await readFile(join(dir, 'photos/phone.jpg')), original, 'original unchanged');
});

test('EXIF orientation 6 is applied: a 1600x1200 sensor image becomes a 1200x1600 portrait, never upscaled', async (t) => {
  const dir = await project(t, { 'sideways.jpg': await phoneJpeg({ orientation: 6 }) }, [
    'sideways.jpg,#NotWithThem because upright',
  ]);
  const result = await build(dir);
  assert.equal(result.code, 0, result.stderr);
  const [photo] = report(result).photos;
  // 1200 px wide once upright: 1440 would be an upscale, so it is skipped.
  assert.deepEqual(
    photo.renditions.map((x) => [x.width, x.height]),
    [
      [480, 640],
      [960, 1280],
    ],
  );
  const feed = JSON.parse(await readFile(join(dir, 'site/testimonials.json'), 'utf8'));
  assert.equal(feed.testimonials[0].image.width, 960);
  assert.equal(feed.testimonials[0].image.height, 1280);
  // Rotated 90° clockwise: the stored top (red) is now on the right, the bottom (blue) on the left.
  const { data, info } = await sharp(join(dir, 'site/photos', photo.renditions[0].name))
    .raw()
    .toBuffer({ resolveWithObject: true });
  const px = (x, y) => [
    ...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3),
  ];
  const [lr, , lb] = px(60, 320);
  const [rr, , rb] = px(420, 320);
  assert.ok(lb > 150 && lr < 80, `left should be blue, got ${px(60, 320)}`);
  assert.ok(rr > 150 && rb < 80, `right should be red, got ${px(420, 320)}`);
});

test('small photos are never upscaled but always get one rendition; widths in between stop at the original', async (t) => {
  const dir = await project(
    t,
    { 'tiny.png': await png(300, 200), 'mid.png': await png(1000, 500, '#e76f51') },
    ['tiny.png,#NotWithThem because small', 'mid.png,#NotWithThem because medium'],
  );
  const result = await build(dir);
  assert.equal(result.code, 0, result.stderr);
  const [tiny, mid] = report(result).photos;
  assert.deepEqual(
    tiny.renditions.map((x) => [x.width, x.height]),
    [[300, 200]],
  );
  assert.deepEqual(
    mid.renditions.map((x) => [x.width, x.height]),
    [
      [480, 240],
      [960, 480],
    ],
  );
  const feed = JSON.parse(await readFile(join(dir, 'site/testimonials.json'), 'utf8'));
  assert.match(feed.testimonials[1].image.color, /^#[0-9a-f]{6}$/);
  // The dominant colour of a flat #e76f51 image is (within the histogram bin) that colour.
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(feed.testimonials[1].image.color.slice(i, i + 2), 16));
  assert.ok(
    Math.abs(r - 0xe7) <= 8 && Math.abs(g - 0x6f) <= 8 && Math.abs(b - 0x51) <= 8,
    feed.testimonials[1].image.color,
  );
});

test('file names carry a content hash; the same bytes give the same names', async (t) => {
  const bytes = await png(800, 600);
  const dir = await project(t, { 'a.png': bytes }, ['a.png,#NotWithThem because hash,,,,,,,my-id']);
  const r = report(await build(dir));
  const hash = r.photos[0].hash;
  assert.match(hash, /^[0-9a-f]{8}$/);
  assert.deepEqual(
    r.photos[0].renditions.map((x) => x.name),
    [`my-id-${hash}-480.webp`],
  );
  const again = report(
    await build(await project(t, { 'b.png': bytes }, ['b.png,#NotWithThem because hash,,,,,,,my-id'])),
  );
  assert.equal(again.photos[0].hash, hash);
  assert.notEqual(
    hash,
    createHash('sha256').update(bytes).digest('hex').slice(0, 8),
    'the recipe is part of the hash',
  );
});
