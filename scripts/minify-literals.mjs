// A Vite (Rolldown) plugin for the script-tag bundle, and a step of the npm build: shrinks the text inside
// Lit's tagged templates, which a JavaScript minifier leaves alone.
//
// - css`…` without `${}`: minified by lightningcss (a dependency of Vite 8), with the browsers the element needs
//   as targets, and with the transforms that would change meaning turned off (`:dir()` lowering, prefixes,
//   logical properties). css`…` with `${}` only gets its line breaks and indentation collapsed. In the bundle
//   (`constructedSheets`) the minified text becomes a constructed CSSStyleSheet instead of Lit's CSSResult, so
//   Lit's `css` tag and CSSResult class are left out of it (Lit adopts either alike).
// - html`…` and svg`…`: every run of white space that holds a line break becomes one space (what the HTML
//   parser renders it as anyway), and such a run at the very start or end of a template, between a
//   tag's `>` and the next `<` or `${}`, between a `${}` and the next `<`, or before a tag's closing `>`,
//   is dropped (the element's templates lay such tags out in blocks or flex and grid rows, where that
//   space renders as nothing; between two `${}` it stays). Static attribute values of plain word characters lose
//   their quotes. Templates with <pre>, <textarea> or a line continuation are left as they are.
// - In the script-tag bundle, the private custom properties (`--_accent`…) get one- or two-letter names
//   (`shortCustomProperties`).
//
// What is cut from Lit itself is in lit-cuts.mjs; the short names of private members in private-names.mjs.
//
// Why not @lit-labs/rollup-plugin-minify-html-literals: it is not a dependency here (nothing new is installed
// for one build step), and it runs html-minifier-terser over the templates, which is more than this needs.
// Templates are found with the TypeScript parser, so strings, comments and nested templates are no problem.
// Only modules under src/ are touched; Lit's own templates are already minified.
import { Buffer } from 'node:buffer';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { Features, transform as transformCss } from 'lightningcss';
import { RolldownMagicString } from 'rolldown';

/**
 * The element's browser baseline (light-dark(), container queries, color-mix, :dir): see README "Browser
 * support". These browsers all read light-dark(), so lightningcss leaves it as written instead of
 * spelling every colour of the palette out twice through fallback variables.
 */
const cssTargets = { chrome: 123 << 16, edge: 123 << 16, firefox: 125 << 16, safari: (17 << 16) | (5 << 8) };
const keepAsWritten = Features.DirSelector | Features.VendorPrefixes | Features.LogicalProperties;

/** Minifies a css`` template's text (no `${}` inside). */
export function minifyCss(text) {
  const { code } = transformCss({
    filename: 'template.css',
    code: Buffer.from(text),
    minify: true,
    targets: cssTargets,
    exclude: keepAsWritten,
  });
  return tightenValues(code.toString());
}

/**
 * The white space lightningcss keeps in values it does not parse (those with `var()`, custom properties,
 * `content`'s alt text): none is needed after a comma or around `*` and `/` (only `+` and `-` in `calc()`
 * need it). Strings stay as written.
 */
export function tightenValues(css) {
  return css
    .split(/("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/)
    .map((part, i) => (i % 2 ? part : part.replace(/, /g, ',').replace(/ ([*/]) /g, '$1')))
    .join('');
}

/**
 * Collapses white space that holds a line break; `first`/`last` say whether the piece opens/closes the template.
 * A piece lies between two `${}` (or a template's ends): a run at its start goes when a tag opens or
 * closes right after it, a run at its end when a tag closed right before it, and a run inside a closing
 * tag (`</a\n>`, as Prettier breaks a long line) goes too.
 */
export function collapseWhitespace(text, first, last) {
  let out = text
    .replace(/>[ \t\r\f]*\n[ \t\r\n\f]*</g, '><')
    .replace(/(<\/[a-zA-Z][\w-]*)[ \t\r\f]*\n[ \t\r\n\f]*>/g, '$1>')
    .replace(/[ \t\r\n\f]*\n[ \t\r\n\f]*/g, ' ');
  if (/^[ \t\r\f]*\n/.test(text) && (first || /^ [<>]/.test(out))) out = out.replace(/^ /, '');
  if (/\n[ \t\r\f]*$/.test(text) && (last || />$/.test(out.slice(0, -1)))) out = out.replace(/ $/, '');
  return out;
}

/**
 * `name="value"` becomes `name=value` where the value is plain word characters (the HTML parser reads both
 * alike); before `/>` with a space, since an unquoted value runs on through the `/`
 * (`fill=currentColor/>` is `fill="currentColor/"`, an invalid colour).
 */
export function unquoteAttributes(text) {
  return text.replace(/(\s[a-z][\w-]*)="([\w-]+)"(\/?)/g, (_, name, value, slash) =>
    slash ? `${name}=${value} /` : `${name}=${value}`,
  );
}

const TAGS = new Set(['html', 'svg', 'css']);

/**
 * The edits `[start, end, text]` (UTF-16 offsets into `code`) that shrink the templates in one module.
 * `constructedSheets`: a css`…` without `${}` becomes an expression that makes a CSSStyleSheet.
 */
export function templateEdits(code, fileName, { constructedSheets = false } = {}) {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && TAGS.has(node.tag.text)) {
      const sheet = constructedSheets && node.tag.text === 'css' ? node : undefined;
      editTemplate(node.tag.text, node.template, code, edits, sheet);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return edits;
}

function editTemplate(tag, template, code, edits, sheet) {
  // The raw text of each piece, between its delimiters (` … ${, } … ${, } … `).
  const pieces = ts.isNoSubstitutionTemplateLiteral(template)
    ? [template]
    : [template.head, ...template.templateSpans.map((span) => span.literal)];
  const spans = pieces.map((piece) => {
    const start = piece.getStart() + 1;
    const end = piece.end - (ts.isTemplateHead(piece) || ts.isTemplateMiddle(piece) ? 2 : 1);
    return { start, end, text: code.slice(start, end) };
  });
  const whole = spans.map((span) => span.text).join('');
  if (/\\\r?\n/.test(whole)) return;
  if (tag === 'css' && spans.length === 1) {
    const minified = minifyCss(whole);
    if (/`|\$\{|\\/.test(minified)) return;
    if (sheet) edits.push([sheet.getStart(), sheet.end, constructedSheet(minified)]);
    else edits.push([spans[0].start, spans[0].end, minified]);
    return;
  }
  if (tag !== 'css' && /<(pre|textarea)\b/i.test(whole)) return;
  spans.forEach((span, index) => {
    const collapsed = unquoteAttributes(
      collapseWhitespace(span.text, index === 0, index === spans.length - 1),
    );
    if (collapsed !== span.text) edits.push([span.start, span.end, collapsed]);
  });
}

/** An expression for a CSSStyleSheet holding `text` (no backquote, `${` or backslash in it). */
function constructedSheet(text) {
  return `((sheet) => (sheet.replaceSync(\`${text}\`), sheet))(new CSSStyleSheet())`;
}

/**
 * `--_name` becomes `--_a`, `--_b`…, the most used first, everywhere in the chunk: the sheets and the
 * scripts that read or write one (`--_spv`, `--_slots`). These private custom properties are the
 * element's own (the public ones are `--nwt-*`), and each keeps one name throughout.
 */
export function shortCustomPropertyNames(code) {
  const counts = new Map();
  for (const [name] of code.matchAll(/--_[\w-]+/g)) counts.set(name, (counts.get(name) ?? 0) + 1);
  const names = [...counts.keys()].sort((a, b) => counts.get(b) - counts.get(a) || (a < b ? -1 : 1));
  const short = (i) => (i < 26 ? '' : short(Math.floor(i / 26) - 1)) + String.fromCharCode(97 + (i % 26));
  const map = new Map(names.map((name, i) => [name, `--_${short(i)}`]));
  return code.replace(/--_[\w-]+/g, (name) => map.get(name));
}

/** @returns {import('vite').Plugin} */
export function shortCustomProperties() {
  return {
    name: 'nwt:short-custom-properties',
    apply: 'build',
    renderChunk(code) {
      const out = shortCustomPropertyNames(code);
      return out === code ? null : { code: out, map: null };
    },
  };
}

/**
 * @param {{ constructedSheets?: boolean }} [options] see `templateEdits`
 * @returns {import('vite').Plugin}
 */
export function minifyLitLiterals(options = {}) {
  return {
    name: 'nwt:minify-lit-literals',
    enforce: 'pre',
    apply: 'build',
    transform(code, id) {
      const file = id.split('?')[0];
      if (!/\/src\/.*\.ts$/.test(file) || !/\b(html|svg|css)`/.test(code)) return null;
      const edits = templateEdits(code, file, options);
      if (edits.length === 0) return null;
      const s = new RolldownMagicString(code, { filename: file });
      for (const [start, end, text] of edits) {
        if (end > start) s.overwrite(start, end, text);
        else if (text) s.appendLeft(start, text);
      }
      return {
        code: s.toString(),
        map: JSON.parse(s.generateMap({ hires: 'boundary', source: file, includeContent: true }).toString()),
      };
    },
  };
}

/** Files under `dir` (recursively) whose path matches `keep`. */
export function filesUnder(dir, keep) {
  return readdirSync(dir, { recursive: true })
    .map((name) => join(dir, String(name)).replace(/\\/g, '/'))
    .filter((path) => keep(path));
}

/**
 * The same template shrinking for the npm build: rewrites each ES module under `dir` (tsc's output) in
 * place, so that an app bundling the package gets the templates the script-tag bundle has. Returns the
 * number of bytes saved.
 */
export function minifyModuleTemplates(dir, keep = () => true) {
  let saved = 0;
  for (const file of filesUnder(dir, (path) => path.endsWith('.js') && keep(path))) {
    const code = readFileSync(file, 'utf8');
    if (!/\b(html|svg|css)\s*`/.test(code)) continue;
    const edits = templateEdits(code, file).sort((a, b) => b[0] - a[0]);
    if (edits.length === 0) continue;
    let out = code;
    for (const [start, end, text] of edits) out = out.slice(0, start) + text + out.slice(end);
    saved += Buffer.byteLength(code) - Buffer.byteLength(out);
    writeFileSync(file, out);
  }
  return saved;
}
