import { expect, fixture, html, nextFrame, oneEvent } from '@open-wc/testing';
import sinon from 'sinon';
import '../src/define.js';
import type { NotWithThemGallery } from '../src/notwiththem-gallery.js';
import { slides } from './helpers/gallery.js';
import { waitUntil } from './helpers/waits.js';

/** A fetch that answers only when the test says so. */
function heldFetch() {
  const calls: { url: string; signal: AbortSignal; answer(body: unknown): Response }[] = [];
  sinon.stub(window, 'fetch').callsFake(
    (input, init) =>
      new Promise<Response>((resolve) =>
        calls.push({
          url: String(input),
          signal: init!.signal!,
          answer: (body) => {
            const response = new Response(JSON.stringify(body), {
              headers: { 'content-type': 'application/json' },
            });
            resolve(response);
            return response;
          },
        }),
      ),
  );
  return calls;
}

const feedOf = (...ids: string[]) =>
  ids.map((id) => ({ id, image: `https://example.org/${id}.webp`, quote: `Because ${id}` }));

describe('feed-controller', () => {
  afterEach(() => sinon.restore());

  it('a new src aborts the load in flight, and only the latest load settles', async () => {
    const calls = heldFetch();
    const el = await fixture<NotWithThemGallery>(
      html`<notwiththem-gallery src="https://feeds.example/a.json" share="none"></notwiththem-gallery>`,
    );
    await waitUntil(() => calls.length === 1, 'first load not started');
    el.src = 'https://feeds.example/b.json';
    await waitUntil(() => calls.length === 2, 'second load not started');
    expect(calls[0]!.signal.aborted, 'first load aborted').to.equal(true);
    expect(calls[1]!.signal.aborted).to.equal(false);
    const loaded = oneEvent(el, 'nwt-load');
    calls[1]!.answer(feedOf('b1', 'b2'));
    await loaded;
    // The first answer arrives late: it changes nothing, not even for one render. Its load was settled by
    // the abort, so the answer could only act through the fetch promise's reactions, which run before the
    // next frame: by then its body is still unread (nothing can parse it later) and no render showed it.
    const rendered: string[][] = [];
    el.addController({ hostUpdated: () => rendered.push(el.items.map((item) => item.id)) });
    const late = calls[0]!.answer(feedOf('a1'));
    await nextFrame();
    await el.updateComplete;
    expect(late.bodyUsed, 'the late answer was read').to.equal(false);
    expect(rendered.flat()).to.not.include('a1');
    expect(el.items.map((item) => item.id)).to.deep.equal(['b1', 'b2']);
    expect(slides(el)).to.have.length(2);
  });

  it('reload() runs the same source again and resolves once it settled', async () => {
    const calls = heldFetch();
    const el = await fixture<NotWithThemGallery>(
      html`<notwiththem-gallery src="https://feeds.example/a.json" share="none"></notwiththem-gallery>`,
    );
    await waitUntil(() => calls.length === 1, 'first load not started');
    calls[0]!.answer(feedOf('a1'));
    await oneEvent(el, 'nwt-load');
    const reloaded = el.reload();
    await waitUntil(() => calls.length === 2, 'reload not started');
    expect(calls[1]!.url).to.equal('https://feeds.example/a.json');
    expect(el.shadowRoot!.querySelector('[part~="viewport"]')!.getAttribute('aria-busy')).to.equal('true');
    calls[1]!.answer(feedOf('a1', 'a2'));
    await reloaded;
    await el.updateComplete;
    expect(el.items.map((item) => item.id)).to.deep.equal(['a1', 'a2']);
    expect(el.shadowRoot!.querySelector('[part~="viewport"]')!.getAttribute('aria-busy')).to.equal('false');
  });
});
