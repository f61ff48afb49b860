// Updates: a gallery renders once per state it shows (loading, then ready) with nothing measured after
// a render asking for another, so Lit's dev mode (on in these tests) never warns "scheduled an update
// after an update completed"; the host keeps only the attributes its author wrote; and properties a
// framework set on the tag before it was defined are kept, or (written as attributes) named in a warning.
import { expect, nextFrame, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import { $, FEED, rendered, slides } from './helpers/gallery.js';
import { NotWithThemGallery } from '../src/notwiththem-gallery.js';

const CHANGE_IN_UPDATE = 'scheduled an update';

interface Counted {
  el: NotWithThemGallery;
  /** The properties changed in each update, in order. */
  updates: string[][];
  /** Lit's dev-mode warnings about an update scheduled after one completed. */
  warnings: string[];
}

/** A gallery whose updates are counted from its first, in a wrapper `width` px wide. */
async function counted(width: number, setup: (el: NotWithThemGallery) => void): Promise<Counted> {
  // Lit warns once per page: forget an earlier warning so this gallery's would show again.
  const issued = (globalThis as { litIssuedWarnings?: Set<string> }).litIssuedWarnings;
  for (const warning of [...(issued ?? [])]) {
    if (warning.includes(CHANGE_IN_UPDATE)) issued!.delete(warning);
  }
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (String(args[0]).includes(CHANGE_IN_UPDATE)) warnings.push(String(args[0]));
    warn.apply(console, args);
  };
  const wrapper = document.createElement('div');
  wrapper.style.width = `${width}px`;
  document.body.append(wrapper);
  const el = document.createElement('notwiththem-gallery');
  const updates: string[][] = [];
  const updated = (el as unknown as { updated(changed: Map<string, unknown>): void }).updated;
  Object.assign(el, {
    updated(this: NotWithThemGallery, changed: Map<string, unknown>) {
      updates.push([...changed.keys()].map(String));
      updated.call(this, changed);
    },
  });
  setup(el);
  wrapper.append(el);
  try {
    await rendered(el);
    // Whatever a measure after the ready render would ask for has asked by now.
    for (let i = 0; i < 5; i++) await nextFrame();
    await el.updateComplete;
  } finally {
    console.warn = warn;
  }
  return { el, updates, warnings };
}

const LONG = 'Because a reason this long is cut by the line clamp of the slide. '.repeat(8);
const TESTIMONIALS = [1, 2, 3, 4].map((n) => ({
  id: `t${n}`,
  image: `/tests/fixtures/photos/sign-${n}.svg`,
  quote: n % 2 ? LONG : 'Short.',
  name: `Person ${n}`,
}));

describe('gallery updates', () => {
  afterEach(() => {
    for (const el of document.querySelectorAll('notwiththem-gallery')) el.parentElement!.remove();
  });

  for (const width of [360, 800, 1200]) {
    it(`renders a feed from src twice (loading, ready) at ${width} px, without the dev-mode warning`, async () => {
      const { el, updates, warnings } = await counted(width, (el) => el.setAttribute('src', FEED));
      expect(slides(el).length).to.be.above(0);
      expect(warnings).to.deep.equal([]);
      expect(updates.length, JSON.stringify(updates)).to.equal(2);
    });
  }

  it('shows "Read more" on the cut quotes only, measured without another update', async () => {
    const { el, updates, warnings } = await counted(800, (el) => {
      el.share = 'none';
      el.testimonials = TESTIMONIALS;
    });
    expect(warnings).to.deep.equal([]);
    expect(updates.length, JSON.stringify(updates)).to.equal(2);
    const shown = slides(el).map((slide) => !!slide.querySelector('[part~="read-more"]:not([hidden])'));
    expect(shown).to.deep.equal([true, false, true, false]);
  });

  it('reflects no default the author did not set', async () => {
    const { el } = await counted(800, (el) => el.setAttribute('src', FEED));
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
  });

  it('keeps the theme and fit its author wrote', async () => {
    const { el } = await counted(800, (el) => {
      el.setAttribute('src', FEED);
      el.setAttribute('theme', 'dark');
      el.setAttribute('fit', 'contain');
    });
    expect(el.getAttribute('theme')).to.equal('dark');
    expect(el.fit).to.equal('contain');
    expect(getComputedStyle(el.shadowRoot!.querySelector('[part~="image"]')!).objectFit).to.equal('contain');
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
    const advice = warn.args.map((args) => String(args[0])).filter((text) => text.includes('define module'));
    expect(advice).to.have.length(2);
    expect(advice[0]).to.contain('testimonials');
    expect(advice[1]).to.contain('strings');
    expect($(gallery, '[part~="message"]')!.textContent).to.contain('No testimonials');
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
    expect(warn.called).to.equal(false);
    gallery.parentElement!.remove();
  });
});
