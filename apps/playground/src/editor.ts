/**
 * The code editors: CodeMirror 6 with the legacy Ruby (and JavaScript, for the services) mode,
 * basicSetup's line numbers, bracket matching, history and search, Tab to indent (Escape, then
 * Tab, leaves the editor, so it is no keyboard trap), Ctrl/Cmd+Enter to run, and a marker on the
 * line an error points at. Colours come from CSS variables, so dark mode is style.css's job.
 */
import { indentWithTab } from "@codemirror/commands";
import { HighlightStyle, StreamLanguage, syntaxHighlighting } from "@codemirror/language";
import { javascript } from "@codemirror/legacy-modes/mode/javascript";
import { ruby } from "@codemirror/legacy-modes/mode/ruby";
import { EditorState, Prec, StateEffect, StateField } from "@codemirror/state";
import { Decoration, type DecorationSet, EditorView, keymap, WidgetType } from "@codemirror/view";
import { tags } from "@lezer/highlight";
import { basicSetup } from "codemirror";

export interface EditorOptions {
  parent: HTMLElement;
  language: "ruby" | "javascript";
  doc: string;
  /** Accessible name and test id of the editable area. */
  label: string;
  testId: string;
  /** Wrap long lines (the services' comments) instead of scrolling sideways. */
  wrap?: boolean;
  onRun: () => void;
  onChange?: () => void;
}

export interface CodeEditor {
  readonly view: EditorView;
  text: string;
  /** Marks line `line` (1-based) with `message`, or clears the mark. */
  markError(line: number | undefined, message?: string): void;
  /** Puts the cursor at the start of line `line` (1-based) and focuses the editor. */
  goToLine(line: number): void;
}

const highlight = HighlightStyle.define([
  { tag: [tags.keyword, tags.controlKeyword, tags.definitionKeyword], color: "var(--syn-keyword)" },
  { tag: [tags.string, tags.special(tags.string), tags.regexp], color: "var(--syn-string)" },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: "var(--syn-number)" },
  { tag: [tags.comment, tags.lineComment], color: "var(--syn-comment)", fontStyle: "italic" },
  { tag: [tags.variableName, tags.propertyName], color: "var(--text)" },
  {
    tag: [tags.definition(tags.variableName), tags.function(tags.variableName)],
    color: "var(--syn-def)",
  },
  { tag: [tags.typeName, tags.className, tags.namespace], color: "var(--syn-type)" },
  { tag: [tags.operator, tags.punctuation, tags.bracket], color: "var(--syn-punct)" },
  { tag: [tags.special(tags.variableName), tags.self], color: "var(--syn-special)" },
]);

const theme = EditorView.theme({
  "&": { backgroundColor: "var(--surface)", color: "var(--text)" },
  ".cm-content": { caretColor: "var(--text)", fontFamily: "var(--mono)" },
  ".cm-gutters": {
    backgroundColor: "var(--surface-2)",
    color: "var(--muted)",
    borderRight: "1px solid var(--border)",
  },
  ".cm-activeLine": { backgroundColor: "var(--active-line)" },
  ".cm-activeLineGutter": { backgroundColor: "var(--active-line)" },
  "&.cm-focused .cm-cursor": { borderLeftColor: "var(--text)" },
  "&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection": {
    backgroundColor: "var(--selection) !important",
  },
  ".cm-error-line": { backgroundColor: "var(--error-line)" },
  ".cm-error-message": {
    padding: "0.1em 0.6em 0.2em 2ch",
    backgroundColor: "var(--error-line)",
    color: "var(--accent)",
    fontFamily: "var(--sans)",
    fontSize: "0.85em",
    whiteSpace: "pre-wrap",
  },
  ".cm-panels": { backgroundColor: "var(--surface-2)", color: "var(--text)" },
  ".cm-tooltip": { backgroundColor: "var(--surface)", border: "1px solid var(--border)" },
});

class ErrorMessage extends WidgetType {
  constructor(readonly message: string) {
    super();
  }
  override eq(other: ErrorMessage): boolean {
    return other.message === this.message;
  }
  toDOM(): HTMLElement {
    const div = document.createElement("div");
    div.className = "cm-error-message";
    div.setAttribute("role", "note");
    div.textContent = `↑ ${this.message}`; // the arrow says which line it belongs to
    return div;
  }
}

const setError = StateEffect.define<{ line: number; message: string } | null>();

/** The error marker: set by markError, gone as soon as the code changes. */
const errorField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, tr) {
    let next = tr.docChanged ? Decoration.none : marks;
    for (const effect of tr.effects) {
      if (!effect.is(setError)) continue;
      if (!effect.value || effect.value.line > tr.state.doc.lines) {
        next = Decoration.none;
        continue;
      }
      const line = tr.state.doc.line(effect.value.line);
      const { message } = effect.value;
      const mark = Decoration.line({
        class: "cm-error-line",
        attributes: { "data-error": message, title: message },
      });
      // The message on a line of its own below, visible however long the marked line is.
      const below = Decoration.widget({ widget: new ErrorMessage(message), block: true, side: 1 });
      next = Decoration.set([mark.range(line.from), below.range(line.to)]);
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

function runCommand(onRun: () => void): () => boolean {
  return () => {
    onRun();
    return true; // handled: no newline
  };
}

export function createEditor(options: EditorOptions): CodeEditor {
  const language = StreamLanguage.define(options.language === "ruby" ? ruby : javascript);
  const view = new EditorView({
    parent: options.parent,
    state: EditorState.create({
      doc: options.doc,
      extensions: [
        Prec.highest(keymap.of([{ key: "Mod-Enter", run: runCommand(options.onRun) }])),
        basicSetup,
        keymap.of([indentWithTab]),
        language,
        syntaxHighlighting(highlight),
        theme,
        errorField,
        EditorState.tabSize.of(2),
        options.wrap ? EditorView.lineWrapping : [],
        EditorView.contentAttributes.of({
          "aria-label": options.label,
          "data-testid": options.testId,
        }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.onChange?.();
        }),
      ],
    }),
  });

  return {
    view,
    get text() {
      return view.state.doc.toString();
    },
    set text(text: string) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    goToLine(line) {
      const target = view.state.doc.line(Math.min(Math.max(line, 1), view.state.doc.lines));
      view.dispatch({ selection: { anchor: target.from }, scrollIntoView: true });
      view.focus();
    },
    markError(line, message = "") {
      const valid = line !== undefined && line >= 1 && line <= view.state.doc.lines;
      view.dispatch({
        effects: [
          setError.of(valid ? { line, message } : null),
          ...(valid
            ? [EditorView.scrollIntoView(view.state.doc.line(line).from, { y: "nearest" })]
            : []),
        ],
      });
    },
  };
}
