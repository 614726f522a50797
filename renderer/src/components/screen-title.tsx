import { useEffect, useRef } from 'react';

/**
 * A screen's heading. With `focus`, it takes the focus when the screen appears, so keyboard
 * and screen-reader users start at the top of the new screen instead of on <body>.
 */
export function ScreenTitle({ children, focus = false }: { children: string; focus?: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <h2 ref={ref} tabIndex={-1}>
      {children}
    </h2>
  );
}
