import { KioskError } from '../../domain/kiosk-error';
import { DEMO_STAFF } from '../../domain/demo-account';
import type { KioskConfig } from '../config';
import { hashPin } from './pin-hash';
import { localStaffDirectory, readStaffFile, staffFilePath, type StaffEntry } from './local-directory';
import type { StaffDirectory } from './staff-directory';
import { ldapStaffDirectory } from './ldap-directory';
import type { Logger } from '../log/logger';

export interface OpenStaffDeps {
  /** Checks a machine-wide file may be trusted (root's, not writable by others); null: fine. */
  checkSystemFile(path: string): Promise<string | null>;
  logger: Logger;
}

/**
 * The staff directory the config names. The local list is read at every unlock (a member IT
 * removes cannot unlock again); a list non-admins could change is refused, like the config.
 * In sandbox mode with no list, the demo staff (domain/demo-account.ts) stand in; in vendor
 * mode with no list nobody can unlock, and the error tells IT what to do.
 */
export function openStaffDirectory(config: Pick<KioskConfig, 'mode' | 'systemDir' | 'staffDirectory'>, deps: OpenStaffDeps): StaffDirectory & { usesDemoStaff(): Promise<boolean> } {
  const sd = config.staffDirectory;
  if (sd.kind === 'ldap') return { ...ldapStaffDirectory(sd, { ca: sd.ca, logger: deps.logger }), usesDemoStaff: async () => false };
  const file = staffFilePath(config.systemDir);
  let demo: Promise<StaffEntry[]> | null = null;
  const load = async (): Promise<readonly StaffEntry[]> => {
    const entries = await readStaffFile(file);
    if (entries === null) {
      if (config.mode === 'sandbox') {
        demo ??= Promise.all(DEMO_STAFF.map(async (s) => ({ staffId: s.staffId, name: s.name, role: s.role, pin: await hashPin(s.pin) })));
        return demo;
      }
      throw new KioskError('config', `No staff can unlock this kiosk yet: there is no staff list at ${file}. IT: add staff with "kioskctl staff add" (README, Staff).`);
    }
    const problem = await deps.checkSystemFile(file).catch(() => 'could not be checked');
    if (problem) throw new KioskError('config', `The staff list ${file}: ${problem}, so a non-admin user could change who may unlock the kiosk. IT: make it root's (chmod 640, folder 755).`);
    return entries;
  };
  return {
    ...localStaffDirectory(load),
    usesDemoStaff: async () => config.mode === 'sandbox' && (await readStaffFile(file).catch(() => undefined)) === null,
  };
}
