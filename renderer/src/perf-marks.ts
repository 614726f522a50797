/** The User Timing mark the benchmark reads: the first screen's first render (unlock, or the vendor sign-in after a reload). */
export const FIRST_RENDER_MARK = 'kiosk:first-render';

/** Sets the first-render mark once per page load (later renders do not move it). */
export function markFirstRender(): void {
  if (performance.getEntriesByName(FIRST_RENDER_MARK, 'mark').length === 0) performance.mark(FIRST_RENDER_MARK);
}
