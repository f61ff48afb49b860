// The build's text transforms for the bundle (scripts/minify-literals.mjs, lit-cuts.mjs, private-names.mjs), on small inputs.
// Run: node --test tests/package/ (needs no build).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import {
  attributeInterpolations,
  litAsyncConnection,
  litCreationScope,
  litDecorators,
  litPartsUsed,
  litPropertyOptions,
  litRenderBefore,
  litSheetsOnly,
  litTemplateParts,
  litWholeAttributeValues,
  litWrappedAccessors,
  reactiveDeclarations,
} from '../../scripts/lit-cuts.mjs';
import { privateMemberNames, privateStateNames, shortStateNames } from '../../scripts/private-names.mjs';
import {
  collapseWhitespace,
  filesUnder,
  tightenValues,
  unquoteAttributes,
} from '../../scripts/minify-literals.mjs';

describe('tightenValues', () => {
  it('drops the spaces after commas and around * and /, keeps those around + and - and in strings', () => {
    assert.equal(
      tightenValues(
        'a{--f:var(--x,system-ui, "A, B", sans-serif);content:"i" / "";b:calc((1 - 2) * 3 / 4 + 5)}',
      ),
      'a{--f:var(--x,system-ui,"A, B",sans-serif);content:"i"/"";b:calc((1 - 2)*3/4 + 5)}',
    );
    assert.equal(tightenValues("a{content:'x , y / z'}"), "a{content:'x , y / z'}");
  });
});

describe('collapseWhitespace', () => {
  it('drops a line break inside a closing tag, keeps a space between words', () => {
    assert.equal(collapseWhitespace('<a href=x>${}</a\n    >', true, true), '<a href=x>${}</a>');
    assert.equal(collapseWhitespace('<b>a\n  b</b>', true, true), '<b>a b</b>');
  });
});

describe('unquoteAttributes', () => {
  it('unquotes plain values, with a space before /> so that the / stays out of the value', () => {
    assert.equal(
      unquoteAttributes('<path d="M8 5z" fill="currentColor"/><b class="x-y">'),
      '<path d="M8 5z" fill=currentColor /><b class=x-y>',
    );
  });
});

describe('privateMemberNames', () => {
  it("shortens an input's property named in a type only, not one named in a string", () => {
    const file = join(mkdtempSync(join(tmpdir(), 'nwt-')), 'x.ts');
    writeFileSync(
      file,
      'interface AInput { renderThing(): void; place: string; tallyOf: number }\n' +
        "type B = Omit<AInput, 'renderThing'> & Pick<AInput, 'place'>;\n" +
        "const kinds: AInput['tallyOf'][] = [];\n" +
        "if (key === 'place') run();\n",
    );
    assert.deepEqual(privateMemberNames([file]), ['renderThing', 'tallyOf']);
  });
});

describe('short state names', () => {
  it("finds the element's private reactive states", () => {
    const states = privateStateNames(
      fileURLToPath(new URL('../../src/notwiththem-gallery.ts', import.meta.url)),
    );
    assert.ok(states.includes('activeIndex') && states.includes('dialogIndex'), String(states));
    for (const publicName of ['src', 'share', 'testimonials', 'strings'])
      assert.ok(!states.includes(publicName));
  });

  it('gives each the same short name as a property and in string literals of src/ only', () => {
    const { cache, plugin } = shortStateNames(['activeIndex', 'dialogIndex']);
    assert.deepEqual(cache, { props: { $activeIndex: '$0', $dialogIndex: '$1' } });
    const code = "changed.has('activeIndex') || changed.has(\"dialogIndex\") || x('activeIndexes')";
    assert.equal(
      plugin.transform(code, '/repo/src/notwiththem-gallery.ts').code,
      "changed.has('$0') || changed.has(\"$1\") || x('activeIndexes')",
    );
    assert.equal(plugin.transform(code, '/repo/node_modules/lit/index.js'), null);
  });

  it('fails the build when a short name is already a name in the code', () => {
    const { plugin } = shortStateNames(['activeIndex']);
    const context = {
      error(message) {
        throw new Error(message);
      },
    };
    assert.equal(plugin.renderChunk.call(context, "a.has('$0')"), null);
    assert.throws(() => plugin.renderChunk.call(context, 'a.$0=1'), /\$0 is already a name/);
  });
});

describe('lit template parts', () => {
  const context = {
    error(message) {
      throw new Error(message);
    },
  };
  const litHtml = fileURLToPath(new URL('../../node_modules/lit-html/lit-html.js', import.meta.url));

  it('finds bindings in a tag that are not attribute values, and raw text elements', () => {
    assert.deepEqual(litPartsUsed('html`<div ${ref(x)}></div>`'), ['<div ${…}']);
    assert.deepEqual(litPartsUsed('html`<p>${a}</p><b class=${c}\n  ${x}>`'), ['<b class=${…}\n  ${…}']);
    assert.deepEqual(litPartsUsed('html`<p><!-- ${c} --></p>${svg`<path d=${d} />`}`'), [
      '<!--',
      '<!-- ${…}',
      'svg`…`',
    ]);
    assert.deepEqual(litPartsUsed('html`<style>p{}</style><textarea>${v}</textarea>`'), [
      '<style>',
      '<textarea>',
    ]);
    assert.deepEqual(
      litPartsUsed(
        'html`<a class="a ${b}" .x=${y} @click=${z} ?inert=${!a} href=\'${u}\'>${t}</a><img src=${s} />`',
      ),
      [],
    );
  });

  it('no module under src/ needs them', () => {
    const files = filesUnder(
      fileURLToPath(new URL('../../src', import.meta.url)),
      (file) => file.endsWith('.ts') && !file.endsWith('.d.ts'),
    );
    assert.ok(files.length > 20);
    for (const file of files) assert.deepEqual(litPartsUsed(readFileSync(file, 'utf8'), file), [], file);
  });

  it("removes compiled templates, element parts and raw text elements from Lit's lit-html.js", () => {
    const code = readFileSync(litHtml, 'utf8');
    assert.match(code, /type:6/);
    const out = litTemplateParts([]).transform.call(context, code, litHtml).code;
    assert.doesNotMatch(
      out,
      /type:[67]|6===|\.h\[0\]|test\([\w$]+\.tagName|RegExp\("<\/|"!--"|_\$AP|===_\|\||<svg>|<math>|childNodes/,
    );
    assert.match(out, /this\._\$AC\(/);
    const { diagnostics } = ts.transpileModule(out, { reportDiagnostics: true, fileName: 'lit-html.js' });
    assert.deepEqual(
      diagnostics.map((d) => d.messageText),
      [],
    );
    assert.equal(litTemplateParts([]).transform.call(context, 'html`<p>${a}</p>`', '/repo/src/x.ts'), null);
    assert.throws(
      () =>
        litTemplateParts([]).transform.call(
          context,
          'p._$AP=f',
          '/repo/node_modules/lit-html/async-directive.js',
        ),
      /calls a part's _\$AP/,
    );
    assert.throws(
      () => litTemplateParts([]).transform.call(context, 'const a=1', litHtml),
      /not found in lit-html\.js/,
    );
  });

  it('fails the build when a module needs them', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'nwt-')), 'x.ts');
    writeFileSync(file, 'html`<div ${ref(x)}></div>`');
    assert.throws(() => litTemplateParts([file]).buildStart.call(context), /needs a part of Lit/);
  });
});

describe('lit cuts', () => {
  const context = {
    error(message) {
      throw new Error(message);
    },
  };
  const litModule = (path) => fileURLToPath(new URL(`../../node_modules/${path}`, import.meta.url));
  /** `plugin`'s transform of Lit's module `path`, which must still parse. */
  const cut = (plugin, path) => {
    const out = plugin.transform.call(context, readFileSync(litModule(path), 'utf8'), litModule(path)).code;
    const { diagnostics } = ts.transpileModule(out, { reportDiagnostics: true, fileName: 'lit.js' });
    assert.deepEqual(
      diagnostics.map((d) => d.messageText),
      [],
      path,
    );
    return out;
  };
  /** `plugin`'s transform of another module holding `code`. */
  const other = (plugin, code, path = '/repo/src/x.ts') => plugin.transform.call(context, code, path);

  it("cuts async directives' connection bookkeeping; fails a build with a module that reads it", () => {
    const plugin = litAsyncConnection();
    for (const path of ['lit-html/lit-html.js', 'lit-element/lit-element.js', 'lit-html/directive.js'])
      assert.doesNotMatch(cut(plugin, path), /_\$A[UON]\b|setConnected|isConnected/, path);
    assert.equal(other(plugin, 'part.startNode'), null);
    assert.throws(() => other(plugin, 'part.setConnected(!1)'), /needs what the bundle cuts/);
    const async = litModule('lit-html/async-directive.js');
    assert.throws(() => other(plugin, readFileSync(async, 'utf8'), async), /needs what the bundle cuts/);
    assert.throws(() => other(plugin, 'const a=1', litModule('lit-html/lit-html.js')), /not found/);
  });

  /** A module under a temporary directory holding `code`. */
  const module = (code) => {
    const file = join(mkdtempSync(join(tmpdir(), 'nwt-')), 'x.ts');
    writeFileSync(file, code);
    return file;
  };

  it("reads the element's reactive properties, their options and its decorators", () => {
    const { properties, decorators } = reactiveDeclarations([
      fileURLToPath(new URL('../../src/notwiththem-gallery.ts', import.meta.url)),
    ]);
    assert.deepEqual(decorators, []);
    const theme = properties.find((property) => property.name === 'theme');
    assert.deepEqual(theme.options, ['reflect', 'useDefault']);
    assert.ok(properties.length > 10 && properties.every((property) => !property.accessor));
    const file = module(
      "class A { static properties = { a: {}, ['b']: { hasChanged } }; get a() { return 1 } @x() c; }",
    );
    assert.deepEqual(reactiveDeclarations([file]), {
      properties: [
        { file, name: 'a', options: [], accessor: true },
        { file, name: "['b']", options: ['hasChanged'], accessor: false },
      ],
      decorators: [`${file}: @x() c;`],
    });
  });

  it('cuts wrapped accessors; fails a build whose class declares an accessor for a property', () => {
    const out = cut(litWrappedAccessors([]), '@lit/reactive-element/reactive-element.js');
    assert.doesNotMatch(out, /wrapped|[\w$]+\(this\.prototype,[\w$]+\)/);
    assert.match(
      out,
      /static getPropertyDescriptor\(([\w$]+),([\w$]+),([\w$]+)\)\{return\{get\(\)\{return this\[\2\]\},set/,
    );
    const file = module('class A { static properties = { a: {} }; set a(v) {} }');
    assert.throws(
      () => litWrappedAccessors([file]).buildStart.call(context),
      /accessor of its reactive property a/,
    );
  });

  it('cuts property options no class declares; fails a build whose class declares one', () => {
    const out = cut(litPropertyOptions([]), '@lit/reactive-element/reactive-element.js');
    assert.doesNotMatch(out, /\.converter\b|\.hasChanged\b|noAccessor|getOwnPropertySymbols\(/);
    assert.match(out, /converter:[\w$]+,reflect:!1,useDefault:!1,hasChanged:/); // the defaults stay
    for (const [properties, problem] of [
      ['{ a: { converter: { fromAttribute: Number } } }', /declares converter for a/],
      ['{ a: { hasChanged: () => true } }', /declares hasChanged for a/],
      ['{ a: { noAccessor: true } }', /declares noAccessor for a/],
      ['{ [key]: {} }', /declares the property \[key\]/],
      ['{ a: options }', /declares \[a: options\] for a/],
    ]) {
      const file = module(`class A { static properties = ${properties}; }`);
      assert.throws(() => litPropertyOptions([file]).buildStart.call(context), problem);
    }
    const fine = module(
      "class A { static properties = { a: { type: Number, attribute: 'x-a', reflect: true } }; }",
    );
    assert.doesNotThrow(() => litPropertyOptions([fine]).buildStart.call(context));
  });

  it("cuts Lit's decorator support; fails a build with a decorator or a module that reads it", () => {
    const out = cut(litDecorators([]), '@lit/reactive-element/reactive-element.js');
    assert.doesNotMatch(out, /addInitializer|\.l\b|litPropertyMetadata\.get|Symbol\.metadata\]/);
    assert.match(out, /Symbol\.metadata\?\?=/); // the globals pages see stay
    assert.match(out, /[\w$]+\.litPropertyMetadata\?\?=new WeakMap/);
    assert.match(
      out,
      /requestUpdate\(([\w$]+),[\w$]+,[\w$]+\)\{if\(void 0!==\1\)\{const [\w$]+=this\.constructor,[\w$]+=this\[\1\];/,
    );
    const property = litModule('@lit/reactive-element/decorators/property.js');
    assert.throws(
      () => other(litDecorators([]), readFileSync(property, 'utf8'), property),
      /needs what the bundle cuts/,
    );
    const file = module("class A extends LitElement { @property() a = 'x'; }");
    assert.throws(() => litDecorators([file]).buildStart.call(context), /a decorator in .*@property\(\) a/);
  });

  it("cuts LitElement's renderBefore; fails a build whose element may not empty its root", () => {
    const out = cut(litRenderBefore([]), 'lit-element/lit-element.js');
    assert.doesNotMatch(out, /renderBefore|createRenderRoot/);
    const element = fileURLToPath(new URL('../../src/notwiththem-gallery.ts', import.meta.url));
    assert.doesNotThrow(() => litRenderBefore([element]).buildStart.call(context));
    for (const body of ['', 'createRenderRoot() { return super.createRenderRoot(); }']) {
      const file = module(`class A extends LitElement { ${body} }`);
      assert.throws(() => litRenderBefore([file]).buildStart.call(context), /may not empty/);
    }
    const fine = module(
      'class A extends LitElement { createRenderRoot() { this.shadowRoot?.replaceChildren(); return super.createRenderRoot(); } }',
    );
    assert.doesNotThrow(() => litRenderBefore([fine]).buildStart.call(context));
  });

  it('adopts the sheets as they are; fails a build with a module that makes a CSSResult', () => {
    const plugin = litSheetsOnly();
    assert.match(cut(plugin, '@lit/reactive-element/css-tag.js'), /\.adoptedStyleSheets=[\w$]+[;}]/);
    assert.equal(
      other(plugin, 'const s = ((sheet) => (sheet.replaceSync(`a{}`), sheet))(new CSSStyleSheet());'),
      null,
    );
    assert.throws(() => other(plugin, 'const s = css`a{color:${c}}`;'), /needs what the bundle cuts/);
    assert.throws(() => other(plugin, 'const s = unsafeCSS(text);'), /needs what the bundle cuts/);
  });

  it('clones templates in the document; fails a build with a module that passes creationScope', () => {
    const plugin = litCreationScope();
    assert.doesNotMatch(cut(plugin, 'lit-html/lit-html.js'), /creationScope/);
    assert.throws(
      () => other(plugin, 'render(t, root, { creationScope: root })'),
      /needs what the bundle cuts/,
    );
  });

  it('finds attribute bindings that are not the whole value', () => {
    assert.deepEqual(
      attributeInterpolations('html`<a class="a ${b}" alt=${c}${d} href=\'${u}/x\' title="${t}">`'),
      [
        '<a class="a ${…}',
        '<a class="a ${…}" alt=${…}',
        '<a class="a ${…}" alt=${…}${…}',
        '<a class="a ${…}" alt=${…}${…} href=\'${…}',
      ],
    );
    assert.deepEqual(
      attributeInterpolations(
        'html`<a class="${b}" href=${u}\n  @click=${f} .x=${y} ?inert=${!a}>${t} b</a><img src=${s} /><i title=\'${t}\'>`',
      ),
      [],
    );
  });

  it('commits attribute values whole; fails a build whose template binds part of a value', () => {
    const out = cut(litWholeAttributeValues([]), 'lit-html/lit-html.js');
    assert.doesNotMatch(
      out,
      /\.strings\.length|this\.strings=|new String|strings:[\w$]+,ctor|getAttribute\(|_\$Co\b/,
    );
    assert.match(out, /_\$AI\(([\w$]+),([\w$]+)=this\)\{\1=[\w$]+\(this,\1,\2,0\),\(/);
    const files = filesUnder(
      fileURLToPath(new URL('../../src', import.meta.url)),
      (file) => file.endsWith('.ts') && !file.endsWith('.d.ts'),
    );
    assert.doesNotThrow(() => litWholeAttributeValues(files).buildStart.call(context));
    const file = module('html`<div class="slide ${active}"></div>`');
    assert.throws(
      () => litWholeAttributeValues([file]).buildStart.call(context),
      /binds part of an attribute's value: <div class="slide \$\{…\}/,
    );
  });
});
