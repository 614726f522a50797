import type { ReactNode } from 'react';

/** A message block; the kind is spelled out by an icon and a role, never by colour alone. */
export function Notice({ kind, children }: { kind: 'error' | 'warning' | 'success' | 'info'; children: ReactNode }) {
  const icon = { error: '⚠', warning: '!', success: '✓', info: 'i' }[kind];
  return (
    <div className={`notice notice-${kind}`} role={kind === 'error' || kind === 'warning' ? 'alert' : 'status'}>
      <span className="notice-icon" aria-hidden="true">
        {icon}
      </span>
      <div>{children}</div>
    </div>
  );
}

/** Something in progress, announced politely to screen readers. */
export function Progress({ children }: { children: ReactNode }) {
  return (
    <p role="status" aria-busy="true" className="progress">
      {children}
    </p>
  );
}
