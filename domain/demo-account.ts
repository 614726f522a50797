/** The sandbox's demo customer account (what the bank would get from the vendor). */
export const DEMO_CUSTOMER = { customerName: 'demo-bank', password: 'sandbox-demo-pass' } as const;

/**
 * The sandbox's demo staff, used only in sandbox mode when no staff list exists (the unlock
 * screen shows them): two operators and a supervisor, each with a demo PIN.
 */
export const DEMO_STAFF = [
  { staffId: 'demo.operator', name: 'Asha Verma (demo operator)', role: 'operator', pin: '246810' },
  { staffId: 'demo.operator2', name: 'Rahul Nair (demo operator)', role: 'operator', pin: '975310' },
  { staffId: 'demo.supervisor', name: 'Farah Khan (demo supervisor)', role: 'supervisor', pin: '135790' },
] as const;
