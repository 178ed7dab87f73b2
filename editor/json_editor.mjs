// The JSON view's code editor: CodeMirror 6, behind the small facade the app calls
// (frontend/src/code_editor.rs). Bundled at build time by esbuild (editor/build.mjs, run by
// Trunk's post_build hook) into one local module that the page imports after its form is on
// screen. Nothing comes from elsewhere.
//
// The app owns the document and its history: this editor has no undo of its own (Ctrl+Z is
// the page's, `history_keys.rs`), reports every change (as the ranges it replaced) with how it
// was made, and takes new
// text from the app as the smallest change that turns its text into the new one, so the
// caret and the scroll stay where they are and only the changed lines are laid out again.

import { EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, highlightSpecialChars, drawSelection, dropCursor, rectangularSelection, crosshairCursor } from "@codemirror/view";
import { EditorState } from "@codemirror/state";
import { defaultKeymap, indentWithTab } from "@codemirror/commands";
import { bracketMatching, foldGutter, foldKeymap, indentOnInput, syntaxHighlighting, HighlightStyle } from "@codemirror/language";
import { tags } from "@lezer/highlight";
import { searchKeymap, highlightSelectionMatches } from "@codemirror/search";
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap, snippet } from "@codemirror/autocomplete";
import { lintGutter, lintKeymap, setDiagnostics } from "@codemirror/lint";
import { json } from "@codemirror/lang-json";

// Colours from the page's stylesheet (static/styles.css), which follows the system's light or
// dark mode; custom properties reach into the editor's shadow root.
const highlight = HighlightStyle.define([
  { tag: tags.propertyName, color: "var(--code-key)" },
  { tag: tags.string, color: "var(--code-string)" },
  { tag: [tags.number, tags.bool, tags.null], color: "var(--code-literal)" },
  { tag: tags.invalid, color: "var(--error)" },
]);
const theme = EditorView.theme({
  "&": { height: "100%", color: "var(--text)", backgroundColor: "var(--panel)", fontSize: ".9rem" },
  "&.cm-focused": { outline: "3px solid var(--focus)", outlineOffset: "1px" },
  ".cm-scroller": { fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace", overflow: "auto" },
  ".cm-gutters": { backgroundColor: "var(--bg)", color: "var(--muted)", borderRight: "1px solid var(--border)" },
  ".cm-activeLine, .cm-activeLineGutter": { backgroundColor: "var(--code-active-line)" },
  ".cm-content": { caretColor: "var(--text)" },
  ".cm-cursor": { borderLeftColor: "var(--text)" },
  ".cm-selectionBackground, &.cm-focused .cm-selectionBackground": { backgroundColor: "var(--code-selection) !important" },
  ".cm-tooltip": { backgroundColor: "var(--panel)", color: "var(--text)", border: "1px solid var(--border)" },
  ".cm-panels": { backgroundColor: "var(--bg)", color: "var(--text)" },
});

/** How a change was made, as the app's history groups it: a paste, a drop or a cut is an undo
 * step of its own; typing joins the burst it continues. */
function kindOf(update) {
  const whole = update.transactions.some((tr) => tr.isUserEvent("input.paste") || tr.isUserEvent("input.drop") || tr.isUserEvent("delete.cut"));
  return whole ? "paste" : "typing";
}

/** The smallest change from `before` to `after`: their common start and end are kept. */
function smallestChange(before, after) {
  const limit = Math.min(before.length, after.length);
  let start = 0;
  while (start < limit && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < limit - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return { from: start, to: before.length - end, insert: after.slice(start, after.length - end) };
}

class JsonEditor {
  constructor(parent, label, text, onChange, onBlur, onFix, onComplete, onFormat) {
    this.applying = false;
    this.onFix = onFix;
    this.onComplete = onComplete;
    // In a shadow root: CodeMirror's styles are then constructed style sheets, which the page's
    // Content-Security-Policy (`style-src 'self'`, no inline styles) allows; in the document
    // they would be an inline <style> element, which it blocks.
    const root = parent.shadowRoot ?? parent.attachShadow({ mode: "open" });
    this.view = new EditorView({
      parent: root,
      root,
      state: EditorState.create({
        doc: text,
        extensions: [
          lineNumbers(), highlightActiveLineGutter(), highlightSpecialChars(), foldGutter(), drawSelection(), dropCursor(),
          EditorState.allowMultipleSelections.of(true), indentOnInput(), syntaxHighlighting(highlight), theme,
          bracketMatching(), closeBrackets(), rectangularSelection(), crosshairCursor(), highlightActiveLine(), highlightSelectionMatches(),
          // Tab indents; Escape then Tab leaves the editor (CodeMirror's rule for keyboard users).
          // Shift+Alt+F formats the document, as in VS Code (the app re-indents, keeping comments).
          keymap.of([{ key: "Shift-Alt-f", run: () => { onFormat(); return true; } }]),
          keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...searchKeymap, ...foldKeymap, ...completionKeymap, ...lintKeymap, indentWithTab]),
          // What may be written at the caret comes from the app (the core's `complete`, from
          // the schema of the template's API version); Ctrl+Space asks anywhere.
          autocompletion({ override: [(context) => this.complete(context)], icons: false }),
          json(), lintGutter(),
          EditorState.tabSize.of(2),
          // tabindex 0: the editable element is in the tab order anyway (it is contenteditable);
          // said explicitly, tools that judge keyboard access by the attribute see it too.
          EditorView.contentAttributes.of({ "aria-label": label, tabindex: "0", spellcheck: "false", autocorrect: "off", autocapitalize: "off" }),
          EditorView.updateListener.of((update) => {
            // The changes, not the whole text: building and passing a megabyte of text on
            // every keystroke would cost more than the keystroke may. Flat triples of the
            // replaced range in the old text and the text put there, in order.
            if (update.docChanged && !this.applying) {
              const changes = [];
              update.changes.iterChanges((fromA, toA, _fromB, _toB, inserted) => changes.push(fromA, toA, inserted.toString()));
              onChange(changes, kindOf(update), update.state.doc.length);
            }
            if (update.focusChanged && !update.view.hasFocus) onBlur();
          }),
        ],
      }),
    });
    // Tests and tools read the text from the element (the editor shows only what is on screen).
    parent.aibEditor = this;
  }

  /** The app's completions at the caret: property names, values or step snippets, each
   * replacing what is typed of the token there, and the closing quote closeBrackets put
   * after the caret (outside the range CodeMirror filters by, which would then never match).
   * Only Ctrl+Space offers them before anything is typed. */
  complete(context) {
    const answer = this.onComplete(context.state.sliceDoc(0, context.pos));
    if (!answer) return null;
    const { typed, options } = JSON.parse(answer);
    if (typed === 0 && !context.explicit) return null;
    const quoted = typed > 0 && context.state.sliceDoc(context.pos - typed, context.pos - typed + 1) === '"';
    const apply = (o) => (view, completion, from, to) => {
      const doc = view.state.doc;
      const closing = quoted && doc.sliceString(to, to + 1) === '"' ? 1 : 0;
      const rest = doc.sliceString(to + closing, Math.min(doc.length, to + closing + 200)).trimStart();
      // A key that already has its value (a rename) takes just the name; a member written
      // before another gets its comma.
      if (rest.startsWith(":") && o.nameOnly) {
        view.dispatch({ changes: { from, to: to + closing, insert: o.nameOnly }, selection: { anchor: from + o.nameOnly.length }, userEvent: "input.complete" });
        return;
      }
      const comma = /^["{[]/.test(rest) ? "," : "";
      snippet(o.apply + comma)(view, completion, from, to + closing);
    };
    return {
      from: context.pos - typed,
      validFor: /^"?[\w$.-]*$/,
      options: options.map((o) => ({ label: o.label, detail: o.detail, info: o.info || undefined, type: o.kind, apply: apply(o) })),
    };
  }

  /** The whole text. */
  text() {
    return this.view.state.doc.toString();
  }

  /** Takes the app's text (an undo, a form edit, an import) without reporting it back. */
  setText(text) {
    const change = smallestChange(this.view.state.doc.toString(), text);
    if (change.from === change.to && change.insert === "") return;
    this.applying = true;
    try {
      this.view.dispatch({ changes: change });
    } finally {
      this.applying = false;
    }
  }

  /** Replaces the whole text as the user would, for tools that drive the editor: reported
   * like a paste (`paste`) or typing. */
  replaceAll(text, kind) {
    this.view.dispatch({ changes: smallestChange(this.view.state.doc.toString(), text), userEvent: kind === "paste" ? "input.paste" : "input.type" });
  }

  /** Puts the caret at `offset` (UTF-16 code units), scrolls it into view and focuses. */
  moveCaret(offset) {
    const at = Math.max(0, Math.min(offset, this.view.state.doc.length));
    this.view.dispatch({ selection: { anchor: at }, scrollIntoView: true });
    this.view.focus();
  }

  /** Puts the caret at `offset` and scrolls it into view, leaving the focus where it is (a
   * problem clicked in the Problems panel: its field in the form takes the focus). */
  showAt(offset) {
    const at = Math.max(0, Math.min(offset, this.view.state.doc.length));
    this.view.dispatch({ selection: { anchor: at }, scrollIntoView: true });
  }

  /** The caret's line and column, both from 1 (the column in UTF-16 code units). */
  caret() {
    const head = this.view.state.selection.main.head;
    const line = this.view.state.doc.lineAt(head);
    return { line: line.number, column: head - line.from + 1 };
  }

  /** Squiggles for `[{from, to, severity, message, fix?}]`, offsets in UTF-16 code units of
   * the current text; they then move with the edits made until the next check answers. A
   * finding with a `fix` (its label) shows it as a button in its tooltip, which hands its
   * `fixIndex` back to the app. */
  setDiagnostics(diagnostics) {
    const withActions = diagnostics.map((d) => ({
      ...d,
      renderMessage: () => ruleMessage(d),
      actions: d.fix ? [{ name: d.fix, apply: () => this.onFix(d.fixIndex) }] : [],
    }));
    this.view.dispatch(setDiagnostics(this.view.state, withActions));
  }

  destroy() {
    this.view.destroy();
  }
}

/** A finding's message in its tooltip, with a link to its rule's page in the app. */
function ruleMessage(d) {
  const message = document.createElement("span");
  message.textContent = d.message + " ";
  const link = document.createElement("a");
  link.href = `#/rules/${d.source}`;
  link.textContent = `About ${d.source}`;
  message.append(link);
  return message;
}

export function create(parent, label, text, onChange, onBlur, onFix, onComplete, onFormat) {
  return new JsonEditor(parent, label, text, onChange, onBlur, onFix, onComplete, onFormat);
}
