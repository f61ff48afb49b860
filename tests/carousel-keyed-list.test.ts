import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import { keyedList } from '../src/carousel/keyed-list.js';

describe('carousel keyed list', () => {
  const host = document.createElement('div');
  const show = (keys: string[]) =>
    render(
      html`<b>start</b>${keyedList(
        keys,
        (key) => key,
        (key, i) => html`<p data-key=${key} data-index=${i}>${key}</p>`,
      )}<b>end</b>`,
      host,
    );
  const items = () => [...host.querySelectorAll('p')];
  const byKey = () => new Map(items().map((p) => [p.dataset.key, p]));
  const order = () => items().map((p) => `${p.dataset.key}${p.dataset.index}`);

  beforeEach(() => {
    // A fresh container each time: render() keeps its part on the container.
    host.replaceChildren();
    delete (host as { _$litPart$?: unknown })._$litPart$;
  });

  it('keeps the nodes of the items that stay while a window moves forward and back', () => {
    show(['a', 'b', 'c', 'd']);
    const before = byKey();
    show(['c', 'd', 'e', 'f']);
    expect(order()).to.deep.equal(['c0', 'd1', 'e2', 'f3']);
    expect(byKey().get('c')).to.equal(before.get('c'));
    expect(byKey().get('d')).to.equal(before.get('d'));
    const after = byKey();
    show(['b', 'c', 'd']);
    expect(order()).to.deep.equal(['b0', 'c1', 'd2']);
    expect(byKey().get('c')).to.equal(after.get('c'));
    expect(byKey().get('d')).to.equal(after.get('d'));
  });

  it('does not move the nodes that stay, so focus inside them stays', () => {
    document.body.append(host);
    try {
      show(['a', 'b', 'c']);
      const b = byKey().get('b')!;
      b.tabIndex = 0;
      b.focus();
      show(['b', 'c', 'd']);
      show(['z', 'a', 'b', 'c', 'd', 'e']);
      expect(document.activeElement).to.equal(b);
      expect(order()).to.deep.equal(['z0', 'a1', 'b2', 'c3', 'd4', 'e5']);
    } finally {
      host.remove();
    }
  });

  it('follows any reordering and keeps every node', () => {
    show(['a', 'b', 'c', 'd', 'e']);
    const before = byKey();
    show(['e', 'c', 'a', 'd', 'b']);
    expect(order()).to.deep.equal(['e0', 'c1', 'a2', 'd3', 'b4']);
    for (const [key, node] of byKey()) expect(node, key).to.equal(before.get(key));
    expect(host.firstElementChild!.textContent).to.equal('start');
    expect(host.lastElementChild!.textContent).to.equal('end');
  });

  it('empties and fills again, and renders a repeated key twice', () => {
    show(['a', 'b']);
    show([]);
    expect(items()).to.have.length(0);
    show(['a', 'a', 'b']);
    expect(order()).to.deep.equal(['a0', 'a1', 'b2']);
    show(['b']);
    expect(order()).to.deep.equal(['b0']);
    expect(host.querySelectorAll('b')).to.have.length(2);
  });
});
