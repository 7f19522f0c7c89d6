// A labelled form control with its error message underneath. The control is the child; give it the
// same id as `htmlFor`.
export function Field({ label, htmlFor, error, hint, wide, children }) {
  const errorId = `${htmlFor}-error`;
  return (
    <div class={`field${error ? ' field-invalid' : ''}${wide ? ' wide-field' : ''}`}>
      <label for={htmlFor}>{label}</label>
      {children}
      {hint && <p class="field-hint">{hint}</p>}
      {error && (
        <p class="field-error" id={errorId} data-testid={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
