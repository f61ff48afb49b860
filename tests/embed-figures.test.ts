// Progressive enhancement: <figure> children are the data when there is no src and no testimonials.
import { expect, fixture, fixtureSync, html } from '@open-wc/testing';
import '../src/define.js';
import { readFigures } from '../src/feed/from-figures.js';
import type { NotWithThemGallery } from '../src/notwiththem-gallery.js';
import { waitUntil } from './helpers/waits.js';

const slides = (el: Element) => [...(el.shadowRoot?.querySelectorAll('[part~="slide"]') ?? [])];

const figures = html`
  <figure data-id="laura-vilches">
    <img src="/tests/fixtures/photos/sign-1.svg" width="800" height="600" alt="Laura Vilches holds a sign" data-color="#d9485f" />
    <figcaption>
      <blockquote lang="en">#NotWithThem because   they represent the capitalist class</blockquote>
      <cite>Laura Vilches</cite>
      <span class="role">Legislator</span>
      <span class="place">Córdoba, Argentina</span>
      <span class="affiliation">Left and Workers' Front – PTS</span>
      <a href="/more/laura">More</a>
    </figcaption>
  </figure>
  <figure id="pompeya">
    <img src="/tests/fixtures/photos/sign-4.svg" alt="" />
    <figcaption>#NotWithThem. We need a workers party! <span class="name">Workers from Pompeya</span></figcaption>
  </figure>
`;

describe('figures as data (progressive enhancement)', () => {
  it('reads the documented markup into the feed shape', async () => {
    // fixtureSync: a plain <div> has no updateComplete, and fixture() would wait for a frame that a
    // background tab (the runner opens two at once) may never paint.
    const host = fixtureSync<HTMLDivElement>(html`<div>${figures}<p>not a figure</p></div>`);
    expect(readFigures(host)).to.deep.equal([
      {
        id: 'laura-vilches',
        image: {
          src: '/tests/fixtures/photos/sign-1.svg',
          alt: 'Laura Vilches holds a sign',
          width: 800,
          height: 600,
          color: '#d9485f',
        },
        quote: '#NotWithThem because they represent the capitalist class',
        name: 'Laura Vilches',
        role: 'Legislator',
        place: 'Córdoba, Argentina',
        affiliation: "Left and Workers' Front – PTS",
        url: '/more/laura',
        lang: 'en',
      },
      {
        id: 'pompeya',
        image: { src: '/tests/fixtures/photos/sign-4.svg' },
        quote: '#NotWithThem. We need a workers party!',
        name: 'Workers from Pompeya',
      },
    ]);
  });

  it('shows the figures as slides when there is no src, and the figures themselves no more', async () => {
    const el = await fixture<NotWithThemGallery>(
      html`<notwiththem-gallery label="From figures">${figures}</notwiththem-gallery>`,
    );
    await waitUntil(() => slides(el).length === 2, 'figures never became slides', { timeout: 5000 });
    const first = slides(el)[0]!;
    expect(first.querySelector('[part~="quote"]')!.textContent).to.equal(
      '#NotWithThem because they represent the capitalist class',
    );
    expect(first.querySelector('img')!.src).to.equal(
      new URL('/tests/fixtures/photos/sign-1.svg', location.href).href,
    );
    expect(el.items[1]!.image.alt).to.contain('Workers from Pompeya');
    expect(el.items[0]!.url).to.equal(new URL('/more/laura', location.href).href);
    for (const figure of el.querySelectorAll('figure')) {
      expect(figure.assignedSlot).to.equal(null);
      expect(figure.getClientRects().length, 'a light-DOM figure is still rendered').to.equal(0);
    }
  });

  it('leaves the figures to crawlers when a src is set', async () => {
    const el = await fixture<NotWithThemGallery>(
      html`<notwiththem-gallery src="/tests/fixtures/gallery-feed.json">${figures}</notwiththem-gallery>`,
    );
    await waitUntil(() => slides(el).length === 4, 'the feed never rendered', { timeout: 5000 });
    expect(el.items[0]!.name).to.equal('Laura Vilches');
    expect(el.items.length).to.equal(4);
  });

  it('prefers testimonials given as a property', async () => {
    const el = document.createElement('notwiththem-gallery') as NotWithThemGallery;
    el.innerHTML =
      '<figure><img src="/tests/fixtures/photos/sign-1.svg" alt="x" /><figcaption>From a figure</figcaption></figure>';
    el.testimonials = [{ image: '/tests/fixtures/photos/sign-2.svg', quote: 'Given directly' }];
    fixtureSync(html`<div>${el}</div>`);
    await waitUntil(() => slides(el).length === 1, 'never rendered', { timeout: 5000 });
    expect(el.items[0]!.quote).to.equal('Given directly');
  });

  it('uses figures parsed after the element was upgraded (a script in <head> without defer)', async () => {
    const el = await fixture<NotWithThemGallery>(html`<notwiththem-gallery></notwiththem-gallery>`);
    expect(slides(el).length).to.equal(0);
    el.insertAdjacentHTML(
      'beforeend',
      '<figure><img src="/tests/fixtures/photos/sign-3.svg" alt="Students hold a sign" /><figcaption><blockquote>Late figure</blockquote><cite>Students</cite></figcaption></figure>',
    );
    await waitUntil(() => slides(el).length === 1, 'the late figure never became a slide', { timeout: 5000 });
    expect(el.items[0]!.quote).to.equal('Late figure');
  });

  it('still shows other fallback content when there are no figures', async () => {
    const el = await fixture<NotWithThemGallery>(
      html`<notwiththem-gallery><p>Testimonials coming soon.</p></notwiththem-gallery>`,
    );
    await el.updateComplete;
    const paragraph = el.querySelector('p')!;
    expect(paragraph.assignedSlot).to.not.equal(null);
    expect(slides(el).length).to.equal(0);
  });
});
