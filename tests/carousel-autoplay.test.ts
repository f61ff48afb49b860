import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import sinon from 'sinon';
import { AutoplayController } from '../src/carousel/autoplay-controller.js';

/** A host element that records its controllers and counts update requests, without Lit. */
function host() {
  const controllers: ReactiveController[] = [];
  const element = Object.assign(document.createElement('div'), {
    controllers,
    updates: 0,
    addController: (controller: ReactiveController) => void controllers.push(controller),
    removeController: () => {},
    requestUpdate: () => void element.updates++,
    updateComplete: Promise.resolve(true),
  }) satisfies HTMLElement & ReactiveControllerHost;
  document.body.append(element);
  return element;
}

describe('carousel autoplay controller', () => {
  let clock: sinon.SinonFakeTimers;
  let element: ReturnType<typeof host>;
  let ticks: number;
  let autoplay: AutoplayController;

  beforeEach(() => {
    clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    element = host();
    ticks = 0;
    autoplay = new AutoplayController(
      element,
      () => ticks++,
      () => 3000,
    );
    autoplay.hostConnected();
  });

  afterEach(() => {
    autoplay.hostDisconnected();
    element.remove();
    clock.restore();
  });

  it('ticks once an interval while playing, and stops when stopped', () => {
    expect(element.controllers).to.deep.equal([autoplay]);
    clock.tick(10_000);
    expect(ticks, 'not playing yet').to.equal(0);
    autoplay.start();
    expect(autoplay.rotating).to.equal(true);
    clock.tick(2999);
    expect(ticks).to.equal(0);
    clock.tick(1);
    expect(ticks).to.equal(1);
    clock.tick(6000);
    expect(ticks).to.equal(3);
    autoplay.stop();
    clock.tick(10_000);
    expect(ticks).to.equal(3);
    expect(clock.countTimers(), 'timers pending').to.equal(0);
  });

  it('holds while any reason holds it, and starts a whole interval when the last lifts', () => {
    autoplay.start();
    clock.tick(2000);
    autoplay.hold('hover', true);
    autoplay.hold('offscreen', true);
    expect(autoplay.playing).to.equal(true);
    expect(autoplay.rotating).to.equal(false);
    clock.tick(10_000);
    expect(ticks).to.equal(0);
    autoplay.hold('hover', false);
    clock.tick(10_000);
    expect(ticks, 'still off-screen').to.equal(0);
    autoplay.hold('offscreen', false);
    clock.tick(2999);
    expect(ticks).to.equal(0);
    clock.tick(1);
    expect(ticks).to.equal(1);
  });

  it('asks for a render when its state changes, not when a hold repeats', () => {
    const before = element.updates;
    autoplay.start();
    autoplay.hold('hover', true);
    autoplay.hold('hover', true);
    autoplay.stop();
    expect(element.updates - before).to.equal(3);
  });

  it('leaves no timer behind when disconnected', () => {
    autoplay.start();
    expect(clock.countTimers(), 'timers pending').to.equal(1);
    autoplay.hostDisconnected();
    expect(clock.countTimers(), 'timers pending').to.equal(0);
    clock.tick(10_000);
    expect(ticks).to.equal(0);
  });
});
