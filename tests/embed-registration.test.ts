// Registration as embeds meet it: a property set before the script defines the element, the define file
// imported twice, a second copy of another version, another tag name. This file must not import
// src/define.ts statically: the first test defines the element itself, late, as a slow script would.
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { NotWithThemGallery } from '../src/notwiththem-gallery.js';
import { version } from '../src/version.js';
import { waitUntil } from './helpers/waits.js';

const TESTIMONIALS = [
  {
    id: 'laura-vilches',
    image: '/tests/fixtures/photos/sign-1.svg',
    quote: '#NotWithThem because they represent the capitalist class',
    name: 'Laura Vilches',
  },
  {
    id: 'pompeya',
    image: '/tests/fixtures/photos/sign-4.svg',
    quote: '#NotWithThem. We need a workers party!',
    name: 'Workers from Pompeya',
  },
];

const slides = (el: Element) => [...(el.shadowRoot?.querySelectorAll('[part~="slide"]') ?? [])];

describe('registration', () => {
  afterEach(() => {
    sinon.restore();
    document.querySelectorAll('[data-test]').forEach((el) => el.remove());
  });

  it('keeps properties set on the element before the script defined it', async () => {
    // Arrange: an element in the page, not yet upgraded, given data by a host script that ran first.
    expect(customElements.get('notwiththem-gallery')).to.equal(undefined);
    const el = document.createElement('notwiththem-gallery') as NotWithThemGallery;
    el.dataset.test = '';
    document.body.append(el);
    el.testimonials = TESTIMONIALS;
    el.label = 'Set before define';
    el.autoplay = false;

    // Act: the script arrives.
    await import('../src/define.js');

    // Assert
    expect(el).to.be.instanceOf(NotWithThemGallery);
    await waitUntil(() => slides(el).length === 2, 'the early testimonials never rendered', {
      timeout: 5000,
    });
    expect(el.shadowRoot!.querySelector('[part~="title"]')!.textContent).to.equal('Set before define');
    expect(el.items.map((item) => item.id)).to.deep.equal(['laura-vilches', 'pompeya']);
  });

  it('does nothing, silently, when the define file runs again', async () => {
    const warn = sinon.stub(console, 'warn');
    await import('../src/define.js');
    NotWithThemGallery.define();
    // A second copy of the same version (the bundle loaded twice) is another class with the same version.
    class SecondCopy extends NotWithThemGallery {}
    expect(() => SecondCopy.define()).not.to.throw();
    expect(customElements.get('notwiththem-gallery')).to.equal(NotWithThemGallery);
    expect(warn.called).to.equal(false);
  });

  it('warns once when another version already holds the tag', () => {
    const warn = sinon.stub(console, 'warn');
    class NewerCopy extends NotWithThemGallery {
      static override readonly version = '99.0.0';
    }
    NewerCopy.define();
    NewerCopy.define();
    class ThirdCopy extends NotWithThemGallery {
      static override readonly version = '99.0.0';
    }
    ThirdCopy.define();
    expect(warn.callCount).to.equal(1);
    expect(String(warn.firstCall.args[0])).to.contain('99.0.0').and.to.contain(version);
    expect(customElements.get('notwiththem-gallery')).to.equal(NotWithThemGallery);
  });

  it('carries the package version', () => {
    expect(NotWithThemGallery.version).to.equal(version);
    expect(version).to.match(/^\d+\.\d+\.\d+/);
  });

  it('registers under another tag for hosts that need one', async () => {
    NotWithThemGallery.define('nwt-testimonials');
    NotWithThemGallery.define('nwt-testimonials');
    const Defined = customElements.get('nwt-testimonials')!;
    expect(Defined.prototype).to.be.instanceOf(NotWithThemGallery);
    const el = document.createElement('nwt-testimonials') as NotWithThemGallery;
    el.dataset.test = '';
    el.testimonials = TESTIMONIALS;
    document.body.append(el);
    await waitUntil(() => slides(el).length === 2, 'the renamed element never rendered', { timeout: 5000 });
  });
});
