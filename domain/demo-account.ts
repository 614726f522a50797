/** The sandbox's demo customer account (what the bank would get from the vendor). */
export const DEMO_CUSTOMER = { customerName: 'demo-bank', password: 'sandbox-demo-pass' } as const;
