// Pure helpers behind the element's hardening: no DOM needed.
import { expect } from '@open-wc/testing';
import { clampInterval, MAX_INTERVAL, MIN_INTERVAL } from '../src/carousel/interval.js';
import { httpUrl, SHARE_TARGETS, shareHref, shareText } from '../src/share/targets.js';

describe('clampInterval', () => {
  it('keeps intervals between 2 s and what a timer can wait', () => {
    expect(clampInterval(7000)).to.equal(7000);
    expect(clampInterval(10)).to.equal(MIN_INTERVAL);
    expect(clampInterval(-5)).to.equal(MIN_INTERVAL);
    for (const huge of [1e308, 3_000_000_000, 2_147_483_648, Infinity])
      expect(clampInterval(huge)).to.equal(MAX_INTERVAL);
    expect(MAX_INTERVAL).to.equal(2_147_483_647);
    expect(clampInterval(NaN)).to.equal(7000);
  });
});

describe('share URL and share texts', () => {
  it('httpUrl keeps http(s) URLs only, without a user name or password', () => {
    expect(httpUrl('https://blog.example/post?x=1#top')).to.equal('https://blog.example/post?x=1#top');
    expect(httpUrl('/post', 'https://blog.example/a/')).to.equal('https://blog.example/post');
    for (const bad of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'data:text/html,<b>x</b>',
      'vbscript:msgbox(1)',
      'ftp://files.example/',
      'https://www.campaign.example.org@evil.example/login',
      'https://user:pass@blog.example/',
      'not a url',
      5,
      undefined,
    ])
      expect(httpUrl(bad), String(bad)).to.equal(undefined);
  });

  it('shared texts carry no bidi embedding, override or isolate', () => {
    const bidi = /[\u202a-\u202e\u2066-\u2069]/;
    const testimonial = {
      quote: 'Because \u202ethey lie\u202c and \u2067more\u2069',
      name: 'Ana \u2066B\u2069',
    };
    const text = shareText(testimonial, 'NotWithThem');
    expect(text).to.equal('Because they lie and more — Ana B #NotWithThem');
    const input = { url: 'https://blog.example/#nwt-a', testimonial, hashtag: '\u202eNotWithThem' };
    for (const target of SHARE_TARGETS) {
      const href = shareHref(target, input);
      if (href) expect(decodeURIComponent(href), target).not.to.match(bidi);
    }
  });
});
