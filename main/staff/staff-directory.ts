import type { StaffRole } from '../../domain/staff/staff-rules';

/** A staff member as the kiosk knows them: never a credential. */
export interface StaffMember {
  staffId: string;
  name: string;
  role: StaffRole;
}

/**
 * Where staff credentials are checked: the local list (PINs) or the bank's directory (LDAP).
 * `authenticate` answers the member for a right credential and null for a wrong one (an
 * unknown id, or one with no kiosk role, is wrong too); it throws a KioskError when the
 * directory cannot answer (down, hung, not trusted, not set up).
 */
export interface StaffDirectory {
  readonly kind: 'local' | 'ldap';
  /** Whether the kiosk counts failures and locks ids itself (the local list); a directory has its own lockout. */
  readonly countsFailures: boolean;
  authenticate(staffId: string, secret: string): Promise<StaffMember | null>;
}
