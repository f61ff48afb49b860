/**
 * A keyed list for the track: a testimonial keeps its DOM (its `<img>`, the focus inside it) while the
 * rendered window moves over a large feed. Lit's `repeat` does the same with a diff that minimises moves
 * for any reordering, at about 700 B gzip more with its helpers; a window only grows and shrinks at its
 * ends, where this moves nothing, and any other order (a reloaded feed) is still right, with more moves.
 * Each item is a root part of its own (Lit's `render` before an end marker). A server renders the items
 * as a plain list, which hydration adopts as one (see `update`).
 */
import { isServer, noChange, render, type ChildPart, type RootPart, type TemplateResult } from 'lit';
import { Directive, directive, type DirectiveResult } from 'lit/directive.js';
import { hydrates } from '../hydration.js';

type Render<T> = (item: T, index: number) => TemplateResult;

/** One item's nodes: from its part's start marker to `end`, the comment Lit renders it before. */
interface Slot {
  key: unknown;
  end?: Comment;
  part?: RootPart | ChildPart;
}

/** A range over a slot's nodes, to move or remove them together. */
const nodesOf = ({ part, end }: Slot): Range => {
  const range = document.createRange();
  range.setStartBefore(part!.startNode!);
  range.setEndAfter(end!);
  return range;
};

class KeyedList extends Directive {
  /** The slots rendered, in DOM order. */
  private slots: Slot[] = [];

  /** On a server (which never calls `update`), `render(items, keyOf, template)`: the items as a plain list. */
  render(): unknown {
    // `arguments`, not parameters: the browser's build keeps no unused parameter then.
    return isServer ? (arguments[0] as unknown[]).map(arguments[2] as Render<unknown>) : noChange;
  }

  override update<T>(
    list: ChildPart,
    [items, keyOf, template]: [readonly T[], (item: T) => unknown, Render<T>],
  ): unknown {
    const keys = items.map(keyOf);
    if (hydrates) {
      // Hydrating a server's render (the list's end is not found yet): Lit adopts the server's items as
      // a plain list of parts, which become the slots at the next update.
      if (!list.endNode) {
        this.slots = keys.map((key) => ({ key }));
        return items.map(template);
      }
      const adopted = (list as unknown as { _$committedValue: ChildPart[] })._$committedValue;
      this.slots.forEach((slot, i) => {
        // Lit's `render` before `end` takes the part stored there (`_$litPart$`, as `hydrate` stores it).
        if (!slot.end)
          Object.assign((slot.end = adopted[i]!.endNode as Comment), {
            _$litPart$: (slot.part = adopted[i]),
          });
      });
    }
    const kept = new Map<unknown, Slot>();
    for (const slot of this.slots) {
      if (keys.includes(slot.key) && !kept.has(slot.key)) kept.set(slot.key, slot);
      else nodesOf(slot).deleteContents();
    }
    // The slots kept, in DOM order: each new or moved slot goes before the first of them not placed yet.
    const staying = [...kept.values()];
    const placed = new Set<Slot>();
    let next = 0;
    this.slots = keys.map((key, i) => {
      while (placed.has(staying[next]!)) next++;
      const before = staying[next]?.part!.startNode ?? list.endNode;
      const parent = list.startNode!.parentNode!;
      let slot = kept.get(key);
      if (slot && slot === staying[next]) next++;
      else if (slot) parent.insertBefore(nodesOf(slot).extractContents(), before);
      else slot = { key, end: parent.insertBefore(document.createComment(''), before) };
      kept.delete(key);
      placed.add(slot);
      slot.part = render(template(items[i]!, i), parent as HTMLElement, {
        ...list.options,
        renderBefore: slot.end!,
      });
      return slot;
    });
    return noChange;
  }
}

/** `items` rendered by `template`, each keeping its DOM from render to render by `keyOf(item)`. */
export const keyedList = directive(KeyedList) as <T>(
  items: readonly T[],
  keyOf: (item: T) => unknown,
  template: Render<T>,
) => DirectiveResult<typeof KeyedList>;
