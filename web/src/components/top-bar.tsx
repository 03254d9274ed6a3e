import { useState } from 'preact/hooks';
import { SHORTCUTS } from './code-editor.js';

/** The app's name, the shortcut list, the user and sign-out. */
export function TopBar(props: { username: string | undefined; onSignOut: () => void }) {
  const [showHelp, setShowHelp] = useState(false);
  return (
    <>
      <header class="topbar">
        <span class="brand">
          <span class="logo" aria-hidden="true">
            ◆
          </span>{' '}
          Atelier
        </span>
        <span class="spacer" />
        <button
          type="button"
          class="small ghost"
          aria-expanded={showHelp}
          aria-controls="shortcuts"
          onClick={() => setShowHelp(!showHelp)}
        >
          Shortcuts
        </button>
        <span class="user">{props.username}</span>
        <button type="button" class="small ghost" onClick={props.onSignOut}>
          Sign out
        </button>
      </header>
      {showHelp && (
        <aside id="shortcuts" class="shortcuts" aria-label="Keyboard shortcuts">
          <dl>
            {SHORTCUTS.map((s) => (
              <div key={s.key}>
                <dt>
                  <kbd>{s.label}</kbd>
                </dt>
                <dd>{s.action}</dd>
              </div>
            ))}
          </dl>
        </aside>
      )}
    </>
  );
}
