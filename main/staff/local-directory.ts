import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { KioskError } from '../../domain/kiosk-error';
import { STAFF_ROLES, staffIdSchema, staffNameSchema } from '../../domain/staff/staff-rules';
import { writeFileAtomically } from '../shared/atomic-write';
import { withFileLock } from '../shared/file-lock';
import { isPinHash, verifyPin } from './pin-hash';
import type { StaffDirectory, StaffMember } from './staff-directory';

/** File name of the local staff list in the machine-wide folder (next to config.json). */
export const STAFF_FILE_NAME = 'staff.json';

/** The path of the local staff list in a machine-wide folder. */
export function staffFilePath(systemDir: string): string {
  return join(systemDir, STAFF_FILE_NAME);
}

const entrySchema = z.object({
  staffId: staffIdSchema,
  name: staffNameSchema,
  role: z.enum(STAFF_ROLES),
  pin: z.string().refine(isPinHash, 'not a PIN hash this kiosk can check'),
});
const fileSchema = z.object({ version: z.literal(1), staff: z.array(entrySchema).max(10_000) });

export type StaffEntry = z.infer<typeof entrySchema>;

/**
 * Reads the staff list: null when there is none; a KioskError('config') naming the file when it
 * cannot be read or is not a valid list (the kiosk then lets nobody in, rather than guessing).
 */
export async function readStaffFile(file: string): Promise<StaffEntry[] | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new KioskError('config', `The staff list ${file} cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'}). IT: check its permissions.`);
  }
  let parsed;
  try {
    parsed = fileSchema.safeParse(JSON.parse(text));
  } catch {
    throw new KioskError('config', `The staff list ${file} is not valid JSON. IT: rewrite it with kioskctl staff add.`);
  }
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new KioskError('config', `The staff list ${file} is not valid (${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'invalid'}).`);
  }
  const ids = new Set<string>();
  for (const s of parsed.data.staff) {
    if (ids.has(s.staffId)) throw new KioskError('config', `The staff list ${file} names ${s.staffId} twice.`);
    ids.add(s.staffId);
  }
  return parsed.data.staff;
}

/**
 * Changes the staff list (kioskctl, as an admin): read, change, written back atomically under
 * the file lock, readable by the folder's group only (mode 0640: the PIN hashes are not for
 * every local user).
 */
export async function changeStaffFile<T>(file: string, fn: (staff: StaffEntry[]) => T): Promise<T> {
  try {
    await mkdir(dirname(file), { recursive: true, mode: 0o755 });
    return await withFileLock(file, async () => {
      const staff = (await readStaffFile(file)) ?? [];
      const result = fn(staff);
      await writeFileAtomically(file, JSON.stringify({ version: 1, staff }, null, 2) + '\n', { mode: 0o640, groupOfFolder: true });
      return result;
    });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      throw new KioskError('config', `The staff list ${file} can only be changed by an admin: run kioskctl with sudo (or as Administrator).`);
    }
    throw err;
  }
}

/**
 * The local staff directory over `load`, called at every attempt (so a member IT removes
 * cannot unlock again, without a restart). An unknown id costs as much time as a wrong PIN.
 */
export function localStaffDirectory(load: () => Promise<readonly StaffEntry[]>): StaffDirectory {
  return {
    kind: 'local',
    countsFailures: true,
    async authenticate(staffId, secret) {
      const entry = (await load()).find((s) => s.staffId === staffId) ?? null;
      // An unknown id costs the same as a wrong PIN.
      const ok = await verifyPin(secret, entry?.pin ?? null);
      if (!ok || !entry) return null;
      const member: StaffMember = { staffId: entry.staffId, name: entry.name, role: entry.role };
      return member;
    },
  };
}
