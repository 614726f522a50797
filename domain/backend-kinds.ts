/**
 * Which DeepFaceAuth service the kiosk talks to: the embedded `sandbox`, or the `vendor`'s
 * (directly or through the bank's reverse proxy). What differs between them is resolved once,
 * in main's backend factory.
 */
export const BACKEND_KINDS = ['sandbox', 'vendor'] as const;
export type BackendKind = (typeof BACKEND_KINDS)[number];
