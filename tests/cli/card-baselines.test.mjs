// The cards as people see them: a Spanish and an Arabic caption compared with baselines committed in
// tests/cli/baselines/ (the font ships with npm, so every machine draws the same letters).
// NWT_UPDATE_BASELINES=1 node --test tests/cli/card-baselines.test.mjs writes them anew: look at them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { renderCards } from '../../dist/esm/cli/cards.js';
import { scratch } from './helpers.mjs';

const BASELINES = new URL('./baselines/', import.meta.url);

/** A person holding a sign, off-centre on a wide photo: the crop must find them. */
const PHOTO = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1200">
  <rect width="1600" height="1200" fill="#7a8fa6"/><rect y="820" width="1600" height="380" fill="#4a5a48"/>
  <circle cx="1080" cy="360" r="110" fill="#d9a27a"/><rect x="960" y="470" width="240" height="420" rx="40" fill="#23395d"/>
  <rect x="860" y="600" width="440" height="260" fill="#f3e6c4" stroke="#8a6d3b" stroke-width="8"/>
  <rect x="900" y="650" width="360" height="40" fill="#b3122e"/><rect x="900" y="720" width="300" height="24" fill="#333"/>
  <rect x="900" y="770" width="260" height="24" fill="#333"/></svg>`;

const CASES = {
  es: {
    quote:
      '#NoConEllos porque representan a la clase capitalista: ¿quién defiende a los trabajadores? Ñandú, acción, corazón, pingüino.',
    name: 'María Ñúñez Güemes',
    role: 'Legisladora, Provincia de Córdoba',
    place: 'Córdoba, Argentina',
    hashtag: 'NoConEllos',
  },
  ar: {
    quote: 'لسنا معهم لأنهم يمثلون الطبقة الرأسمالية، والعمال لا الرؤساء هم من يجب أن يقرروا',
    name: 'رؤول غودوي',
    role: 'نائب، مقاطعة نيوكين',
    place: 'نيوكين، الأرجنتين',
    hashtag: 'NotWithThem',
  },
};

/** Mean difference per channel (0–255) and the share of pixels off by more than 48 in some channel. */
async function difference(a, b) {
  const [x, y] = await Promise.all([a, b].map((img) => sharp(img).removeAlpha().raw().toBuffer()));
  assert.equal(x.length, y.length);
  let sum = 0;
  let off = 0;
  for (let i = 0; i < x.length; i += 3) {
    const d = [0, 1, 2].map((c) => Math.abs(x[i + c] - y[i + c]));
    sum += d[0] + d[1] + d[2];
    if (Math.max(...d) > 48) off++;
  }
  return { mean: sum / x.length, off: off / (x.length / 3) };
}

for (const [lang, words] of Object.entries(CASES)) {
  test(`card baseline: ${lang === 'es' ? 'Spanish' : 'Arabic'} caption, both formats`, async (t) => {
    const dir = await scratch(t);
    const photo = join(dir, 'photo.svg');
    await writeFile(photo, PHOTO);
    const cards = await renderCards(
      { path: photo, hash: 'baseline' },
      words,
      `card-${lang}`,
      join(dir, 'none'),
      dir,
    );
    assert.equal(cards.length, 2);
    for (const card of cards) {
      const made = join(dir, card.name);
      const baseline = new URL(`card-${lang}-${card.width}x${card.height}.jpg`, BASELINES);
      if (process.env.NWT_UPDATE_BASELINES) {
        await mkdir(BASELINES, { recursive: true });
        await copyFile(made, baseline);
        continue;
      }
      const { mean, off } = await difference(await readFile(made), await readFile(baseline));
      assert.ok(
        mean < 1.5 && off < 0.005,
        `${card.name} differs from its baseline: mean ${mean.toFixed(2)}, ${(off * 100).toFixed(2)}% of pixels`,
      );
    }
  });
}

test('card baseline: the comparison sees a wrong card (a left-to-right layout for the Arabic quote)', async (t) => {
  const dir = await scratch(t);
  const photo = join(dir, 'photo.svg');
  await writeFile(photo, PHOTO);
  // The same words with a Latin first letter: the layout is not mirrored, so the card must differ.
  const [card] = await renderCards(
    { path: photo, hash: 'baseline' },
    { ...CASES.ar, quote: `NWT ${CASES.ar.quote}` },
    'card-wrong',
    join(dir, 'none'),
    dir,
  );
  const { off } = await difference(
    await readFile(join(dir, card.name)),
    await readFile(new URL('card-ar-1200x630.jpg', BASELINES)),
  );
  assert.ok(off > 0.05, `only ${(off * 100).toFixed(2)}% of pixels differ`);
});
