/**
 * Copying text to the clipboard, kept apart from the element (as GitHub's clipboard-copy-element keeps
 * its `clipboard.ts`): the async Clipboard API only.
 *
 * No `execCommand('copy')` fallback on a hidden textarea: when the API is missing (insecure origins) or
 * refused (an iframe without `clipboard-write`, a denied permission), the share area shows the link,
 * selected, in a labelled read-only field for the reader to copy ("Copy this link:", share-area.ts).
 * That field is the fallback the share issue asks for; a deprecated second path would cost every reader
 * about 0.7 KB gzipped for pages that should be on https anyway.
 */

/**
 * Copies `text`. Resolves to whether it worked; never rejects. Call it from the click handler, since the
 * Clipboard API needs the reader's gesture.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
