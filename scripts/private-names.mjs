// The names the script-tag bundle and the iframe embed may shorten: members that are internal to the element
// (`private`, or of classes the package does not export) and the element's private reactive states. Read
// from the TypeScript sources with the TypeScript parser; the names are handed to terser's property mangler
// in vite.config.ts. The npm modules keep every name.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import ts from 'typescript';

/**
 * Names of internal class members in `files` that are safe to shorten in the bundle: not also the name of a
 * public member of an exported class or of another interface in our code, of a property in TypeScript's
 * DOM and ECMAScript libraries, or of a property that the bundled packages (`packageFiles`) read or write.
 * Internal: `private` members, and every member of a class that no module in `files` exports from
 * `entries` (the package's public modules): the controllers' methods are called by the element only.
 * Only the bundle is mangled: the npm modules keep every name.
 */
export function privateMemberNames(files, packageFiles = [], entries = []) {
  const privates = new Set();
  const others = new Set();
  const exported = exportedNames(entries);
  /** Properties of the templates' plain input objects (interfaces named `…Input`): internal too. */
  const inputs = new Set();
  /** Keys written in object literals: safe only where they are private or input names. */
  const assigned = new Set();
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node) => {
      const member =
        ts.isPropertyDeclaration(node) ||
        ts.isMethodDeclaration(node) ||
        ts.isGetAccessor(node) ||
        ts.isSetAccessor(node) ||
        (ts.isParameter(node) && ts.isConstructorDeclaration(node.parent));
      if (
        (ts.isPropertySignature(node) || ts.isMethodSignature(node)) &&
        ts.isInterfaceDeclaration(node.parent) &&
        /Input$/.test(node.parent.name.text) &&
        ts.isIdentifier(node.name)
      ) {
        inputs.add(node.name.text);
      } else if (member && node.name && ts.isIdentifier(node.name)) {
        const isPrivate = ts.getCombinedModifierFlags(node) & ts.ModifierFlags.Private;
        const isStatic = ts.getCombinedModifierFlags(node) & ts.ModifierFlags.Static;
        const owner = ts.isParameter(node) ? node.parent.parent : node.parent;
        const internal =
          entries.length > 0 && ts.isClassLike(owner) && !exported.has(owner.name?.text) && !isStatic;
        (isPrivate || internal ? privates : others).add(node.name.text);
      } else if ((ts.isPropertySignature(node) || ts.isMethodSignature(node)) && node.name) {
        others.add(node.name.getText(source).replace(/^['"]|['"]$/g, ''));
      } else if ((ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) && node.name) {
        // The keys of an exported object (the `en` labels, which `strings` overrides by key) are public.
        const keys = isExportedObject(node.parent) ? others : assigned;
        keys.add(node.name.getText(source).replace(/^['"]|['"]$/g, ''));
      } else if (ts.isStringLiteralLike(node) && !ts.isLiteralTypeNode(node.parent)) {
        others.add(node.text);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  const libNames = libMemberNames();
  const used = packageFiles.map((file) => readFileSync(file, 'utf8')).join('\n');
  // A key in an object literal is another name for a private or input property (the element's
  // `static properties`, a template's input), or it must keep its name.
  for (const name of assigned) if (!inputs.has(name) && !privates.has(name)) others.add(name);
  return [...new Set([...privates, ...inputs])]
    .filter(
      (name) => !others.has(name) && !libNames.has(name) && !new RegExp(`[.\\s"']${name}\\b`).test(used),
    )
    .sort();
}

/**
 * The private reactive states of the class in `file`: the keys of its `static properties` with
 * `state: true` whose member is declared `private` and is no DOM or ECMAScript name. The element names
 * them in strings too (`changed.has('activeIndex')`), which is why `privateMemberNames` keeps them (see
 * `shortStateNames`).
 */
export function privateStateNames(file) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const states = [];
  const privates = new Set();
  const visit = (node) => {
    if (ts.isPropertyDeclaration(node) && ts.isIdentifier(node.name)) {
      const flags = ts.getCombinedModifierFlags(node);
      if (flags & ts.ModifierFlags.Private) privates.add(node.name.text);
      if (flags & ts.ModifierFlags.Static && node.name.text === 'properties' && node.initializer) {
        for (const entry of node.initializer.properties ?? []) {
          const state = ts.isObjectLiteralExpression(entry.initializer)
            ? entry.initializer.properties.some(
                (option) =>
                  option.name?.getText(source) === 'state' &&
                  option.initializer?.kind === ts.SyntaxKind.TrueKeyword,
              )
            : false;
          if (state && ts.isIdentifier(entry.name)) states.push(entry.name.text);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  const libNames = libMemberNames();
  return states.filter((name) => privates.has(name) && !libNames.has(name));
}

/**
 * Short names for the private reactive states `names` (`privateStateNames`) in the script-tag bundle:
 * `$0`, `$1`… as properties (terser's property cache, `cache`, given as `mangle.properties.cache`) and in
 * the string literals of our modules (`plugin`), so that `changed.has('activeIndex')` still names the
 * property Lit records as changed. The build fails if one of the short names is in the code already.
 * @returns {{ cache: { props: Record<string, string> }, plugin: import('vite').Plugin }}
 */
export function shortStateNames(names) {
  const short = new Map(names.map((name, i) => [name, `$${i}`]));
  const literal = new RegExp(`(['"])(${names.join('|') || '(?!)'})\\1`, 'g');
  return {
    cache: { props: Object.fromEntries([...short].map(([name, to]) => [`$${name}`, to])) },
    plugin: {
      name: 'nwt:short-state-names',
      apply: 'build',
      transform(code, id) {
        if (!/\/src\/.*\.ts$/.test(id.split('?')[0])) return null;
        const out = code.replace(literal, (_, quote, name) => quote + short.get(name) + quote);
        return out === code ? null : { code: out, map: null };
      },
      renderChunk(code) {
        // Outside the string literals written above: a property or a variable of that name.
        for (const to of short.values())
          if (new RegExp(`(?<![\\w$'"])\\${to}(?![\\w$'"])`).test(code))
            this.error(`short-state-names: ${to} is already a name in the bundle`);
        return null;
      },
    },
  };
}

/** Whether `object` is the value of an exported `const` (`export const en = { … }`, `as const` too). */
function isExportedObject(object) {
  let node = object.parent;
  while (node && (ts.isAsExpression(node) || ts.isSatisfiesExpression(node))) node = node.parent;
  const statement = node && ts.isVariableDeclaration(node) ? node.parent?.parent : undefined;
  return (
    !!statement &&
    ts.isVariableStatement(statement) &&
    !!ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
  );
}

/**
 * Every member name declared in TypeScript's DOM and ECMAScript libraries (properties and methods), read
 * with the TypeScript parser: the words of their comments, string types and the keys of the event maps
 * (event names, not properties) do not count.
 */
function libMemberNames() {
  const libDir = dirname(createRequire(import.meta.url).resolve('typescript/lib/lib.dom.d.ts'));
  const names = new Set();
  for (const file of readdirSync(libDir).filter((name) => /^lib\..*\.d\.ts$/.test(name))) {
    const path = join(libDir, file);
    const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, false);
    const visit = (node) => {
      if (ts.isInterfaceDeclaration(node) && node.name.text.endsWith('EventMap')) return;
      if (node.name && (ts.isIdentifier(node.name) || ts.isStringLiteralLike(node.name)))
        names.add(node.name.text);
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return names;
}

/** The names that the modules `entries` export, as themselves or re-exported from other modules. */
function exportedNames(entries) {
  const names = new Set();
  for (const file of entries) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    for (const statement of source.statements) {
      if (
        ts.isExportDeclaration(statement) &&
        statement.exportClause &&
        ts.isNamedExports(statement.exportClause)
      ) {
        for (const element of statement.exportClause.elements)
          names.add((element.propertyName ?? element.name).text);
      } else if (
        ts.canHaveModifiers(statement) &&
        ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
      ) {
        if (statement.name) names.add(statement.name.text);
      }
    }
  }
  return names;
}
