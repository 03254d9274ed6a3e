export type SideTab = 'ai' | 'history' | 'analysis';

const TABS: { id: SideTab; label: string }[] = [
  { id: 'ai', label: 'Assistant' },
  { id: 'history', label: 'History' },
  { id: 'analysis', label: 'Analysis' },
];

/** ARIA tabs: the arrow keys, Home and End move between them (WAI-ARIA tabs pattern). */
export function SideTabs(props: { tab: SideTab; onSelect: (tab: SideTab) => void }) {
  function onKeyDown(event: KeyboardEvent) {
    const at = TABS.findIndex((t) => t.id === props.tab);
    const moves: Record<string, number> = {
      ArrowRight: (at + 1) % TABS.length,
      ArrowLeft: (at + TABS.length - 1) % TABS.length,
      Home: 0,
      End: TABS.length - 1,
    };
    const next = moves[event.key];
    const target = next === undefined ? undefined : TABS[next];
    if (!target) return;
    event.preventDefault();
    props.onSelect(target.id);
    document.getElementById(`tab-${target.id}`)?.focus();
  }

  return (
    <div class="tabs" role="tablist" aria-label="Tools" onKeyDown={onKeyDown}>
      {TABS.map((t) => (
        <button
          key={t.id}
          type="button"
          role="tab"
          id={`tab-${t.id}`}
          aria-selected={props.tab === t.id}
          aria-controls={`panel-${t.id}`}
          tabIndex={props.tab === t.id ? 0 : -1}
          onClick={() => props.onSelect(t.id)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
