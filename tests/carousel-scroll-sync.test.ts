// ScrollSync against a track whose engine the test plays: the test decides when the element's scrolls
// move the track and when they come to rest, so the races of a loaded machine (a newer scroll that stops
// an older one short, an older one that goes on) happen on every run, in every engine.
import { expect, fixture, html } from '@open-wc/testing';
import type { ReactiveController } from 'lit';
import { ScrollSync } from '../src/carousel/scroll-sync.js';

/** Four 100 px slides in a 100 px track, one per view, and a sync whose scrolls the test carries out. */
async function setUp() {
  const root = await fixture<HTMLDivElement>(html`
    <div style="width:100px">
      <div class="track" part="track" style="display:flex;overflow-x:auto;width:100px;scroll-behavior:auto">
        ${[0, 1, 2, 3].map(() => html`<div class="slide" style="flex:0 0 100px;height:10px"></div>`)}
      </div>
    </div>
  `);
  const track = root.querySelector<HTMLElement>('.track')!;
  // The host as ScrollSync sees it: the element, its render root, and the current slide the test sets.
  const host = Object.assign(root, {
    current: 0,
    renderRoot: root,
    addController: (_: ReactiveController) => {},
    removeController: () => {},
    requestUpdate: () => {},
    updateComplete: Promise.resolve(true),
  });
  Object.defineProperty(host, 'currentIndex', { get: () => host.current });
  const chosen: number[] = [];
  const sync = new ScrollSync(
    host as typeof host & { readonly currentIndex: number },
    () => ({ count: 4, perView: 1, loop: false }),
    (index) => chosen.push(index),
  );
  /** The scrolls the sync asked for, not yet carried out: the engine's smooth scrolls under way. */
  const asked: number[] = [];
  const scrollTo = track.scrollTo.bind(track);
  track.scrollTo = ((options: ScrollToOptions) =>
    options.behavior === 'instant' ? scrollTo(options) : asked.push(options.left!)) as typeof track.scrollTo;
  /** A smooth scroll the sync asked for moves the track (all or part of the way) and comes to rest. */
  const glide = (left: number) => {
    scrollTo({ left, behavior: 'instant' });
    sync.syncFromScroll();
  };
  return { host, track, sync, chosen, asked, glide };
}

describe('ScrollSync: the latest move wins', () => {
  it('ends where the latest move wants the track when a newer scroll stopped the one under way short', async () => {
    // Arrange: on the last slide.
    const { host, track, sync, chosen, asked, glide } = await setUp();
    host.current = 3;
    sync.scrollToActive();
    glide(asked.pop()!);
    expect(track.scrollLeft).to.equal(300);
    // Act: Home; its scroll moves 2 px, and the reader chooses the last slide again before the track's
    // position reads as moved, so that scroll stops where it was (Chromium, loaded).
    host.current = 0;
    sync.scrollToActive();
    host.current = 3;
    sync.scrollToActive();
    asked.length = 0;
    glide(298);
    // Assert: it glides on to the last slide, and no further.
    expect(asked, 'on to the last slide, not 2 px before it').to.deep.equal([300]);
    glide(asked.pop()!);
    expect(asked).to.deep.equal([]);
    expect(track.scrollLeft).to.equal(300);
    expect(chosen, 'no slide chosen by the position').to.deep.equal([]);
  });

  it('ends where the latest move wants the track when an older scroll goes on after a newer one', async () => {
    // Arrange: on the first slide, End and then Home before the track moved.
    const { host, track, sync, chosen, asked, glide } = await setUp();
    host.current = 3;
    sync.scrollToActive();
    host.current = 0;
    sync.scrollToActive();
    expect(asked).to.deep.equal([300, 0]);
    // Act: End's scroll was not stopped by Home's and takes the track to the last slide.
    asked.length = 0;
    glide(300);
    // Assert: it glides back to the first slide, the one the reader chose last.
    expect(asked, 'back to the first slide').to.deep.equal([0]);
    glide(asked.pop()!);
    expect(track.scrollLeft).to.equal(0);
    expect(chosen, 'the last slide was never chosen').to.deep.equal([]);
  });

  it('lets the reader’s own scroll choose the slide it rests on, even during a move', async () => {
    // Arrange: a move to the last slide under way.
    const { host, track, sync, chosen, asked } = await setUp();
    host.current = 3;
    sync.scrollToActive();
    expect(asked).to.deep.equal([300]);
    // Act: the reader takes over (touch) and rests on the second slide.
    sync.readerScrolls();
    track.scrollLeft = 100;
    sync.syncFromScroll();
    // Assert
    expect(chosen).to.deep.equal([1]);
    expect(track.scrollLeft).to.equal(100);
  });

  it('keeps no claim on the track after a move that found it there: a scroll right after is the reader’s', async () => {
    // Arrange: the first render's jump to the current slide, where the track already is.
    const { sync, track, chosen, asked } = await setUp();
    sync.scrollToActive();
    // Act: a swipe (here a script's scroll) moves on before the rest check.
    track.scrollLeft = 100;
    sync.syncFromScroll();
    // Assert: the reader's position stays, and chooses its slide.
    expect(asked).to.deep.equal([0]);
    expect(track.scrollLeft).to.equal(100);
    expect(chosen).to.deep.equal([1]);
  });
});
