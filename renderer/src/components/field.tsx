import { useId, type Ref } from 'react';

interface FieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string | null | undefined;
  hint?: string | undefined;
  type?: 'text' | 'email' | 'tel' | 'password';
  autoComplete?: string;
  inputMode?: 'text' | 'email' | 'tel' | 'numeric';
  readOnly?: boolean;
  autoFocus?: boolean;
  /** For a screen that moves the focus itself (e.g. after its first paint). */
  inputRef?: Ref<HTMLInputElement>;
  name: string;
}

/** A labelled input with its hint and its error next to it (text and icon, not colour alone). */
export function Field(props: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [props.hint ? hintId : null, props.error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.hint && (
        <p id={hintId} className="hint">
          {props.hint}
        </p>
      )}
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy}
        autoComplete={props.autoComplete ?? 'off'}
        autoCapitalize="off"
        spellCheck={false}
        inputMode={props.inputMode}
        readOnly={props.readOnly}
        autoFocus={props.autoFocus}
        ref={props.inputRef}
      />
      {props.error && (
        <p id={errorId} className="error" role="alert">
          <span aria-hidden="true">⚠ </span>
          {props.error}
        </p>
      )}
    </div>
  );
}
