import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../src/define.js';
import type { NotWithThemGallery } from '../src/notwiththem-gallery.js';
import { shareHref, shareText, testimonialUrl, type ShareTarget } from '../src/share/targets.js';
import { expectAccessible } from './helpers/axe.js';
import { skipIn } from './helpers/engine.js';
import { $, $$, FEED, mount, rendered, slides, TRACK } from './helpers/gallery.js';
import { waitUntil } from './helpers/waits.js';

const LAURA = {
  id: 'laura-vilches',
  quote: '#NotWithThem because they represent the capitalist class',
  name: 'Laura Vilches',
};
const DEFAULT_ORDER = ['facebook', 'x', 'whatsapp', 'telegram', 'bluesky', 'linkedin', 'email', 'copy'];
const NAMES: Record<string, string> = {
  native: 'Share…',
  facebook: 'Share on Facebook',
  x: 'Share on X',
  whatsapp: 'Share on WhatsApp',
  telegram: 'Share on Telegram',
  bluesky: 'Share on Bluesky',
  linkedin: 'Share on LinkedIn',
  email: 'Share by email',
  copy: 'Copy link',
};
const LONG_QUOTE =
  'Because the people who build everything deserve to decide everything, not the bosses. '.repeat(4);

const shadow = (el: NotWithThemGallery) => el.shadowRoot!;
const firstSlide = (el: NotWithThemGallery) => slides(el)[0]!;
const targetOf = (control: Element) => control.getAttribute('part')!.split(' ')[1]!.replace('share-', '');
const controls = (root: ParentNode) => $$(root, '[part~="share-control"]');
const pageUrl = () => location.href.split('#')[0]!;

/** A gallery of `width` px, ready, with its first slide's share area (or "Share" button) rendered. */
async function gallery(width: number, attrs = '', src = FEED): Promise<NotWithThemGallery> {
  const el = await mount({ width, attrs, src });
  await openShare(el);
  return el;
}

/**
 * Opens the first slide's share sheet when its targets wait behind "Share" (more than three of them, or
 * too little room), as a reader's click does; a slide that shows its targets is left as it is.
 */
async function openShare(el: NotWithThemGallery): Promise<void> {
  const button = $(firstSlide(el), '[part~="share-more"][aria-expanded="false"]');
  if (!button) return;
  button.click();
  await waitUntil(
    () => controls($(firstSlide(el), '[part~="share-sheet"]:popover-open') ?? document).length,
    'the Share button did not open the sheet',
  );
}

/** A gallery given its data directly (no fetch), its sheet left closed. */
const withData = (data: unknown, width = 480, attrs = '') => mount({ width, attrs, testimonials: data });

/** A gallery given its data directly (no fetch). */
async function galleryWith(data: unknown, width = 480, attrs = ''): Promise<NotWithThemGallery> {
  const el = await withData(data, width, attrs);
  await openShare(el);
  return el;
}

async function openDialogFromSlide(el: NotWithThemGallery): Promise<HTMLDialogElement> {
  await waitUntil(() => $(firstSlide(el), '[part~="read-more"]'), 'no Read more');
  const opener = $(firstSlide(el), '[part~="read-more"]')!;
  opener.click();
  const dialog = $<HTMLDialogElement>(shadow(el), 'dialog')!;
  await waitUntil(
    () => dialog.open && $(dialog, '[part~="share"]'),
    'dialog never opened with its share area',
  );
  return dialog;
}

/** A click that the page itself stops from navigating (after the gallery saw it), as a browser would run it. */
function click(control: HTMLElement): MouseEvent {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
  control.dispatchEvent(event);
  return event;
}

describe('share area', () => {
  let sandbox: sinon.SinonSandbox;
  let nativeShare: PropertyDescriptor | undefined;
  let stopNavigation: (event: Event) => void;
  const navigations: string[] = [];

  before(() => {
    // Chromium has a share sheet on some systems only: start from "none" everywhere.
    nativeShare = Object.getOwnPropertyDescriptor(Navigator.prototype, 'share');
    if (nativeShare) delete (Navigator.prototype as { share?: unknown }).share;
  });
  after(() => {
    if (nativeShare) Object.defineProperty(Navigator.prototype, 'share', nativeShare);
  });
  beforeEach(() => {
    sandbox = sinon.createSandbox();
    navigations.length = 0;
    // The test page must never navigate: a link click that gets here is recorded, then stopped (a
    // button's own action, such as opening the share sheet, goes on).
    stopNavigation = (event: Event) => {
      const link = (event.composedPath()[0] as Element).closest?.('a');
      if (!link) return;
      if (!event.defaultPrevented) navigations.push(link.href);
      event.preventDefault();
    };
    document.addEventListener('click', stopNavigation);
  });
  afterEach(() => {
    document.removeEventListener('click', stopNavigation);
    sandbox.restore();
    delete (navigator as { share?: unknown }).share;
  });

  describe('targets', () => {
    it('shows every target in the share sheet, in order, named, as plain links and buttons', async () => {
      const el = await gallery(480);
      const slide = firstSlide(el);
      const group = $(slide, '[part~="share"]')!;
      expect(group.getAttribute('role')).to.equal('group');
      expect(group.getAttribute('aria-label')).to.equal('Share');
      const found = controls(slide);
      expect(found.map(targetOf)).to.deep.equal(DEFAULT_ORDER);
      expect(found.map((c) => c.getAttribute('aria-label'))).to.deep.equal(
        DEFAULT_ORDER.map((t) => NAMES[t]),
      );
      for (const control of found) {
        expect($(control, 'svg')!.getAttribute('aria-hidden'), targetOf(control)).to.equal('true');
        const target = targetOf(control);
        if (target === 'copy') {
          expect(control.tagName).to.equal('BUTTON');
          expect(control.getAttribute('type')).to.equal('button');
        } else if (target === 'email') {
          expect(control.tagName).to.equal('A');
          expect(control.hasAttribute('target')).to.equal(false);
        } else {
          expect(control.tagName).to.equal('A');
          expect(control.getAttribute('target')).to.equal('_blank');
          expect(control.getAttribute('rel')).to.equal('noopener noreferrer');
        }
        expect(control.getBoundingClientRect().height, target).to.be.at.least(44);
      }
    });

    it('shows three targets on a slide that has room in one row, in its reserved height', async () => {
      const el = await gallery(480, 'share="whatsapp x copy"');
      const slide = firstSlide(el);
      const group = $(slide, '.slide-actions [part~="share"]')!;
      expect(group.getAttribute('role')).to.equal('group');
      expect(group.getAttribute('aria-label')).to.equal('Share');
      const found = controls(group);
      expect(found.map(targetOf)).to.deep.equal(['whatsapp', 'x', 'copy']);
      const row = $(slide, '.slide-actions')!;
      expect(new Set(found.map((c) => c.getBoundingClientRect().top)).size).to.equal(1);
      expect(row.getBoundingClientRect().height).to.be.at.most(44.5);
      for (const control of found) {
        const box = control.getBoundingClientRect();
        expect(box.width, targetOf(control)).to.be.at.least(32);
        expect(box.height, targetOf(control)).to.be.at.least(44);
      }
    });

    it('links to exactly what shareHref builds for the seed testimonial, at the page URL without its hash', async () => {
      history.replaceState(null, '', '#somewhere');
      try {
        const el = await gallery(480);
        const url = `${pageUrl()}#nwt-laura-vilches`;
        expect(url).to.equal(testimonialUrl(location.href, 'laura-vilches'));
        for (const control of controls(firstSlide(el))) {
          const target = targetOf(control) as ShareTarget;
          if (target === 'copy') continue;
          expect(control.getAttribute('href'), target).to.equal(
            shareHref(target, { url, testimonial: LAURA, hashtag: 'NotWithThem' }),
          );
        }
      } finally {
        history.replaceState(null, '', location.pathname + location.search);
      }
    });

    it('uses share-url and the hashtag attribute, else the feed hashtag, else NotWithThem', async () => {
      const el = await gallery(
        480,
        'share="x email" share-url="https://example.org/campaign?from=a#top" hashtag="#Other"',
      );
      const url = 'https://example.org/campaign?from=a#nwt-laura-vilches';
      const [x, email] = controls(firstSlide(el));
      expect(x!.getAttribute('href')).to.equal(shareHref('x', { url, testimonial: LAURA, hashtag: 'Other' }));
      expect(email!.getAttribute('href')).to.equal(
        shareHref('email', { url, testimonial: LAURA, hashtag: 'Other' }),
      );
      expect(decodeURIComponent(x!.getAttribute('href')!)).to.contain('#Other');
      // Links follow a new share-url or hashtag (they are cached per testimonial, URL and hashtag).
      el.shareUrl = 'https://example.net/';
      el.hashtag = 'Third';
      await el.updateComplete;
      expect(controls(firstSlide(el))[0]!.getAttribute('href')).to.equal(
        shareHref('x', {
          url: 'https://example.net/#nwt-laura-vilches',
          testimonial: LAURA,
          hashtag: 'Third',
        }),
      );

      const entry = {
        id: 'ana',
        image: '/tests/fixtures/photos/sign-1.svg',
        quote: 'Because we decide',
        name: 'Ana',
      };
      const fromFeed = await galleryWith(
        { hashtag: 'FeedTag', testimonials: [entry] },
        480,
        'share="whatsapp"',
      );
      const href = controls(firstSlide(fromFeed))[0]!.getAttribute('href')!;
      expect(href).to.equal(
        shareHref('whatsapp', { url: `${pageUrl()}#nwt-ana`, testimonial: entry, hashtag: 'FeedTag' }),
      );

      const plain = await galleryWith([entry], 480, 'share="whatsapp"');
      expect(decodeURIComponent(controls(firstSlide(plain))[0]!.getAttribute('href')!)).to.contain(
        '— Ana #NotWithThem',
      );
    });

    it('the share attribute chooses and orders the targets, and can change', async () => {
      const el = await gallery(480, 'share="copy WhatsApp x"');
      expect(controls(firstSlide(el)).map(targetOf)).to.deep.equal(['copy', 'whatsapp', 'x']);
      el.share = 'email, telegram';
      await el.updateComplete;
      expect(controls(firstSlide(el)).map(targetOf)).to.deep.equal(['email', 'telegram']);
    });

    it('warns once per element about each unknown name and ignores it', async () => {
      const warn = sandbox.stub(console, 'warn');
      const shareWarnings = () => warn.args.filter((args) => String(args[0]).includes('share target'));
      const el = await gallery(480, 'share="whatsapp facebok"');
      expect(controls(firstSlide(el)).map(targetOf)).to.deep.equal(['whatsapp']);
      el.share = 'facebok x';
      await el.updateComplete;
      el.requestUpdate();
      await el.updateComplete;
      expect(controls(firstSlide(el)).map(targetOf)).to.deep.equal(['x']);
      expect(shareWarnings().length).to.equal(1);
      expect(String(shareWarnings()[0]![0])).to.contain('"facebok"');
      el.share = 'bogus';
      await el.updateComplete;
      expect(shareWarnings().length).to.equal(2);
      expect($(firstSlide(el), '[part~="share"], [part~="share-more"]')).to.equal(null);
    });

    it('share="none" hides the area on slides and in the dialog', async () => {
      const el = await galleryWith(
        [{ id: 'long', image: '/tests/fixtures/photos/sign-1.svg', quote: LONG_QUOTE, name: 'Ana' }],
        320,
        'share="none"',
      );
      await waitUntil(() => $(firstSlide(el), '[part~="read-more"]'), 'no Read more');
      expect($(shadow(el), '[part~="share"], [part~="share-more"], [part~="share-control"]')).to.equal(null);
      $(firstSlide(el), '[part~="read-more"]')!.click();
      const dialog = $<HTMLDialogElement>(shadow(el), 'dialog')!;
      await waitUntil(() => dialog.open);
      expect($(dialog, '[part~="share"]')).to.equal(null);
      dialog.close();
    });

    it('speaks Spanish with lang="es"', async () => {
      const el = await gallery(480, 'lang="es" share="whatsapp email copy"');
      expect(controls(firstSlide(el)).map((c) => c.getAttribute('aria-label'))).to.deep.equal([
        'Compartir en WhatsApp',
        'Compartir por correo',
        'Copiar enlace',
      ]);
      expect($(firstSlide(el), '[part~="share"]')!.getAttribute('aria-label')).to.equal('Compartir');
    });
  });

  describe('the Share button of a slide', () => {
    /** A gallery whose slides wait with "Share" (the default targets), not opened by the helper. */
    async function closedGallery(width: number, data: unknown): Promise<NotWithThemGallery> {
      const wrapper = await fixture<HTMLDivElement>(html`<div style=${`width:${width}px`}></div>`);
      wrapper.innerHTML = `<notwiththem-gallery></notwiththem-gallery>`;
      const el = wrapper.firstElementChild as NotWithThemGallery;
      el.testimonials = data;
      await rendered(el);
      await waitUntil(() => $(firstSlide(el), '[part~="share-more"][aria-expanded]'), 'no Share button');
      return el;
    }
    const entries = [
      { id: 'long', image: '/tests/fixtures/photos/sign-1.svg', quote: LONG_QUOTE, name: 'Ana' },
      { id: 'short', image: '/tests/fixtures/photos/sign-2.svg', quote: 'Short', name: 'Bea' },
      { id: 'third', image: '/tests/fixtures/photos/sign-3.svg', quote: 'Third', name: 'Cris' },
    ];

    it('holds more than three targets behind one button that opens the share sheet, focus on the first', async () => {
      const el = await closedGallery(480, entries);
      const slide = firstSlide(el);
      const button = $(slide, '[part~="share-more"]')!;
      const sheet = $(slide, '[part~="share-sheet"]')!;
      expect(controls(slide)).to.deep.equal([]);
      expect(button.textContent!.trim()).to.equal('Share');
      expect(button.hasAttribute('aria-haspopup')).to.equal(false);
      // A disclosure: it says whether its sheet is shown, and which element that is.
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(button.getAttribute('aria-controls')).to.equal(sheet.id);
      expect(button.getAttribute('popovertarget')).to.equal(sheet.id);
      await waitUntil(() => $(slide, '[part~="read-more"]'), 'no Read more');
      // The row stays a few nodes: the button and its glyph, the empty sheet, and "Read more".
      expect($$(slide, '.slide-actions *').length).to.be.at.most(6);
      await expectAccessible(el);

      button.click();
      await waitUntil(() => controls(slide).length === DEFAULT_ORDER.length, 'the targets did not show');
      expect(sheet.matches(':popover-open')).to.equal(true);
      expect(controls(sheet).map(targetOf)).to.deep.equal(DEFAULT_ORDER);
      await waitUntil(() => shadow(el).activeElement === controls(sheet)[0], 'focus is not on the first');
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      // "Share" stays where it was, and "Read more" with it.
      expect($(slide, '[part~="share-more"]')).to.equal(button);
      expect($(slide, '[part~="read-more"]')).to.not.equal(null);
      await expectAccessible(el);

      button.click();
      await waitUntil(() => button.getAttribute('aria-expanded') === 'false', 'aria-expanded stayed true');
      expect(sheet.matches(':popover-open')).to.equal(false);
      expect(sheet.getBoundingClientRect().height).to.equal(0);
    });

    it('opens the sheet in the window at every width, in all three engines', async () => {
      for (const width of [320, 480, 1600]) {
        const el = await closedGallery(width, entries);
        const button = $(firstSlide(el), '[part~="share-more"]')!;
        button.scrollIntoView({ block: 'end' });
        button.click();
        const sheet = $(firstSlide(el), '[part~="share-sheet"]')!;
        await waitUntil(() => controls(sheet).length === DEFAULT_ORDER.length, `no sheet at ${width}`);
        for (const control of controls(sheet)) {
          const box = control.getBoundingClientRect();
          expect(box.top, `${width}: ${targetOf(control)}`).to.be.at.least(0);
          expect(box.left, `${width}: ${targetOf(control)}`).to.be.at.least(0);
          expect(box.bottom, `${width}: ${targetOf(control)}`).to.be.at.most(innerHeight + 0.5);
          expect(box.right, `${width}: ${targetOf(control)}`).to.be.at.most(innerWidth + 0.5);
        }
        sheet.hidePopover();
        await waitUntil(() => button.getAttribute('aria-expanded') === 'false', 'the sheet did not close');
      }
    });

    it('Escape in the sheet closes it and gives focus back to "Share"', async () => {
      const el = await closedGallery(480, entries);
      const slide = firstSlide(el);
      const button = $(slide, '[part~="share-more"]')!;
      button.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => controls(slide).length > 0, 'Enter did not open the sheet');
      await waitUntil(() => shadow(el).activeElement === controls(slide)[0], 'focus is not on the first');
      await sendKeys({ press: 'Tab' });
      expect(shadow(el).activeElement).to.equal(controls(slide)[1]);
      await sendKeys({ press: 'Escape' });
      await waitUntil(
        () => button.getAttribute('aria-expanded') === 'false',
        'Escape did not close the sheet',
      );
      expect($(slide, '[part~="share-sheet"]')!.matches(':popover-open')).to.equal(false);
      const focused = shadow(el).activeElement;
      expect(
        focused === button,
        `focus on ${focused?.getAttribute('part')} ${document.activeElement?.localName}`,
      ).to.equal(true);
    });

    it("shows one slide's sheet at a time", async () => {
      const el = await closedGallery(1600, entries);
      const slides = $$(shadow(el), `${TRACK} > .slide`);
      expect(slides.length).to.equal(3);
      $(slides[0]!, '[part~="share-more"]')!.click();
      await waitUntil(() => controls(slides[0]!).length > 0);
      $(slides[1]!, '[part~="share-more"]')!.click();
      await waitUntil(() => controls(slides[1]!).length > 0);
      await waitUntil(() => controls(slides[0]!).length === 0, 'the first sheet stayed open');
      expect($(slides[0]!, '[part~="share-more"]')!.getAttribute('aria-expanded')).to.equal('false');
      expect($(slides[1]!, '[part~="share-more"]')!.getAttribute('aria-expanded')).to.equal('true');
    });

    it('three targets or fewer show on every slide without the button', async () => {
      const el = await gallery(480, 'share="whatsapp x copy"');
      expect(controls(firstSlide(el)).map(targetOf)).to.deep.equal(['whatsapp', 'x', 'copy']);
      expect($(firstSlide(el), '[part~="share-more"]')).to.equal(null);
    });
  });

  describe('narrow slides', () => {
    it('show one "Share" button in the same row when the targets do not fit, which opens a compact share sheet', async () => {
      const el = await withData(
        [
          { id: 'long', image: '/tests/fixtures/photos/sign-1.svg', quote: LONG_QUOTE, name: 'Ana' },
          { id: 'short', image: '/tests/fixtures/photos/sign-2.svg', quote: 'Short', name: 'Bea' },
        ],
        300,
      );
      await waitUntil(() => $(firstSlide(el), '[part~="share-more"]'), 'no Share button');
      const slide = firstSlide(el);
      const row = $(slide, '.slide-actions')!;
      const more = $(slide, '[part~="share-more"]')!;
      const readMore = $(slide, '[part~="read-more"]')!;
      const sheet = $(slide, '[part~="share-sheet"]')!;
      expect(controls(row).filter((c) => !sheet.contains(c))).to.deep.equal([]);
      expect(more.textContent!.trim()).to.equal('Share');
      expect(more.getBoundingClientRect().top).to.equal(readMore.getBoundingClientRect().top);
      expect(row.getBoundingClientRect().height).to.be.at.most(44.5);
      expect(sheet.matches(':popover-open')).to.equal(false);
      await expectAccessible(el);

      // The sheet: the targets first, each with its name, focus on the first; not the whole testimonial.
      $(firstSlide(el), '[part~="share-more"]')!.click();
      await waitUntil(
        () => $(firstSlide(el), '[part~="share-sheet"]:popover-open'),
        'the share sheet never opened',
      );
      const sheetShown = $(firstSlide(el), '[part~="share-sheet"]')!;
      expect(sheetShown).to.equal(sheet);
      await waitUntil(
        () => shadow(el).activeElement === controls(sheet)[0],
        'focus is not on the first target',
      );
      expect($<HTMLDialogElement>(shadow(el), 'dialog')!.open).to.equal(false);
      expect(controls(sheet).map(targetOf)).to.deep.equal(DEFAULT_ORDER);
      expect(controls(sheet).map((c) => c.getAttribute('aria-label'))).to.deep.equal(
        DEFAULT_ORDER.map((t) => NAMES[t]),
      );
      for (const control of controls(sheet)) {
        expect(control.textContent!.trim(), 'a visible name').to.not.equal('');
        expect(control.getBoundingClientRect().height).to.be.at.least(44);
      }
      const box = sheet.getBoundingClientRect();
      expect(box.bottom).to.be.at.most(innerHeight + 1);
      expect(box.right).to.be.at.most(innerWidth + 1);
      const url = `${pageUrl()}#nwt-long`;
      expect(controls(sheet)[2]!.getAttribute('href')).to.equal(
        shareHref('whatsapp', {
          url,
          testimonial: { quote: LONG_QUOTE, name: 'Ana' },
          hashtag: 'NotWithThem',
        }),
      );
      await expectAccessible(el);
      sheet.hidePopover();
      await waitUntil(() => !sheet.matches(':popover-open'), 'the share sheet did not close');
    });

    it('a gallery with few targets shows them even when narrow', async () => {
      const el = await gallery(300, 'share="whatsapp copy"');
      expect(controls(firstSlide(el)).map(targetOf)).to.deep.equal(['whatsapp', 'copy']);
      expect($(firstSlide(el), '[part~="share-more"]')).to.equal(null);
    });
  });

  describe('copy link', () => {
    it('copies the URL, shows "Link copied" on the button for about 2 s and announces it politely', async () => {
      const writeText = sandbox.stub(navigator.clipboard, 'writeText').resolves();
      const el = await gallery(480, 'share="x copy"');
      const button = $(firstSlide(el), '[part~="share-copy"]')!;
      const status = $(shadow(el), '.footer [role="status"]')!;
      expect(status.textContent!.trim()).to.equal('');
      expect(status.classList.contains('visually-hidden')).to.equal(true);

      button.click();
      await waitUntil(() => status.textContent!.trim() === 'Link copied', 'not announced');
      expect(writeText.calledOnceWithExactly(`${pageUrl()}#nwt-laura-vilches`)).to.equal(true);
      const bubble = $(button.parentElement!, '.share-copied')!;
      expect(bubble.textContent).to.equal('Link copied');
      const box = bubble.getBoundingClientRect();
      expect(box.width).to.be.greaterThan(0);
      expect(getComputedStyle(bubble).visibility).to.equal('visible');
      expect(button.getAttribute('aria-label')).to.equal('Copy link');
      await expectAccessible(el);

      expect(bubble.getBoundingClientRect().bottom).to.be.at.most(button.getBoundingClientRect().top);
      expect($(button, 'svg path')!.getAttribute('d')).to.match(/^M5 12.5/); // the check mark
      await waitUntil(() => !$(button.parentElement!, '.share-copied'), 'feedback never went away', {
        timeout: 3000,
      });
      expect(status.textContent!.trim()).to.equal('');
    });

    it('announces inside the open dialog, where the rest of the gallery is inert', async () => {
      sandbox.stub(navigator.clipboard, 'writeText').resolves();
      const el = await galleryWith(
        [{ id: 'long', image: '/tests/fixtures/photos/sign-1.svg', quote: LONG_QUOTE, name: 'Ana' }],
        300,
      );
      const dialog = await openDialogFromSlide(el);
      $(dialog, '[part~="share-copy"]')!.click();
      const status = $(dialog, '[role="status"]')!;
      await waitUntil(() => status.textContent!.trim() === 'Link copied', 'not announced in the dialog');
      expect($(dialog, '.share-copy .share-copied')!.textContent).to.equal('Link copied');
      expect($(shadow(el), '.footer [role="status"]')!.textContent!.trim()).to.equal('');
      await expectAccessible(el);
      dialog.close();
    });

    it('shows "Link copied" in the dialog at 375 px over no control', async function () {
      // The dialog's width follows the window's, and MiniBrowser's window is at least about 450 px wide.
      skipIn(this, 'webkit', 'the window cannot be 375 px wide in MiniBrowser');
      sandbox.stub(navigator.clipboard, 'writeText').resolves();
      await setViewport({ width: 375, height: 700 });
      try {
        const el = await withData(
          [
            {
              id: 'long',
              image: '/tests/fixtures/photos/sign-1.svg',
              quote: LONG_QUOTE,
              name: 'Ana',
              url: 'https://example.org/testimonials/ana',
            },
          ],
          375,
        );
        const dialog = await openDialogFromSlide(el);
        $(dialog, '[part~="share-copy"]')!.click();
        await waitUntil(() => $(dialog, '.share-copied'), 'no "Link copied"');
        const bubble = $(dialog, '.share-copied')!.getBoundingClientRect();
        const frame = dialog.getBoundingClientRect();
        expect(bubble.left, 'inside the dialog').to.be.at.least(frame.left);
        expect(bubble.right, 'inside the dialog').to.be.at.most(frame.right);
        for (const control of $$(dialog, 'a, button, input')) {
          const box = control.getBoundingClientRect();
          const covered =
            box.left < bubble.right &&
            bubble.left < box.right &&
            box.top < bubble.bottom &&
            bubble.top < box.bottom;
          expect(covered, `covers ${control.getAttribute('part') ?? control.localName}`).to.equal(false);
        }
        dialog.close();
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });

    it('when copying fails, shows the link selected in a read-only field, labelled', async () => {
      const writeText = sandbox
        .stub(navigator.clipboard, 'writeText')
        .rejects(new DOMException('denied', 'NotAllowedError'));
      const el = await gallery(320, 'share="whatsapp copy"');
      $(firstSlide(el), '[part~="share-copy"]')!.click();
      await waitUntil(() => $(firstSlide(el), '[part~="share-fallback"]'), 'no fallback');
      expect(writeText.calledOnce).to.equal(true);
      const label = $(firstSlide(el), '[part~="share-fallback"]')!;
      const field = $<HTMLInputElement>(label, 'input')!;
      expect(label.tagName).to.equal('LABEL');
      expect(label.textContent!.trim()).to.equal('Copy this link:');
      expect(field.readOnly).to.equal(true);
      expect(field.value).to.equal(`${pageUrl()}#nwt-laura-vilches`);
      expect(shadow(el).activeElement).to.equal(field);
      expect([field.selectionStart, field.selectionEnd]).to.deep.equal([0, field.value.length]);
      expect(
        el.shadowRoot!.querySelector('.track')!.scrollLeft,
        'focusing the field moved the track',
      ).to.equal(0);
      // Still one row, within the slide.
      expect($(firstSlide(el), '.slide-actions')!.getBoundingClientRect().height).to.be.at.most(44.5);
      expect(label.getBoundingClientRect().right).to.be.at.most(
        firstSlide(el).getBoundingClientRect().right + 0.5,
      );
      await expectAccessible(el);

      field.blur();
      await waitUntil(() => $(firstSlide(el), '[part~="share-copy"]'), 'the controls did not come back');
    });
  });

  describe('nwt-share', () => {
    it('is dispatched before the share, bubbling and composed, with target, testimonial and url', async () => {
      const writeText = sandbox.stub(navigator.clipboard, 'writeText').resolves();
      const el = await gallery(480);
      const seen: { event: CustomEvent; copiedYet: boolean }[] = [];
      const listener = (event: Event) =>
        seen.push({ event: event as CustomEvent, copiedYet: writeText.called });
      document.addEventListener('nwt-share', listener);
      try {
        const whatsapp = $(firstSlide(el), '[part~="share-whatsapp"]')!;
        click(whatsapp);
        $(firstSlide(el), '[part~="share-copy"]')!.click();
        await waitUntil(() => writeText.called);
      } finally {
        document.removeEventListener('nwt-share', listener);
      }
      expect(seen.map((s) => s.event.detail.target)).to.deep.equal(['whatsapp', 'copy']);
      const [first, second] = seen;
      expect(first!.event.bubbles && first!.event.composed && first!.event.cancelable).to.equal(true);
      expect(first!.event.detail.url).to.equal(`${pageUrl()}#nwt-laura-vilches`);
      expect(first!.event.detail.testimonial.id).to.equal('laura-vilches');
      expect(first!.event.detail.testimonial.name).to.equal('Laura Vilches');
      expect(second!.copiedYet).to.equal(false);
      // The link was left to open (the test page stopped it afterwards).
      expect(navigations).to.deep.equal([
        $<HTMLAnchorElement>(firstSlide(el), '[part~="share-whatsapp"]')!.href,
      ]);
    });

    it('preventDefault() stops the link, the copy and the share sheet', async () => {
      const writeText = sandbox.stub(navigator.clipboard, 'writeText').resolves();
      const share = sinon.stub().resolves();
      Object.defineProperty(navigator, 'share', { value: share, configurable: true });
      const el = await gallery(480);
      const cancelled: string[] = [];
      const cancel = (event: CustomEvent<{ target: string }>) => {
        cancelled.push(event.detail.target);
        event.preventDefault();
      };
      el.addEventListener('nwt-share', cancel);
      try {
        for (const target of ['facebook', 'x', 'whatsapp', 'telegram', 'bluesky', 'linkedin', 'email']) {
          const event = click($(firstSlide(el), `[part~="share-${target}"]`)!);
          expect(event.defaultPrevented, target).to.equal(true);
        }
        $(firstSlide(el), '[part~="share-copy"]')!.click();
        $(firstSlide(el), '[part~="share-native"]')!.click();
        // The element decides in its click handler, on the event's answer; what it does next would show
        // in a render and a frame.
        expect(cancelled.slice(-2)).to.deep.equal(['copy', 'native']);
        await el.updateComplete;
        await nextFrame();
      } finally {
        el.removeEventListener('nwt-share', cancel);
      }
      expect(navigations).to.deep.equal([]);
      expect(writeText.called).to.equal(false);
      expect(share.called).to.equal(false);
      expect($(firstSlide(el), '.share-copied')).to.equal(null);
    });
  });

  describe('native share', () => {
    it('shows only where navigator.share exists', async () => {
      const el = await gallery(480, 'share="native copy"');
      expect(controls(firstSlide(el)).map(targetOf)).to.deep.equal(['copy']);
    });

    it('calls navigator.share with title, text and url, first in the row; cancelling is silent', async () => {
      const share = sinon.stub().rejects(new DOMException('cancelled', 'AbortError'));
      Object.defineProperty(navigator, 'share', { value: share, configurable: true });
      const warn = sandbox.stub(console, 'warn');
      const el = await gallery(480);
      const found = controls(firstSlide(el));
      expect(found.map(targetOf)).to.deep.equal(['native', ...DEFAULT_ORDER]);
      expect(found[0]!.tagName).to.equal('BUTTON');
      expect(found[0]!.getAttribute('aria-label')).to.equal('Share…');
      found[0]!.click();
      await waitUntil(() => share.called);
      expect(share.firstCall.args).to.deep.equal([
        {
          title: 'Laura Vilches',
          text: shareText(LAURA, 'NotWithThem'),
          url: `${pageUrl()}#nwt-laura-vilches`,
        },
      ]);
      // The share sheet was closed: the handler's catch runs in the reactions to its promise.
      await (share.firstCall.returnValue as Promise<void>).catch(() => {});
      await nextFrame();
      expect(warn.args.filter((args) => String(args[0]).includes('share'))).to.deep.equal([]);
      await expectAccessible(el);
    });
  });

  describe('call to action', () => {
    const entry = { image: '/tests/fixtures/photos/sign-1.svg', quote: 'Because', name: 'Ana' };

    it('links a mailto: submit plainly, with the localized label and the hashtag', async () => {
      const el = await gallery(480);
      const link = $<HTMLAnchorElement>(shadow(el), '.footer [part~="submit"]')!;
      expect(link.getAttribute('href')).to.equal('mailto:contact@example.org');
      expect(link.hasAttribute('target')).to.equal(false);
      expect(link.textContent!.trim()).to.equal('Send us your pic saying why you are #NotWithThem');
      const footer = $(shadow(el), '.footer')!;
      expect(footer.getBoundingClientRect().height).to.be.at.most(2 * 1.45 * 16 + 0.5);

      el.setAttribute('lang', 'es');
      await el.updateComplete;
      expect(link.textContent!.trim()).to.equal('Mandanos tu foto diciendo por qué sos #NotWithThem');
    });

    it('opens an https: submit in a new tab without referrer, with the feed label and hashtag', async () => {
      const el = await galleryWith({
        hashtag: 'Ours',
        submit: { url: 'https://example.org/send' },
        testimonials: [entry],
      });
      const link = $<HTMLAnchorElement>(shadow(el), '[part~="submit"]')!;
      expect(link.getAttribute('href')).to.equal('https://example.org/send');
      expect(link.getAttribute('target')).to.equal('_blank');
      expect(link.getAttribute('rel')).to.equal('noopener noreferrer');
      expect(link.textContent!.trim()).to.equal('Send us your pic saying why you are #Ours');
      await expectAccessible(el);

      el.testimonials = {
        submit: { url: 'https://example.org/send', label: 'Mandá tu foto' },
        testimonials: [entry],
      };
      await waitUntil(
        () => $(shadow(el), '[part~="submit"]')?.textContent?.trim() === 'Mandá tu foto',
        'label not used',
      );
    });

    it('is absent for a javascript: URL, and without submit', async () => {
      const warn = sandbox.stub(console, 'warn');
      for (const url of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'data:text/html,hi']) {
        const el = await galleryWith({ submit: { url }, testimonials: [entry] });
        expect($(shadow(el), '[part~="submit"]'), url).to.equal(null);
        expect(shadow(el).innerHTML).to.not.contain('alert(1)');
      }
      const none = await galleryWith([entry]);
      expect($(shadow(none), '[part~="submit"]')).to.equal(null);
      warn.restore();
    });
  });

  describe('accessibility', () => {
    it('is axe-clean with the share area on slides and in the open dialog, in light and dark', async () => {
      const el = await gallery(480);
      await expectAccessible(el);
      el.theme = 'dark';
      await el.updateComplete;
      await expectAccessible(el);
      const narrow = await galleryWith(
        [{ id: 'long', image: '/tests/fixtures/photos/sign-1.svg', quote: LONG_QUOTE, name: 'Ana' }],
        300,
      );
      const dialog = await openDialogFromSlide(narrow);
      expect(controls(dialog).length).to.equal(8);
      await expectAccessible(narrow);
      dialog.close();
      // The slide's Share opens the compact sheet.
      await waitUntil(() => !$(narrow, 'dialog[open]'), 'the dialog did not close');
      $(firstSlide(narrow), '[part~="share-more"]')!.click();
      await waitUntil(() => $(firstSlide(narrow), '[part~="share-sheet"]:popover-open'), 'no share sheet');
      await expectAccessible(narrow);
      $(firstSlide(narrow), '[part~="share-sheet"]')!.hidePopover();
    });
  });
});
