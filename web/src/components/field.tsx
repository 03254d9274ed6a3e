import type { ComponentChildren } from 'preact';

/** A labelled input with its validation message tied to it for screen readers. */
export function Field(props: {
  id: string;
  label: string;
  error?: string;
  children: ComponentChildren;
}) {
  return (
    <div class={`field${props.error ? ' field-invalid' : ''}`}>
      <label for={props.id}>{props.label}</label>
      {props.children}
      {props.error && (
        <p class="field-error" id={`${props.id}-error`} role="alert">
          {props.error}
        </p>
      )}
    </div>
  );
}

/** Attributes that mark an input invalid and point at its message. */
export function invalidProps(id: string, error: string | undefined) {
  return error
    ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` }
    : { 'aria-invalid': false as const };
}
