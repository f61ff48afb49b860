/**
 * A keyed list for the track: a testimonial keeps its DOM (its `<img>`, the focus inside it) while the
 * rendered window moves over a large feed. Lit's `repeat` does the same with a diff that minimises moves
 * for any reordering, at about 500 B gzip more; a window only grows and shrinks at its ends, where this
 * moves nothing, and any other order (a reloaded feed) is still right, with more moves.
 */
import { noChange, type ChildPart, type TemplateResult } from 'lit';
import { Directive, directive, type DirectiveResult } from 'lit/directive.js';
import {
  getCommittedValue,
  insertPart,
  removePart,
  setChildPartValue,
  setCommittedValue,
} from 'lit/directive-helpers.js';

type Render<T> = (item: T, index: number) => TemplateResult;

class KeyedList extends Directive {
  /** The keys of the parts last committed, in their order. */
  private keys: unknown[] = [];

  render<T>(items: readonly T[], _keyOf: (item: T) => unknown, template: Render<T>): TemplateResult[] {
    return items.map(template);
  }

  override update<T>(
    list: ChildPart,
    [items, keyOf, template]: [readonly T[], (item: T) => unknown, Render<T>],
  ) {
    const keys = items.map(keyOf);
    const old = getCommittedValue(list);
    // The first time Lit renders the array itself, and commits one part per item.
    if (!Array.isArray(old)) {
      this.keys = keys;
      return items.map(template);
    }
    const kept = new Map<unknown, ChildPart>();
    this.keys.forEach((key, i) =>
      keys.includes(key) && !kept.has(key) ? kept.set(key, old[i]) : removePart(old[i]),
    );
    // The parts kept, in DOM order: each new part goes before the first of them not placed yet.
    const staying = [...kept.values()];
    const placed = new Set<ChildPart>();
    let next = 0;
    const parts = keys.map((key, i) => {
      while (placed.has(staying[next]!)) next++;
      let part = kept.get(key);
      if (part && part === staying[next]) next++;
      else part = insertPart(list, staying[next], part);
      kept.delete(key);
      placed.add(part);
      setChildPartValue(part, template(items[i]!, i));
      return part;
    });
    setCommittedValue(list, parts);
    this.keys = keys;
    return noChange;
  }
}

/** `items` rendered by `template`, each keeping its DOM from render to render by `keyOf(item)`. */
export const keyedList = directive(KeyedList) as <T>(
  items: readonly T[],
  keyOf: (item: T) => unknown,
  template: Render<T>,
) => DirectiveResult<typeof KeyedList>;
