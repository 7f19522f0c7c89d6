// A message box: kind "error" (role=alert), "success" or "info" (role=status).
export function Alert({ kind = 'info', children, testId }) {
  if (!children || (Array.isArray(children) && children.length === 0)) return null;
  return (
    <div class={`alert alert-${kind}`} role={kind === 'error' ? 'alert' : 'status'} data-testid={testId}>
      {children}
    </div>
  );
}
