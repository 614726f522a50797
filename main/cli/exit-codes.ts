import type { KioskErrorCode } from '../../domain/kiosk-error';

/** kioskctl exit codes, as documented in README.md. */
export const EXIT = {
  ok: 0,
  other: 1,
  usage: 2,
  session: 3,
  rejected: 4,
  network: 5,
  keychain: 6,
} as const;

/** Maps an error code to the CLI's exit code. */
export function exitCodeFor(code: KioskErrorCode): number {
  switch (code) {
    case 'invalid-input':
    case 'config':
      return EXIT.usage;
    case 'not-signed-in':
    case 'session-expired':
    case 'unauthorized':
    case 'locked':
      return EXIT.session;
    case 'approval-required':
      return EXIT.rejected;
    case 'rejected':
      return EXIT.rejected;
    case 'network':
    case 'timeout':
    case 'outcome-unknown':
      return EXIT.network;
    case 'keychain-unavailable':
      return EXIT.keychain;
    default:
      return EXIT.other;
  }
}
