import { indentWithTab } from '@codemirror/commands';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import { useEffect, useRef } from 'preact/hooks';
import { languageExtension } from '../languages.js';

export interface EditorCommands {
  save: () => void;
  complete: () => void;
  explain: () => void;
  refactor: () => void;
}

export interface CodeEditorProps {
  /** Changes when another document (or another version of it) is loaded. */
  docKey: string;
  doc: string;
  language: string;
  label: string;
  commands: EditorCommands;
  onChange: (text: string) => void;
  onView: (view: EditorView | undefined) => void;
}

/** Shortcuts shown in the help and bound in the editor; Mod is Ctrl or Cmd. */
export const SHORTCUTS = [
  { key: 'Mod-s', label: 'Ctrl+S', action: 'Save' },
  { key: 'Alt-c', label: 'Alt+C', action: 'Complete at the cursor' },
  { key: 'Alt-e', label: 'Alt+E', action: 'Explain the selection' },
  { key: 'Alt-r', label: 'Alt+R', action: 'Suggest refactorings' },
] as const;

/** CodeMirror 6 holding one file; the parent reads and writes it through the view. */
export function CodeEditor(props: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | undefined>(undefined);
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    if (!host.current) return;
    const run = (name: keyof EditorCommands) => () => {
      latest.current.commands[name]();
      return true;
    };
    const bindings = keymap.of([
      { key: 'Mod-s', run: run('save'), preventDefault: true },
      { key: 'Alt-c', run: run('complete') },
      { key: 'Alt-e', run: run('explain') },
      { key: 'Alt-r', run: run('refactor') },
      indentWithTab,
    ]);
    const state = EditorState.create({
      doc: props.doc,
      extensions: [
        bindings,
        basicSetup,
        languageExtension(props.language),
        EditorView.contentAttributes.of({ 'aria-label': props.label }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) latest.current.onChange(update.state.doc.toString());
        }),
      ],
    });
    const created = new EditorView({ state, parent: host.current });
    view.current = created;
    latest.current.onView(created);
    return () => {
      latest.current.onView(undefined);
      created.destroy();
    };
  }, [props.docKey, props.language]);

  return <div class="code-editor" ref={host} />;
}
