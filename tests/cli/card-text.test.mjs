// The words of a card before they are drawn: cuts, direction, markup escaping, and the font's coverage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cutText, missingCharacters, pangoEscape, textDirection } from '../../dist/esm/cli/card-text.js';
import { loadCardFont } from '../../dist/esm/cli/fonts.js';

test('cutText keeps a short text, cuts a long one between words with an ellipsis, never inside a grapheme', () => {
  assert.equal(cutText('  short\n quote ', 20), 'short quote');
  assert.equal(cutText('one two three four five six', 16), 'one two three…');
  assert.equal(cutText('words, and more words', 12), 'words, and…');
  const flags = '🇦🇷'.repeat(10);
  const cut = cutText(flags, 5);
  assert.equal(cut, `${'🇦🇷'.repeat(4)}…`, 'a flag is one grapheme');
});

test('textDirection follows the first strong letter', () => {
  assert.equal(textDirection('#NoConEllos porque'), 'ltr');
  assert.equal(textDirection('لسنا معهم #NotWithThem'), 'rtl');
  assert.equal(textDirection('123 — שלום'), 'rtl', 'digits and dashes are not strong');
  assert.equal(textDirection('2016'), 'ltr');
});

test('pangoEscape leaves no markup', () => {
  assert.equal(pangoEscape(`<b>"A" & 'B'</b>`), '&lt;b&gt;&quot;A&quot; &amp; &#39;B&#39;&lt;/b&gt;');
});

test('the card font covers Latin, accented Spanish and Arabic, and names what it lacks', async () => {
  const font = await loadCardFont();
  assert.equal(font.files.length, 6);
  const text = '¿Por qué? Ñandú, pingüino, acción — «sí» لسنا معهم لأنهم ١٢٣ \u202Eoverride\u202C\u200D';
  assert.deepEqual(missingCharacters(text, font.covers), []);
  assert.deepEqual(missingCharacters('No 我们 ✊🏽 here', font.covers), ['我', '们', '✊', '🏽']);
});
