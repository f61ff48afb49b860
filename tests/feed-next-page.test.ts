import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import '../src/define.js';
import type { NotWithThemGallery } from '../src/notwiththem-gallery.js';
import { joinPage, nearEnd } from '../src/feed/next-page.js';
import type { Testimonial } from '../src/feed/types.js';
import { $, TRACK } from './helpers/gallery.js';
import { waitUntil } from './helpers/waits.js';

const hits = async (key: string) =>
  ((await (await fetch(`/__feeds/hits?key=${key}`)).json()) as { hits: number }).hits;
const item = (id: string): Testimonial => ({
  id,
  quote: id,
  image: { src: 'https://example.org/a.jpg', alt: id },
});

describe('feed pages', () => {
  it('joins a page with ids kept unique across pages (pure)', () => {
    const joined = joinPage([item('a'), item('b')], [item('b'), item('c'), item('a')]);
    expect(joined.map((t) => t.id)).to.deep.equal(['b-2', 'c', 'a-2']);
    expect(nearEnd(0, 10, 3)).to.equal(false);
    expect(nearEnd(3, 10, 3)).to.equal(true);
  });

  // The pages the gallery asked for, seen where it calls fetch (a server count could lag behind).
  const requested: string[] = [];
  const realFetch = window.fetch;
  beforeEach(() => {
    requested.length = 0;
    window.fetch = (input, init) => {
      requested.push(String(input));
      return realFetch(input, init);
    };
  });
  afterEach(() => {
    window.fetch = realFetch;
  });
  const asked = (page: number) => requested.filter((url) => url.includes(`page=${page}&`)).length;

  it('fetches the next page only when the reader nears the end, without moving what is shown', async () => {
    const key = `pages-${Math.random().toString(36).slice(2)}`;
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 400px"></div>`);
    wrapper.innerHTML = `<notwiththem-gallery share="none" src="/__feeds/paged?page=1&pages=3&per=8&ms=1500&key=${key}"></notwiththem-gallery>`;
    const el = wrapper.firstElementChild as NotWithThemGallery;
    await waitUntil(() => el.items.length === 8, 'first page never shown', { timeout: 8000 });
    // The first render and the measure after it have run: a fetch of page 2 would have started.
    await nextFrame();
    await el.updateComplete;
    expect(asked(2), 'page 2 is not fetched up front').to.equal(0);

    el.goTo(6);
    await waitUntil(() => el.items.length === 16, 'page 2 never joined', { timeout: 8000 });
    expect(await hits(`${key}-2`)).to.equal(1);
    expect(await hits(`${key}-3`), 'page 3 waits').to.equal(0);

    // Near the end again; page 3 answers 1.5 s later, while the reader sits still on slide 14.
    el.goTo(13);
    const track = $(el, TRACK)!;
    const slide14 = () => el.shadowRoot!.querySelector('#slide-13')!;
    await waitUntil(
      () =>
        Math.abs(
          slide14().getBoundingClientRect().left -
            track.getBoundingClientRect().left -
            parseFloat(getComputedStyle(track).scrollPaddingLeft),
        ) < 1,
      'the track never reached slide 14',
      { timeout: 5000 },
    );
    expect(asked(3), 'page 3 asked for').to.equal(1);
    expect(el.items.length, 'page 3 still on its way').to.equal(16);
    const before = track.scrollLeft;
    const shown = el.shadowRoot!.querySelector('#slide-13')!.getBoundingClientRect().left;
    await waitUntil(() => el.items.length === 24, 'page 3 never joined', { timeout: 5000 });
    await el.updateComplete;
    await nextFrame();
    expect(track.scrollLeft).to.equal(before);
    expect(el.shadowRoot!.querySelector('#slide-13')!.getBoundingClientRect().left).to.equal(shown);
    expect(el.items.map((t) => t.id).slice(-2)).to.deep.equal(['p23', 'p24']);
    expect(el.shadowRoot!.querySelector('[part~="title"]')!.textContent).to.equal('Paged feed');
  });
});
