// The focal point build-feed writes: found in the picture by sharp's attention strategy, or the sheet's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseFeed } from '../../dist/esm/feed/parse.js';
import { buildFeed, personPhoto, project as sheetProject, report, ROOT } from './helpers.mjs';

/** The portrait fixture's first photo: face at 50% 17%, a lettered sign from 50% to 76% of the height. */
const SIGN_PHOTO = 'maria-de-los-angeles-fernandez-etcheverr-54f2c0e3-960.webp';

const HEADER = 'file,quote,name,focus';
const project = (t, photos, rows) => sheetProject(t, photos, rows, HEADER);

const build = (dir) => buildFeed(dir, '--json');

const focusOf = (feed) =>
  Object.fromEntries(
    feed.testimonials.map((entry) => [
      entry.id,
      entry.image.focus
        .match(/^(\d+)% (\d+)%$/)
        .slice(1)
        .map(Number),
    ]),
  );

test('every photo gets the focal point sharp finds in it: on the face, in portrait and landscape', async (t) => {
  const dir = await project(
    t,
    {
      'portrait.jpg': await personPhoto(600, 900, 0.5, 0.16),
      'landscape.jpg': await personPhoto(1200, 800, 0.78, 0.35),
      'left.jpg': await personPhoto(1200, 800, 0.2, 0.3),
      // A portrait whose sign's lettering, under the face, is what attention finds on the whole picture.
      'sign.webp': await readFile(join(ROOT, 'tests/fixtures/portraits/photos', SIGN_PHOTO)),
    },
    [
      'portrait.jpg,#NotWithThem a,Ana',
      'landscape.jpg,#NotWithThem b,Bea',
      'left.jpg,#NotWithThem c,Cel',
      'sign.webp,#NotWithThem d,Dora',
    ],
  );
  const result = await build(dir);
  assert.equal(result.code, 0, result.stderr);
  const feed = JSON.parse(await readFile(join(dir, 'site/testimonials.json'), 'utf8'));
  const focus = focusOf(feed);
  // The face is at the point given to personPhoto; the sign under it pulls the point down a little.
  const near = ([x, y], [ex, ey], id) =>
    assert.ok(
      Math.abs(x - ex) <= 12 && Math.abs(y - ey) <= 15,
      `${id}: focus ${x}% ${y}%, face at ${ex}% ${ey}%`,
    );
  near(focus.ana, [50, 16], 'portrait');
  near(focus.bea, [78, 35], 'landscape');
  near(focus.cel, [20, 30], 'landscape, left');
  near(focus.dora, [50, 17], 'portrait with a lettered sign');
  // The gallery keeps every one of them.
  const parsed = parseFeed(feed, { baseUrl: 'https://campaign.example/testimonials.json' });
  assert.deepEqual(parsed.warnings, []);
  assert.deepEqual(
    parsed.testimonials.map((entry) => entry.image.focus),
    feed.testimonials.map((entry) => entry.image.focus),
  );

  // Built again, the renditions are reused and the focal points found in them are the same.
  const again = await build(dir);
  assert.equal(again.code, 0, again.stderr);
  assert.equal(report(again).counts.reused, 4);
  assert.deepEqual(focusOf(JSON.parse(await readFile(join(dir, 'site/testimonials.json'), 'utf8'))), focus);
});

test("the sheet's focus column overrides the focal point; a bad one is a warning and the found one is kept", async (t) => {
  const photo = await personPhoto(600, 900, 0.5, 0.16);
  const dir = await project(t, { 'a.jpg': photo, 'b.jpg': photo, 'c.jpg': photo }, [
    'a.jpg,#NotWithThem a,Ana,30%  10.5%',
    'b.jpg,#NotWithThem b,Bea,top',
    'c.jpg,#NotWithThem c,Cel,50% 120%',
  ]);
  const result = await build(dir);
  assert.equal(result.code, 0, result.stderr);
  const { problems } = report(result);
  assert.deepEqual(
    problems.map((p) => [p.severity, p.code, p.row, p.column]),
    [
      ['warning', 'invalid-value', 3, 'focus'],
      ['warning', 'invalid-value', 4, 'focus'],
    ],
  );
  assert.match(problems[0].message, /focus "top" is not two percentages/);
  const feed = JSON.parse(await readFile(join(dir, 'site/testimonials.json'), 'utf8'));
  const [a, b, c] = feed.testimonials.map((entry) => entry.image.focus);
  assert.equal(a, '30% 10.5%', 'written with one space, as the gallery reads it');
  assert.equal(b, c, 'the rows with a bad focus keep the one found in the photo');
  assert.notEqual(b, a);
});
