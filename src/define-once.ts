/** Marks a tag's class once the version warning was given (shared by every copy of the script). */
const warned = Symbol.for('notwiththem-gallery.version-warned');

type Versioned = CustomElementConstructor & { version?: string };

/**
 * Registers `element` under `tag` unless the tag is taken. A second copy of the script is harmless; a
 * different version under the same tag warns once.
 */
export function defineOnce(element: Versioned, tag: string, registry: CustomElementRegistry): void {
  const existing = registry.get(tag) as (Versioned & { [warned]?: true }) | undefined;
  if (existing) {
    if (existing.version !== element.version && !existing[warned]) {
      existing[warned] = true;
      const other = existing.version ? `version ${existing.version}` : 'another element';
      console.warn(`<${tag}>: version ${element.version} not registered: ${other} holds the tag`);
    }
    return;
  }
  // A class can be registered only once per registry: another tag gets a subclass.
  const alreadyNamed = registry.getName?.(element);
  registry.define(tag, alreadyNamed ? class extends (element as typeof HTMLElement) {} : element);
}
