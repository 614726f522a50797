import { Client, InvalidCredentialsError } from 'ldapts';
import { KioskError } from '../../domain/kiosk-error';
import type { Logger } from '../log/logger';
import type { StaffDirectory, StaffMember } from './staff-directory';

/** The config's `staffDirectory` of kind `ldap`. */
export interface LdapDirectoryConfig {
  kind: 'ldap';
  /** `ldaps://host[:port]` (TLS from the first byte; plain ldap is refused by the config). */
  url: string;
  /** The DN a staff member binds as, with `{staffId}` in place of their id, e.g. `uid={staffId},ou=people,dc=bank,dc=in`. */
  userDnTemplate: string;
  /** Group DNs (groupOfNames, `member` attribute) that give the kiosk roles. */
  operatorGroup: string;
  supervisorGroup: string;
  /** One call's limit (connect, bind, search), ms. */
  timeoutMs: number;
}

/** RFC 4515 escaping of a value inside a search filter. */
function filterValue(v: string): string {
  return v.replace(/[\\*()\0]/g, (c) => `\\${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

const UNREACHABLE = 'The staff directory could not be reached, so nobody can unlock the kiosk now. Try again, or call branch IT.';

/**
 * Staff unlock with their directory user name and password (LDAP simple bind over TLS, the
 * bank's CA from `caFile`); the directory's own password policy and lockout apply, so the kiosk
 * counts no failures itself. Membership of the supervisor or operator group gives the role; a
 * member of neither is refused like a wrong password. The staff id is 1–64 of [a-z0-9._-], so
 * it cannot change the DN it is put into.
 */
export function ldapStaffDirectory(config: LdapDirectoryConfig, deps: { ca: string | null; logger: Logger }): StaffDirectory {
  return {
    kind: 'ldap',
    countsFailures: false,
    async authenticate(staffId, secret) {
      const dn = config.userDnTemplate.replace('{staffId}', staffId);
      const client = new Client({
        url: config.url,
        timeout: config.timeoutMs,
        connectTimeout: config.timeoutMs,
        tlsOptions: { minVersion: 'TLSv1.2', ...(deps.ca ? { ca: deps.ca } : {}) },
      });
      try {
        try {
          await client.bind(dn, secret);
        } catch (err) {
          if (err instanceof InvalidCredentialsError) return null;
          throw err;
        }
        const inGroup = async (group: string): Promise<boolean> => {
          const r = await client.search(group, { scope: 'base', filter: `(member=${filterValue(dn)})`, attributes: ['cn'] });
          return r.searchEntries.length > 0;
        };
        const role = (await inGroup(config.supervisorGroup)) ? 'supervisor' : (await inGroup(config.operatorGroup)) ? 'operator' : null;
        if (!role) {
          deps.logger.warn('directory user is in no kiosk group');
          return null;
        }
        const self = await client.search(dn, { scope: 'base', attributes: ['displayName', 'cn'] });
        const entry = self.searchEntries[0];
        const nameOf = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, 100) : Array.isArray(v) && typeof v[0] === 'string' ? v[0].slice(0, 100) : null);
        const member: StaffMember = { staffId, name: nameOf(entry?.['displayName']) ?? nameOf(entry?.['cn']) ?? staffId, role };
        return member;
      } catch (err) {
        const name = err instanceof Error ? err.name : 'error';
        const message = err instanceof Error ? err.message : '';
        deps.logger.warn('staff directory call failed', { error: name });
        if (/certificate|self.signed|unable to verify|UNABLE_TO|CERT_/i.test(message) || (err as NodeJS.ErrnoException).code?.startsWith('ERR_TLS') || /CERT|SELF_SIGNED/.test((err as NodeJS.ErrnoException).code ?? '')) {
          throw new KioskError('network', "The staff directory's certificate is not trusted. IT: name the bank's CA in staffDirectory.caFile.");
        }
        if (/timeout|timed out/i.test(`${name} ${message}`)) throw new KioskError('timeout', UNREACHABLE);
        throw new KioskError('network', UNREACHABLE);
      } finally {
        await client.unbind().catch(() => undefined);
      }
    },
  };
}
