/**
 * Copying text to the clipboard, kept apart from the element (as GitHub's clipboard-copy-element
 * keeps its `clipboard.ts`): the async Clipboard API first, then the old `execCommand('copy')` on a
 * temporary textarea for pages where the API is missing or refused (insecure origins, iframes without
 * the `clipboard-write` permission, older engines).
 */

/**
 * Copies `text`. Resolves to whether it worked; never rejects. Call it from the click handler, since
 * both ways need the reader's gesture.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
    if (clipboard && typeof clipboard.writeText === 'function') {
      await clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused or failed: try the fallback.
  }
  try {
    return copyWithTextarea(text);
  } catch {
    return false;
  }
}

/** The focused element, looking through open shadow roots (the copy button lives in one). */
function deepActiveElement(doc: Document): Element | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

interface SavedTextSelection {
  start: number | null;
  end: number | null;
  direction: 'forward' | 'backward' | 'none' | null;
}

function copyWithTextarea(text: string): boolean {
  if (typeof document === 'undefined' || !document.body) return false;
  const doc = document;

  // What to put back afterwards: focus, the page selection, the selection inside a focused field.
  const previousFocus = deepActiveElement(doc);
  const field =
    previousFocus instanceof HTMLInputElement || previousFocus instanceof HTMLTextAreaElement ? previousFocus : null;
  let fieldSelection: SavedTextSelection | null = null;
  try {
    if (field) fieldSelection = { start: field.selectionStart, end: field.selectionEnd, direction: field.selectionDirection };
  } catch {
    // Inputs of some types (email, number) have no selection.
  }
  const selection = doc.getSelection();
  const ranges: Range[] = [];
  if (selection) for (let i = 0; i < selection.rangeCount; i++) ranges.push(selection.getRangeAt(i).cloneRange());

  const textarea = doc.createElement('textarea');
  textarea.value = text;
  textarea.readOnly = true; // no on-screen keyboard on touch devices
  textarea.tabIndex = -1;
  textarea.setAttribute('aria-hidden', 'true');
  Object.assign(textarea.style, {
    position: 'fixed',
    top: '0',
    left: '-9999px',
    width: '1px',
    height: '1px',
    padding: '0',
    border: '0',
    margin: '0',
    opacity: '0',
    pointerEvents: 'none',
    fontSize: '12pt', // iOS zooms into fields with smaller text
  });
  doc.body.append(textarea);

  let copied = false;
  try {
    textarea.focus({ preventScroll: true });
    textarea.select();
    textarea.setSelectionRange(0, textarea.value.length); // iOS ignores select() on read-only fields
    copied = doc.execCommand('copy');
  } catch {
    copied = false;
  } finally {
    textarea.remove();
    restore(previousFocus, field, fieldSelection, selection, ranges);
  }
  return copied;
}

function restore(
  previousFocus: Element | null,
  field: HTMLInputElement | HTMLTextAreaElement | null,
  fieldSelection: SavedTextSelection | null,
  selection: Selection | null,
  ranges: Range[],
): void {
  try {
    if (previousFocus instanceof HTMLElement || previousFocus instanceof SVGElement) {
      previousFocus.focus({ preventScroll: true });
    }
    if (field && fieldSelection && fieldSelection.start !== null && fieldSelection.end !== null) {
      field.setSelectionRange(fieldSelection.start, fieldSelection.end, fieldSelection.direction ?? undefined);
    } else if (selection) {
      selection.removeAllRanges();
      for (const range of ranges) selection.addRange(range);
    }
  } catch {
    // Restoring is a courtesy: never let it turn a copy into an error.
  }
}
