/** A unified diff with added and removed lines marked (not only by colour). */
export function DiffView(props: { diff: string; label: string }) {
  // The patch's `Index:` and `===` banner says nothing the file header does not.
  const lines = props.diff
    .split('\n')
    .filter(
      (line, i, all) => (line !== '' || i < all.length - 1) && !/^(Index: |={8,})/.test(line),
    );
  return (
    <figure class="diff" aria-label={props.label}>
      <pre>
        {lines.map((line, i) => {
          const kind = line.startsWith('@@')
            ? 'hunk'
            : line.startsWith('+++') || line.startsWith('---')
              ? 'meta'
              : line.startsWith('+')
                ? 'add'
                : line.startsWith('-')
                  ? 'del'
                  : 'ctx';
          return (
            <span key={i} class={`diff-${kind}`}>
              {line}
              {'\n'}
            </span>
          );
        })}
      </pre>
    </figure>
  );
}
