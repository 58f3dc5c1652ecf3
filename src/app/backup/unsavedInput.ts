/**
 * Which forms hold typed input not yet saved, so an update does not reload over a half-typed receipt
 * unwarned. Kept simple: typing in a form marks it, submitting it clears the mark (a save refused by
 * the rules leaves the text on screen, and the officer sees the error beside it anyway).
 */

export interface UnsavedInput {
  /** Forms typed in since their last submit. */
  count(): number;
  stop(): void;
}

/** Watches the page's forms (capture phase: every form, whatever its component does). */
export function watchUnsavedInput(doc: Document): UnsavedInput {
  const dirty = new Set<HTMLFormElement>();
  const typed = (event: Event) => {
    const form = (event.target as Element | null)?.closest?.('form');
    if (form) dirty.add(form);
  };
  const submitted = (event: Event) => {
    if (event.target instanceof HTMLFormElement) dirty.delete(event.target);
  };
  doc.addEventListener('input', typed, true);
  doc.addEventListener('submit', submitted, true);
  return {
    count: () => [...dirty].filter((form) => form.isConnected).length,
    stop: () => {
      doc.removeEventListener('input', typed, true);
      doc.removeEventListener('submit', submitted, true);
    },
  };
}
