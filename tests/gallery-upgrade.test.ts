// The host and its upgrade: the host keeps only the attributes its author wrote (defaults are not
// reflected), and properties a framework set on the tag before it was defined are kept, or, when written
// as attributes (React 19 with a lazy define), named in one warning each.
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { $, mount, slides } from './helpers/gallery.js';
import { NotWithThemGallery } from '../src/notwiththem-gallery.js';
import '../src/define.js';
import { waitUntil } from './helpers/waits.js';

describe('gallery host attributes', () => {
  it('reflects no default the author did not set, and reflects what is set', async () => {
    const el = await mount();
    expect(el.theme).to.equal('light');
    expect(el.fit).to.equal('cover');
    expect(el.hasAttribute('theme')).to.equal(false);
    expect(el.hasAttribute('fit')).to.equal(false);
    el.theme = 'dark';
    await el.updateComplete;
    expect(el.getAttribute('theme')).to.equal('dark');
    el.removeAttribute('theme');
    await el.updateComplete;
    expect(el.theme).to.equal('light');
    el.fit = 'contain';
    await el.updateComplete;
    expect(el.getAttribute('fit')).to.equal('contain');
    expect(getComputedStyle($(el, '[part~="image"]')!).objectFit).to.equal('contain');
  });
});

describe('gallery upgrade', () => {
  let n = 0;
  /** A tag of its own, not defined yet, in the page with `html` as its attributes. */
  function undefinedTag(html = ''): [string, HTMLElement] {
    const tag = `nwt-late-${++n}`;
    const wrapper = document.createElement('div');
    wrapper.style.width = '800px';
    wrapper.innerHTML = `<${tag} ${html}></${tag}>`;
    document.body.append(wrapper);
    return [tag, wrapper.firstElementChild as HTMLElement];
  }
  afterEach(() => sinon.restore());
  /** The gallery's own warnings (Lit's dev-mode notes are not the product's). */
  const ours = (warn: sinon.SinonSpy) =>
    warn.args.map((args) => String(args[0])).filter((text) => text.startsWith('<notwiththem-gallery>'));

  it('warns once for each object written as an attribute before the upgrade, and shows its message', async () => {
    const warn = sinon.spy(console, 'warn');
    // What React 19 writes when the element is defined after its first render.
    const [tag, el] = undefinedTag(
      'testimonials="[object Object],[object Object]" strings="[object Object]"',
    );
    NotWithThemGallery.define(tag);
    const gallery = el as NotWithThemGallery;
    await gallery.updateComplete;
    gallery.setAttribute('label', 'Again');
    await gallery.updateComplete;
    const advice = ours(warn).filter((text) => text.includes('define module'));
    expect(advice).to.have.length(2);
    expect(advice[0]).to.contain('testimonials');
    expect(advice[1]).to.contain('strings');
    await waitUntil(
      () => $(gallery, '[part~="message"]')?.textContent?.includes('No testimonials'),
      'the no-source message never showed',
    );
    gallery.parentElement!.remove();
  });

  it('keeps the objects a framework set as properties before the upgrade', async () => {
    const warn = sinon.spy(console, 'warn');
    const [tag, el] = undefinedTag();
    Object.assign(el, {
      testimonials: [{ id: 'a', image: '/tests/fixtures/photos/sign-1.svg', quote: 'Early.' }],
      strings: { next: 'Onward' },
    });
    NotWithThemGallery.define(tag);
    const gallery = el as NotWithThemGallery;
    await waitUntil(() => slides(gallery).length === 1, 'the early testimonials never rendered');
    expect($(gallery, '[part~="next"]')!.getAttribute('aria-label')).to.equal('Onward');
    expect(ours(warn)).to.deep.equal([]);
    gallery.parentElement!.remove();
  });
});
