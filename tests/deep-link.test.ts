import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import sinon from 'sinon';
import '../src/define.js';
import { deepLinkHash, deepLinkId } from '../src/deep-link.js';
import type { NotWithThemGallery } from '../src/notwiththem-gallery.js';
import { testimonialUrl } from '../src/share/targets.js';

const FEED = new URL('./fixtures/feed-basic.json', import.meta.url).href;

describe('deep-link', () => {
  it('reads back the id it writes, percent-encoding and all', () => {
    for (const id of ['laura-vilches', 'a b', 'ñandú', '#50%']) {
      expect(deepLinkId(deepLinkHash(id))).to.equal(id);
    }
    expect(testimonialUrl('https://example.org/post#top', 'a b')).to.equal(
      `https://example.org/post${deepLinkHash('a b')}`,
    );
  });

  it('ignores a hash that is not ours, or that is not valid percent-encoding', () => {
    for (const hash of ['', '#', '#top', '#50%-off', '#nwt-%E0%A4%A', '#nwt-%ZZ', '#%nwt-a']) {
      expect(deepLinkId(hash), hash).to.equal(undefined);
    }
    expect(deepLinkId('#nwt-')).to.equal('');
  });

  describe('in the gallery', () => {
    let hash = '';
    beforeEach(() => {
      hash = location.hash;
    });
    afterEach(() => {
      history.replaceState(null, '', hash || location.pathname + location.search);
      sinon.restore();
    });

    for (const pageHash of ['#50%-off', '#nwt-%E0%A4%A', '#nwt-%ZZ']) {
      it(`loads the feed and starts at the first testimonial under the host's hash ${pageHash}`, async () => {
        history.replaceState(null, '', pageHash);
        const warn = sinon.spy(console, 'warn');
        const errors: Event[] = [];
        const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
        wrapper.addEventListener('nwt-error', (event) => errors.push(event));
        const el = document.createElement('notwiththem-gallery') as NotWithThemGallery;
        el.src = FEED;
        const loaded = oneEvent(el, 'nwt-load');
        wrapper.append(el);
        await loaded;
        await el.updateComplete;
        // A hashchange to such a hash is ignored as quietly.
        window.dispatchEvent(new HashChangeEvent('hashchange'));
        expect(errors).to.have.length(0);
        // The fixture's own warnings aside, nothing about the hash, and no error.
        const warnings = warn.getCalls().map((call) => String(call.args[0]));
        expect(warnings.filter((text) => /URI|: parse:|: network:/.test(text))).to.deep.equal([]);
        expect(el.currentIndex).to.equal(0);
        expect(el.shadowRoot!.querySelector('[part~="state"][role="alert"]')).to.equal(null);
      });
    }

    it('starts at the testimonial that #nwt-<id> names', async () => {
      history.replaceState(null, '', deepLinkHash('workers-pompeya'));
      const el = document.createElement('notwiththem-gallery') as NotWithThemGallery;
      el.src = FEED;
      const loaded = oneEvent(el, 'nwt-load');
      (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
      await loaded;
      expect(el.items[el.currentIndex]!.id).to.equal('workers-pompeya');
    });
  });
});
