const INDENT = "  ";

export interface EditorOptions {
  /** Called on Ctrl+Enter / Cmd+Enter. */
  onRun: () => void;
}

/**
 * Turns a plain textarea into a small code editor: Tab / Shift+Tab indent and outdent (the
 * selected lines, or at the caret), Enter keeps the current line's indentation, and Ctrl/Cmd+Enter
 * runs. Escape releases the next Tab to move focus on, so the textarea is no keyboard trap.
 *
 * Edits go through `insertText` where the browser has it so that undo/redo keep working.
 */
export function attachEditor(textarea: HTMLTextAreaElement, options: EditorOptions): void {
  let tabMovesFocus = false;

  textarea.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      options.onRun();
      return;
    }
    if (event.key === "Escape") {
      tabMovesFocus = true;
      return;
    }
    if (event.key === "Tab" && !event.ctrlKey && !event.altKey && !event.metaKey) {
      if (tabMovesFocus) {
        tabMovesFocus = false;
        return; // let the browser move focus
      }
      event.preventDefault();
      if (event.shiftKey) outdent(textarea);
      else indent(textarea);
      return;
    }
    tabMovesFocus = false;
    if (event.key === "Enter" && !event.shiftKey && !event.altKey && !event.isComposing) {
      event.preventDefault();
      const { value, selectionStart } = textarea;
      const lineStart = value.lastIndexOf("\n", selectionStart - 1) + 1;
      const leading = /^[ \t]*/.exec(value.slice(lineStart, selectionStart))?.[0] ?? "";
      insert(textarea, `\n${leading}`);
    }
  });
  textarea.addEventListener("blur", () => {
    tabMovesFocus = false;
  });
}

function indent(textarea: HTMLTextAreaElement): void {
  const { value, selectionStart, selectionEnd } = textarea;
  if (!value.slice(selectionStart, selectionEnd).includes("\n")) {
    insert(textarea, INDENT);
    return;
  }
  const start = value.lastIndexOf("\n", selectionStart - 1) + 1;
  const block = value.slice(start, selectionEnd);
  const lines = block.split("\n");
  const indented = lines.map((line) => (line.length ? INDENT + line : line)).join("\n");
  replaceRange(textarea, start, selectionEnd, indented);
  textarea.setSelectionRange(start, start + indented.length);
}

function outdent(textarea: HTMLTextAreaElement): void {
  const { value, selectionStart, selectionEnd } = textarea;
  const start = value.lastIndexOf("\n", selectionStart - 1) + 1;
  const end = Math.max(selectionEnd, start);
  const block = value.slice(start, end);
  let removedBeforeCaret = 0;
  const outdented = block
    .split("\n")
    .map((line, i) => {
      const removed = /^ {1,2}|^\t/.exec(line)?.[0].length ?? 0;
      if (i === 0) removedBeforeCaret = Math.min(removed, selectionStart - start);
      return line.slice(removed);
    })
    .join("\n");
  if (outdented === block) return;
  replaceRange(textarea, start, end, outdented);
  if (selectionStart === selectionEnd) {
    const caret = selectionStart - removedBeforeCaret;
    textarea.setSelectionRange(caret, caret);
  } else {
    textarea.setSelectionRange(start, start + outdented.length);
  }
}

function replaceRange(
  textarea: HTMLTextAreaElement,
  start: number,
  end: number,
  text: string,
): void {
  textarea.setSelectionRange(start, end);
  insert(textarea, text);
}

function insert(textarea: HTMLTextAreaElement, text: string): void {
  textarea.focus();
  // execCommand keeps the native undo stack; it is deprecated but has no replacement yet.
  const done =
    typeof document.execCommand === "function" && document.execCommand("insertText", false, text);
  if (!done) {
    textarea.setRangeText(text, textarea.selectionStart, textarea.selectionEnd, "end");
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
  }
}
