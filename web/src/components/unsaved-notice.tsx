/** Asked before another file replaces one with unsaved changes. */
export function UnsavedNotice(props: {
  path: string;
  onSave: () => void;
  onDiscard: () => void;
  onCancel: () => void;
}) {
  return (
    <div class="notice notice-warn" role="alert">
      <strong>{props.path} has unsaved changes.</strong>
      <div class="row">
        <button type="button" class="small primary" onClick={props.onSave}>
          Save and open
        </button>
        <button type="button" class="small danger" onClick={props.onDiscard}>
          Discard changes
        </button>
        <button type="button" class="small" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
