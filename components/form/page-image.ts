/**
 * An image pasted or dropped on the page outside any field. The share tools look for settings in
 * it first; an image without them is handed on with this event to the drop zone that takes it.
 */
export const PAGE_IMAGE_EVENT = "playground:page-image";

export function handPageImage(file: File): void {
  document.dispatchEvent(new CustomEvent<File>(PAGE_IMAGE_EVENT, { detail: file }));
}

/** True when the event happened in a text field or a drop zone, which handle images themselves. */
export function isInsideField(target: EventTarget | null): boolean {
  return (
    target instanceof Element && target.closest("input, textarea, select, [contenteditable], [data-drop-zone]") !== null
  );
}
