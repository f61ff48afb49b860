// Vite (Rolldown) plugins that cut from Lit's own modules, in the two browser builds (the script-tag bundle and
// the iframe embed), the code this element never runs: the texts of the errors Lit throws for misuse (a
// developer sees those in Lit's development build, a reader never does), the `<style>` fallback for browsers
// without adoptedStyleSheets, decorators, declared accessors, property converters, split attribute values,
// async-directive bookkeeping and more, each described at its plugin.
//
// Each cut is a pattern that must match Lit's code: a Lit release that words it differently fails the build
// instead of keeping the code or cutting something else. A cut that depends on how our modules use Lit reads
// them at build start and fails the build when one of them uses what it removes (a decorator, a partial
// attribute binding…), naming the file and the use. The npm modules keep Lit whole: an app bundling the package shares
// the app's Lit.
import { readFileSync } from 'node:fs';
import ts from 'typescript';

/**
 * Lit's error texts: `Error("…")` with a string literal, or with string literals joined by `+` to plain
 * names (`Error("Value passed to 'css' …: "+t+". Use …")`), becomes `Error()`.
 */
export function stripErrorTexts(code) {
  const text = '"(?:[^"\\\\]|\\\\.)*"';
  return code.replace(new RegExp(`\\bError\\(${text}(?:\\+[\\w$.]+\\+${text})*\\)`, 'g'), 'Error()');
}

/**
 * Lit's test for adoptedStyleSheets (and for the ShadyCSS polyfill), in `@lit/reactive-element/css-tag.js`,
 * becomes `true`: the element's browsers (README, "Browser support") all have them and never run the
 * polyfill, so terser drops Lit's `<style>` fallback and the conversion of sheets back to text. The build
 * fails when a Lit release words the test differently.
 * @returns {import('vite').Plugin}
 */
export function litBaseline() {
  const test =
    /\b[\w$]+\.ShadowRoot&&\(void 0===[\w$]+\.ShadyCSS\|\|[\w$]+\.ShadyCSS\.nativeShadow\)&&"adoptedStyleSheets"in Document\.prototype&&"replace"in CSSStyleSheet\.prototype/;
  return {
    name: 'nwt:lit-baseline',
    apply: 'build',
    transform(code, id) {
      if (!/\/node_modules\/@lit\/reactive-element\/css-tag\.js$/.test(id.split('?')[0])) return null;
      if (!test.test(code)) this.error('lit-baseline: no adoptedStyleSheets test found in css-tag.js');
      return { code: code.replace(test, '!0'), map: null };
    },
  };
}

/**
 * Lit's default attribute converter, in `@lit/reactive-element/reactive-element.js`, loses its
 * `Object` and `Array` cases (JSON to and from the attribute): no property of the classes in `files`
 * has `type: Object` or `type: Array` (the element's objects, `testimonials` and `strings`, have no
 * attribute), which the build checks, as it checks that Lit still has both cases.
 * @returns {import('vite').Plugin}
 */
export function litJsonConverters(files) {
  const cases = [
    /case Object:case Array:([\w$]+)=null==\1\?\1:JSON\.stringify\(\1\)/,
    /case Object:case Array:try\{([\w$]+)=JSON\.parse\([\w$]+\)\}catch\([\w$]+\)\{\1=null\}/,
  ];
  return {
    name: 'nwt:lit-json-converters',
    apply: 'build',
    buildStart() {
      for (const file of files)
        if (/\btype:\s*(Object|Array)\b/.test(readFileSync(file, 'utf8')))
          this.error(`lit-json-converters: ${file} declares a property of type Object or Array`);
    },
    transform(code, id) {
      if (!/\/node_modules\/@lit\/reactive-element\/reactive-element\.js$/.test(id.split('?')[0]))
        return null;
      let out = code;
      for (const pattern of cases) {
        if (!pattern.test(out))
          this.error('lit-json-converters: a converter case not found in reactive-element.js');
        out = out.replace(pattern, '');
      }
      return { code: out, map: null };
    },
  };
}

/**
 * Lit's `svg` and `mathml` tags, in `lit-html/lit-html.js`, are made by calling its tag factory, a call the
 * bundler must keep unless it is annotated pure: annotated, the tags leave a build whose modules never
 * use them (ours write their SVG inside html templates), and a build that uses one keeps it. The build
 * fails when Lit no longer makes them that way.
 * @returns {import('vite').Plugin}
 */
export function litPureTags() {
  const tags = /([\w$]+)=([\w$]+)\(2\),([\w$]+)=\2\(3\)/;
  return {
    name: 'nwt:lit-pure-tags',
    apply: 'build',
    transform(code, id) {
      if (!/\/node_modules\/lit-html\/lit-html\.js$/.test(id.split('?')[0])) return null;
      if (!tags.test(code)) this.error('lit-pure-tags: no svg and mathml tags found in lit-html.js');
      const pure = '$1=/*#__PURE__*/$2(2),$3=/*#__PURE__*/$2(3)';
      return { code: code.replace(tags, pure), map: null };
    },
  };
}

/**
 * Parts of lit-html (`lit-html/lit-html.js`) that no template of the modules in `files` needs leave the
 * bundle: compiled templates (objects with an `h` that only @lit-labs/compiler makes; the bundle's Lit is
 * its own, so no other code hands it a template), element parts (`<div ${ref(…)}>`, a binding in a tag's
 * attribute position), raw text elements (`<style>`, `<script>`, `<textarea>`, `<title>` in a template),
 * comments (and bindings inside them), a child part's notice of its connection to async directives
 * (none is bundled), and the results of the `svg` and `mathml` tags (which `litPureTags` leaves
 * out when unused). The build fails when a module under `src/` uses one (`litPartsUsed`), or when Lit no longer
 * words one of them this way.
 * @returns {import('vite').Plugin}
 */
export function litTemplateParts(files) {
  const cuts = [
    // A template result's template: its number type means a template of ours, else a compiled one.
    [
      /"number"==typeof ([\w$]+)\?(this\._\$AC\([\w$]+\)):\(void 0===\1\.el&&\(\1\.el=[\w$]+\.createElement\([\w$]+\(\1\.h,\1\.h\[0\]\),this\.options\)\),\1\)/,
      '$2',
    ],
    // Raw text elements: their end tag sought as the end of their text, and bindings inside their text.
    [/\(([\w$]+)\.test\(([\w$]+)\[2\]\)&&\([\w$]+=RegExp\("<\/"\+\2\[2\],"g"\)\),([\w$]+=[\w$]+)\)/, '$3'],
    [
      /if\(([\w$]+)\.test\([\w$]+\.tagName\)\)\{const ([\w$]+)=[\w$]+\.textContent\.split\([\w$]+\),([\w$]+)=\2\.length-1;if\(\3>0\)\{[^]*?\.append\(\2\[\3\],[\w$]+\(\)\)\}\}/,
      '',
    ],
    // Templates of the svg`…` and mathml`…` tags (result types 2 and 3): wrapped, then unwrapped.
    [/([\w$]+)=2===([\w$]+)\?"<svg>":3===\2\?"<math>":""/, '$1=""'],
    [/\+\(2===[\w$]+\?"<\/svg>":3===[\w$]+\?"<\/math>":""\)/, ''],
    [
      /,2===([\w$]+)\|\|3===\1\)\{const ([\w$]+)=this\.el\.content\.firstChild;\2\.replaceWith\(\.\.\.\2\.childNodes\)\}/,
      ',0);',
    ],
    // Comments in a template: their text skipped up to `-->` (a `>` ends a bogus comment, `</1>`, still).
    [/"!--"===([\w$]+)\[1\]\?[\w$]+=[\w$]+:(void 0!==\1\[1\]\?)/, '$2'],
    [/([\w$]+)===[\w$]+\|\|(\1===[\w$]+\?\1=[\w$]+:\(\1=[\w$]+,[\w$]+=void 0\))/, '$2'],
    // Bindings inside a comment, counted as comment parts.
    [
      /if\(([\w$]+\.data===[\w$]+)\)([\w$]+\.push\(\{type:2,index:[\w$]+\}\));else\{let ([\w$]+)=-1;for\(;-1!==\(\3=[^;]*;\)[\w$]+\.push\(\{type:7,index:[\w$]+\}\),\3\+=[\w$]+\.length-1\}/,
      '$1&&$2;',
    ],
    // A child part telling async directives of a change of connection: only async-directive.js gives
    // a part the `_$AP` it calls (the build fails if a module that mentions `_$AP` is bundled).
    [/this\._\$AP\?\.\(!1,!0,[\w$]+\)(?=;)/, ''],
    [/(\(this\._\$Cv=[\w$]+),this\._\$AP\?\.\([\w$]+\)\)/, '$1)'],
    // An attribute that is a binding's marker, seen as an element part.
    [
      /else [\w$]+\.startsWith\([\w$]+\)&&\([\w$]+\.push\(\{type:6,index:[\w$]+\}\),[\w$]+\.removeAttribute\([\w$]+\)\)/,
      '',
    ],
    // The element part made for it (its class then has no other use in the bundle).
    [/:6===([\w$]+)\.type&&\([\w$]+=new [\w$]+\([\w$]+,this,[\w$]+\)\)/, ':0'],
  ];
  return {
    name: 'nwt:lit-template-parts',
    apply: 'build',
    buildStart() {
      for (const file of files)
        for (const use of litPartsUsed(readFileSync(file, 'utf8'), file))
          this.error(`lit-template-parts: ${file} needs a part of Lit the bundle leaves out: ${use}`);
    },
    transform(code, id) {
      if (!/\/node_modules\/lit-html\/lit-html\.js$/.test(id.split('?')[0])) {
        if (code.includes('_$AP')) this.error(`lit-template-parts: ${id} calls a part's _$AP`);
        return null;
      }
      let out = code;
      for (const [pattern, to] of cuts) {
        if (!pattern.test(out)) this.error(`lit-template-parts: ${pattern} not found in lit-html.js`);
        out = out.replace(pattern, to);
      }
      return { code: out, map: null };
    },
  };
}

/**
 * What html`…` templates in `code` would need of the parts `litTemplateParts` removes: each binding Lit
 * would make an element part of (a `${}` inside a tag that is not an attribute's value: `<div ${x}>`), as
 * the tag's text up to it; each raw text element (`<style>`, `<script>`, `<textarea>`, `<title>`, whose
 * content Lit reads as text and may bind in); each comment, and each binding inside one; each svg`…` or mathml`…`.
 */
export function litPartsUsed(code, fileName = 'module.ts') {
  const found = [];
  for (const { tag, events } of templatesIn(code, fileName)) {
    if (tag === 'svg' || tag === 'mathml') found.push(`${tag}\`…\``);
    for (const event of events) {
      if (event.opens) found.push(event.opens);
      else if (event.state === 'comment') found.push('<!-- ${…}');
      // A value, then: unquoted right after `=`, or inside quotes; else the binding is the tag's own.
      else if (event.state === 'tag' && !/=\s*$/.test(event.before)) found.push(`${event.tag}\${…}`);
    }
  }
  return found;
}

/**
 * The html`…` (svg`…`, mathml`…`) templates in `code` as Lit reads them, in order: each one's tag and its
 * `events`, in order: what it opens that Lit reads apart (`{ opens: '<!--' }`, `{ opens: '<style>' }`
 * for a raw text element) and each binding (`{ state, tag, before, after }`: where it is, `text`, `tag`,
 * the quote of a quoted value or `comment`; the tag's text up to it; the template's text before and
 * after it up to the next binding).
 */
function templatesIn(code, fileName) {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const templates = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text !== 'css') {
      const { template } = node;
      const events = [];
      templates.push({ tag: node.tag.text, events });
      const pieces = ts.isNoSubstitutionTemplateLiteral(template)
        ? [template.text]
        : [template.head.text, ...template.templateSpans.map((span) => span.literal.text)];
      // Outside a tag, inside one, inside a quoted value (its quote), inside a comment.
      let state = 'text';
      let tag = '';
      pieces.forEach((piece, index) => {
        for (let i = 0; i < piece.length; i++) {
          const c = piece[i];
          if (state === 'text') {
            if (piece.startsWith('<!--', i)) {
              events.push({ opens: '<!--' });
              state = 'comment';
              i += 3;
            } else if (c === '<' && /[a-z]/i.test(piece[i + 1] ?? '')) {
              state = 'tag';
              tag = '';
              const raw = /^<(script|style|textarea|title)\b/i.exec(piece.slice(i));
              if (raw) events.push({ opens: `<${raw[1]}>` });
            }
          } else if (state === 'comment') {
            if (piece.startsWith('-->', i)) {
              state = 'text';
              i += 2;
            }
          } else if (state === 'tag') {
            if (c === '>') state = 'text';
            else if (c === '"' || c === "'") state = c;
          } else if (c === state) state = 'tag';
          if (state !== 'text' && state !== 'comment') tag += c;
        }
        if (index === pieces.length - 1) return;
        events.push({ state, tag, before: piece, after: pieces[index + 1] });
        if (state !== 'text' && state !== 'comment') tag += '${…}';
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return templates;
}

/**
 * A plugin that cuts code the bundle never runs out of Lit's modules. `cuts` are
 * `[module, pattern, replacement]`, `module` a path under node_modules (`lit-html/lit-html.js`). Every
 * pattern must match, so a Lit release that words the code differently fails the build instead of
 * keeping it or cutting something else. `problems()` (at build start) lists what in our modules needs
 * the code cut; `reads` is a pattern that no other module of the build may match (a module that does
 * would need the code cut).
 * @returns {import('vite').Plugin}
 */
export function litCuts(name, cuts, { problems = () => [], reads } = {}) {
  const modules = new Set(cuts.map(([module]) => module));
  return {
    name: `nwt:${name}`,
    apply: 'build',
    buildStart() {
      for (const problem of problems()) this.error(`${name}: ${problem}`);
    },
    transform(code, id) {
      const file = id.split('?')[0].replace(/\\/g, '/');
      const module = [...modules].find((path) => file.endsWith(`/node_modules/${path}`));
      if (!module) {
        if (reads?.test(code)) this.error(`${name}: ${id} needs what the bundle cuts from Lit (${reads})`);
        return null;
      }
      let out = code;
      for (const [, pattern, to] of cuts.filter(([path]) => path === module)) {
        const next = out.replace(pattern, to);
        if (next === out) this.error(`${name}: ${pattern} not found in ${module}`);
        out = next;
      }
      return { code: out, map: null };
    },
  };
}

const REACTIVE_ELEMENT = '@lit/reactive-element/reactive-element.js';
const LIT_ELEMENT = 'lit-element/lit-element.js';
const LIT_HTML = 'lit-html/lit-html.js';

/**
 * Lit's bookkeeping for async directives (lit-html's `async-directive.js`, which no module of the build
 * imports): whether a part is connected (`_$AU`, the render option `isConnected`, `setConnected`, which
 * LitElement calls on connect and disconnect), a part's disconnectable children (`_$AN`) and the notice
 * to a directive that is replaced (`_$AO`). The build fails if another module reads one of them.
 * @returns {import('vite').Plugin}
 */
export function litAsyncConnection() {
  return litCuts(
    'lit-async-connection',
    [
      [LIT_ELEMENT, /this\.hasUpdated\|\|\(this\.renderOptions\.isConnected=this\.isConnected\),/, ''],
      [
        LIT_ELEMENT,
        /connectedCallback\(\)\{super\.connectedCallback\(\),this\._\$Do\?\.setConnected\(!0\)\}disconnectedCallback\(\)\{super\.disconnectedCallback\(\),this\._\$Do\?\.setConnected\(!1\)\}/,
        '',
      ],
      [LIT_HTML, /get _\$AU\(\)\{return this\._\$AM\._\$AU\}/g, ''],
      [LIT_HTML, /get _\$AU\(\)\{return this\._\$AM\?\._\$AU\?\?this\._\$Cv\}/, ''],
      [LIT_HTML, /,this\._\$Cv=[\w$]+\?\.isConnected\?\?!0/, ''],
      [
        LIT_HTML,
        /setConnected\(([\w$]+)\)\{void 0===this\._\$AM&&\(this\._\$Cv=\1(?:,this\._\$AP\?\.\(\1\))?\)\}/,
        '',
      ],
      [LIT_HTML, /this\._\$AN=void 0,/g, ''],
      [LIT_HTML, /[\w$]+\?\._\$AO\?\.\(!1\),/, ''],
      ['lit-html/directive.js', /get _\$AU\(\)\{return this\._\$AM\._\$AU\}/, ''],
    ],
    { reads: /_\$A[UON]\b|\bsetConnected\b/ },
  );
}

/**
 * What the classes in `files` declare of Lit's reactive properties: each key of a `static properties`
 * object (`[…]` for a computed one) with the names of its options (`[…]` when they are not an object
 * literal), whether the class also declares an accessor (`get`/`set`, `accessor`) of that name; and
 * each decorator (`@…`).
 */
export function reactiveDeclarations(files) {
  const properties = [];
  const decorators = [];
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const nameOf = (node) =>
      !node.name
        ? `[${node.getText(source)}]`
        : ts.isComputedPropertyName(node.name)
          ? node.name.getText(source)
          : node.name.getText(source).replace(/^['"]|['"]$/g, '');
    const visit = (node) => {
      if (ts.canHaveDecorators(node) && ts.getDecorators(node)?.length)
        decorators.push(`${file}: ${node.getText(source).split('\n')[0]}`);
      if (ts.isClassLike(node)) {
        const accessors = new Set(
          node.members
            .filter(
              (member) =>
                ts.isGetAccessor(member) ||
                ts.isSetAccessor(member) ||
                ts.getModifiers(member)?.some((m) => m.kind === ts.SyntaxKind.AccessorKeyword),
            )
            .map(nameOf),
        );
        for (const member of node.members) {
          const isStatic = ts.getCombinedModifierFlags(member) & ts.ModifierFlags.Static;
          if (!ts.isPropertyDeclaration(member) || !isStatic || nameOf(member) !== 'properties') continue;
          const object = member.initializer;
          const entries = object && ts.isObjectLiteralExpression(object) ? object.properties : [member];
          for (const entry of entries) {
            const value = ts.isPropertyAssignment(entry) ? entry.initializer : undefined;
            const options =
              value && ts.isObjectLiteralExpression(value)
                ? value.properties.map(nameOf)
                : [`[${entry.getText(source)}]`];
            const name = nameOf(entry);
            properties.push({ file, name, options, accessor: accessors.has(name) });
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { properties, decorators };
}

/**
 * Lit's handling of a reactive property whose class declares its own accessor (`wrapped`: its default
 * recorded from the accessor at the first update; the accessor Lit defines calls the declared one): no
 * class in `files` declares one, which the build checks.
 * @returns {import('vite').Plugin}
 */
export function litWrappedAccessors(files) {
  return litCuts(
    'lit-wrapped-accessors',
    [
      [
        REACTIVE_ELEMENT,
        /this\.prototype\.hasOwnProperty\(([\w$]+)\)&&\(\(([\w$]+)=Object\.create\(\2\)\)\.wrapped=!0\),/,
        '',
      ],
      [
        REACTIVE_ELEMENT,
        /const ([\w$]+)=this\.constructor\.elementProperties;if\(\1\.size>0\)for\(const\[([\w$]+),([\w$]+)\]of \1\)\{const\{wrapped:[\w$]+\}=\3,[\w$]+=this\[\2\];[^}]*\}/,
        '',
      ],
      [
        REACTIVE_ELEMENT,
        /C\(([\w$]+),([\w$]+),\{useDefault:([\w$]+),reflect:([\w$]+),wrapped:([\w$]+)\},([\w$]+)\)\{\3&&!\(this\._\$Ej\?\?=new Map\)\.has\(\1\)&&\(this\._\$Ej\.set\(\1,\6\?\?\2\?\?this\[\1\]\),!0!==\5\|\|void 0!==\6\)\|\|/,
        'C($1,$2,{useDefault:$3,reflect:$4}){$3&&!(this._$Ej??=new Map).has($1)&&(this._$Ej.set($1,$2??this[$1]),1)||',
      ],
      // The accessor Lit defines for a property calls the one the class declared, if any.
      [
        REACTIVE_ELEMENT,
        /static getPropertyDescriptor\(([\w$]+),([\w$]+),([\w$]+)\)\{const\{get:([\w$]+),set:([\w$]+)\}=[\w$]+\(this\.prototype,\1\)\?\?\{get\(\)\{return this\[\2\]\},set\(([\w$]+)\)\{this\[\2\]=\6\}\};return\{get:\4,set\(([\w$]+)\)\{const ([\w$]+)=\4\?\.call\(this\);\5\?\.call\(this,\7\),this\.requestUpdate\(\1,\8,\3\)\},configurable:!0,enumerable:!0\}\}/,
        'static getPropertyDescriptor($1,$2,$3){return{get(){return this[$2]},set(nwt$value){const nwt$old=this[$2];this[$2]=nwt$value,this.requestUpdate($1,nwt$old,$3)},configurable:!0,enumerable:!0}}',
      ],
    ],
    {
      problems: () =>
        reactiveDeclarations(files)
          .properties.filter((property) => property.accessor)
          .map(({ file, name }) => `${file} declares an accessor of its reactive property ${name}`),
    },
  );
}

/**
 * Lit's property options that no class in `files` declares, which the build checks: `converter` (the
 * default converter serves every property), `hasChanged` (the default comparison) and `noAccessor`; and
 * symbol keys in `static properties`.
 * @returns {import('vite').Plugin}
 */
export function litPropertyOptions(files) {
  const cut = new Set(['converter', 'hasChanged', 'noAccessor']);
  return litCuts(
    'lit-property-options',
    [
      [
        REACTIVE_ELEMENT,
        /\(void 0!==([\w$]+)\.converter\?\.toAttribute\?\1\.converter:([\w$]+)\)\.toAttribute/,
        '$2.toAttribute',
      ],
      [
        REACTIVE_ELEMENT,
        /"function"==typeof ([\w$]+)\.converter\?\{fromAttribute:\1\.converter\}:void 0!==\1\.converter\?\.fromAttribute\?\1\.converter:([\w$]+)/,
        '$2',
      ],
      [REACTIVE_ELEMENT, /\(([\w$]+)\.hasChanged\?\?([\w$]+)\)\(/, '$2('],
      [REACTIVE_ELEMENT, /,!([\w$]+)\.noAccessor\)\{/, ',1){'],
      [REACTIVE_ELEMENT, /\[\.\.\.([\w$]+)\(([\w$]+)\),\.\.\.[\w$]+\(\2\)\]/, '$1($2)'],
    ],
    {
      problems: () =>
        reactiveDeclarations(files).properties.flatMap(({ file, name, options }) => [
          ...(name.startsWith('[') ? [`${file} declares the property ${name}`] : []),
          ...options
            .filter((option) => cut.has(option) || option.startsWith('['))
            .map((option) => `${file} declares ${option} for ${name}`),
        ]),
    },
  );
}

/**
 * Lit's support for decorators, which no module of the build uses (the build checks that no class
 * under `files` has a decorator, and that no module reads `addInitializer` or `litPropertyMetadata`,
 * as Lit's decorators do): `addInitializer` and the initializers it keeps, the properties that standard
 * decorators record in `litPropertyMetadata`, and `requestUpdate`'s new value argument, which only
 * their accessors pass. The globals `Symbol.metadata` and `litPropertyMetadata` stay, as pages see them.
 * @returns {import('vite').Plugin}
 */
export function litDecorators(files) {
  return litCuts(
    'lit-decorators',
    [
      [
        REACTIVE_ELEMENT,
        /static addInitializer\(([\w$]+)\)\{this\._\$Ei\(\),\(this\.l\?\?=\[\]\)\.push\(\1\)\}/,
        '',
      ],
      [REACTIVE_ELEMENT, /void 0!==([\w$]+)\.l&&\(this\.l=\[\.\.\.\1\.l\]\),/, ''],
      [REACTIVE_ELEMENT, /,this\.constructor\.l\?\.forEach\(([\w$]+)=>\1\(this\)\)/, ''],
      [
        REACTIVE_ELEMENT,
        /const ([\w$]+)=this\[Symbol\.metadata\];if\(null!==\1\)\{const ([\w$]+)=litPropertyMetadata\.get\(\1\);if\(void 0!==\2\)for\(const\[[\w$]+,[\w$]+\]of \2\)this\.elementProperties\.set\([\w$]+,[\w$]+\)\}/,
        '',
      ],
      [
        REACTIVE_ELEMENT,
        /requestUpdate\(([\w$]+),([\w$]+),([\w$]+),([\w$]+)=!1,([\w$]+)\)\{if\(void 0!==\1\)\{const ([\w$]+)=this\.constructor;if\(!1===\4&&\(\5=this\[\1\]\),/,
        'requestUpdate($1,$2,$3){if(void 0!==$1){const $6=this.constructor,$5=this[$1];if(',
      ],
    ],
    {
      problems: () => reactiveDeclarations(files).decorators.map((where) => `a decorator in ${where}`),
      reads: /\baddInitializer\b|\blitPropertyMetadata\b/,
    },
  );
}

/**
 * LitElement's `renderBefore` render option, set to its render root's first child: the bundle's element
 * empties a root that holds a server's render (the bundle has no hydration) and adopts its styles as
 * constructed sheets, so that child is always `null`, which renders as no option does. The build
 * fails if a class under `files` that extends LitElement does not empty its root in `createRenderRoot`.
 * @returns {import('vite').Plugin}
 */
export function litRenderBefore(files) {
  return litCuts(
    'lit-render-before',
    [
      [
        LIT_ELEMENT,
        /createRenderRoot\(\)\{const ([\w$]+)=super\.createRenderRoot\(\);return this\.renderOptions\.renderBefore\?\?=\1\.firstChild,\1\}/,
        '',
      ],
    ],
    {
      problems: () =>
        files.filter(unemptiedRoot).map((file) => `${file} renders into a root it may not empty`),
    },
  );
}

/**
 * Lit's conversion of a CSSResult to its sheet when adopting styles, in `css-tag.js`: in the bundle
 * every css`…` of our modules is a constructed CSSStyleSheet already (`minifyLitLiterals` with
 * `constructedSheets`), which the build checks: it fails if a module still has a css`…` or calls
 * `unsafeCSS`.
 * @returns {import('vite').Plugin}
 */
export function litSheetsOnly() {
  return litCuts(
    'lit-sheets-only',
    [
      [
        '@lit/reactive-element/css-tag.js',
        /\.adoptedStyleSheets=([\w$]+)\.map\(([\w$]+)=>\2 instanceof CSSStyleSheet\?\2:\2\.styleSheet\)/,
        '.adoptedStyleSheets=$1',
      ],
    ],
    { reads: /\bcss\s*`|\bunsafeCSS\(/ },
  );
}

/**
 * lit-html's `creationScope` render option (the document or registry that clones a template): no module
 * of the build passes it, which the build checks.
 * @returns {import('vite').Plugin}
 */
export function litCreationScope() {
  return litCuts(
    'lit-creation-scope',
    [[LIT_HTML, /\(([\w$]+)\?\.creationScope\?\?([\w$]+)\)\.importNode/, '$2.importNode']],
    { reads: /\bcreationScope\b/ },
  );
}

/**
 * Each attribute binding of the html`…` templates in `code` that is not the attribute's whole value
 * (`class="a ${b}"`, `alt=${a}${b}`, `href="${u}/x"`): Lit keeps the value's strings for those and joins
 * them on each update, the case `litWholeAttributeValues` leaves out. As the tag's text up to the binding.
 */
export function attributeInterpolations(code, fileName = 'module.ts') {
  return templatesIn(code, fileName).flatMap(({ events }) =>
    events
      .filter(({ state, before, after }) =>
        state === 'tag'
          ? !(/=\s*$/.test(before) && /^(\s|\/?>)/.test(after))
          : (state === '"' || state === "'") &&
            !(new RegExp(`=\\s*${state}$`).test(before) && after.startsWith(state)),
      )
      .map(({ tag }) => `${tag}\${…}`),
  );
}

/**
 * lit-html's attribute values made of several strings and bindings (`class="a ${b}"`): every attribute
 * binding of a template under `files` is the attribute's whole value (`attributeInterpolations`), which
 * the build checks, so an attribute part commits its one value as it is, and keeps at most one directive
 * (in `_$Cl`, as a child part does; the build fails if another module reads `_$Co`, the list it had).
 * @returns {import('vite').Plugin}
 */
export function litWholeAttributeValues(files) {
  return litCuts(
    'lit-whole-attribute-values',
    [
      [
        LIT_HTML,
        /,([\w$]+)\.length>2\|\|""!==\1\[0\]\|\|""!==\1\[1\]\?\(this\._\$AH=Array\(\1\.length-1\)\.fill\(new String\),this\.strings=\1\):this\._\$AH=[\w$]+\}/,
        '}',
      ],
      [
        LIT_HTML,
        /_\$AI\(([\w$]+),([\w$]+)=this,[\w$]+,([\w$]+)\)\{const ([\w$]+)=this\.strings;let ([\w$]+)=!1;if\(void 0===\4\)(\1=[\w$]+\(this,\1,\2,0\)),\5=([^;{}]*?),\5&&\(this\._\$AH=\1\);else\{[^}]*\}\5&&!\3&&this\.j\(\1\)\}/,
        '_$AI($1,$2=this){$6,($7)&&(this._$AH=$1,this.j($1))}',
      ],
      [
        LIT_HTML,
        /void 0!==([\w$]+)\.strings\?\(\1\._\$AI\(([\w$]+),\1,([\w$]+)\),\3\+=\1\.strings\.length-2\):\1\._\$AI\(\2\[\3\]\)/,
        '$1._$AI($2[$3])',
      ],
      [
        LIT_HTML,
        /,([\w$]+)=([\w$]+)\.getAttribute\(([\w$]+)\)\.split\([\w$]+\),([\w$]+=\/\(\[\.\?@\]\)\?\(\.\*\)\/\.exec\([\w$]+\);[\w$]+\.push\(\{type:1,index:[\w$]+,name:[\w$]+\[2\],)strings:\1,/,
        ',$4',
      ],
      [LIT_HTML, /new ([\w$]+)\.ctor\(([\w$]+),\1\.name,\1\.strings,/, 'new $1.ctor($2,$1.name,0,'],
      // A part's directive: one per part, as each attribute part has one value.
      [LIT_HTML, /void 0!==([\w$]+)\?([\w$]+)\._\$Co\?\.\[\1\]:\2\._\$Cl/, '$2._$Cl'],
      [LIT_HTML, /void 0!==([\w$]+)\?\(([\w$]+)\._\$Co\?\?=\[\]\)\[\1\]=([\w$]+):\2\._\$Cl=\3/, '$2._$Cl=$3'],
    ],
    {
      reads: /_\$Co\b/,
      problems: () =>
        files.flatMap((file) =>
          attributeInterpolations(readFileSync(file, 'utf8'), file).map(
            (use) => `${file} binds part of an attribute's value: ${use}`,
          ),
        ),
    },
  );
}

/** Whether a class in `file` extends LitElement without a `createRenderRoot` that calls `replaceChildren()`. */
function unemptiedRoot(file) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  let found = false;
  const visit = (node) => {
    if (
      ts.isClassLike(node) &&
      node.heritageClauses?.some((clause) =>
        clause.types.some((type) => /\bLitElement\b/.test(type.getText(source))),
      ) &&
      !node.members.some(
        (member) =>
          ts.isMethodDeclaration(member) &&
          member.name.getText(source) === 'createRenderRoot' &&
          /\.replaceChildren\(\)/.test(member.body?.getText(source) ?? ''),
      )
    )
      found = true;
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** @returns {import('vite').Plugin} */
export function stripLitErrorTexts() {
  return {
    name: 'nwt:strip-lit-error-texts',
    apply: 'build',
    transform(code, id) {
      if (!/\/node_modules\/(lit-html|lit-element|@lit\/reactive-element)\//.test(id)) return null;
      const stripped = stripErrorTexts(code);
      return stripped === code ? null : { code: stripped, map: null };
    },
  };
}
