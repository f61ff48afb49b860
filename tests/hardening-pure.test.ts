// Pure helpers behind the element's hardening: no DOM needed.
import { expect } from '@open-wc/testing';
import { clampInterval, MAX_INTERVAL, MIN_INTERVAL } from '../src/carousel/interval.js';

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
