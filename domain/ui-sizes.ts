/**
 * Height of the kiosk UI's staff bar (time left, Cancel) in CSS px. The camera window is
 * placed below it, so main and the renderer must agree on it.
 */
export const STAFF_BAR_HEIGHT_PX = 120;

/** Inactivity before the "Still there?" countdown, when the config does not say. */
export const DEFAULT_IDLE_TIMEOUT_SECONDS = 120;
