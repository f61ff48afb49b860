// A gallery rendered on a server with @lit-labs/ssr, from the npm build (dist/esm) as an app would
// import it. As a module: `renderGallery({ tag, lang, src, testimonials, children })` resolves to the
// HTML (`children`: markup inside the tag, such as <figure>s). As a
// script (the browser suite's /__ssr route runs it in a process of its own, so the test server never
// loads Lit's DOM shim): reads that object as JSON on stdin and writes the HTML to stdout.
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { html, unsafeStatic } from 'lit/static-html.js';
import { NotWithThemGallery } from '../../dist/esm/index.js';

/**
 * @param {{ tag?: string, lang?: string, src?: string, testimonials?: unknown, children?: string }} options
 * @returns {Promise<string>}
 */
export function renderGallery({ tag = 'notwiththem-gallery', lang, src, testimonials, children = '' }) {
  NotWithThemGallery.define(tag);
  const name = unsafeStatic(tag);
  return collectResult(
    render(
      html`<${name} lang=${ifDefined(lang)} src=${ifDefined(src)} .testimonials=${testimonials}>${unsafeHTML(children)}</${name}>`,
    ),
  );
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  let input = '';
  for await (const chunk of process.stdin) input += chunk;
  process.stdout.write(await renderGallery(JSON.parse(input)));
}
