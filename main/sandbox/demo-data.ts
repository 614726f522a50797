export interface DemoUser {
  userName: string;
  fullName: string;
  emailId: string;
  phoneNumber: string;
  countryCode: string;
}

/**
 * Demo users, also listed in README.md. Phone numbers are valid numbers of each user's own
 * dialling code: one NRI customer has a UK (+44) number, and one record holds its phone in a
 * legacy format (with the code and spaces) that today's rules would not write.
 */
export const DEMO_USERS: readonly DemoUser[] = [
  { userName: 'ravi.kumar', fullName: 'Ravi Kumar', emailId: 'ravi.kumar@example.com', phoneNumber: '9876543210', countryCode: '+91' },
  { userName: 'priya.sharma', fullName: 'Priya Sharma', emailId: 'priya.sharma@example.com', phoneNumber: '9123456780', countryCode: '+91' },
  { userName: 'arjun.mehta', fullName: 'Arjun Mehta', emailId: 'arjun.mehta@example.com', phoneNumber: '9988776655', countryCode: '+91' },
  { userName: 'ananya.iyer', fullName: 'Ananya Iyer', emailId: 'ananya.iyer@example.com', phoneNumber: '9445566778', countryCode: '+91' },
  { userName: 'mohammed.farooq', fullName: 'Mohammed Farooq', emailId: 'm.farooq@example.com', phoneNumber: '9001122334', countryCode: '+91' },
  { userName: 'sunita.devi', fullName: 'Sunita Devi', emailId: 'sunita.devi@example.com', phoneNumber: '8899001122', countryCode: '+91' },
  { userName: 'kavya.rao', fullName: 'Kavya Rao', emailId: 'kavya.rao@example.co.uk', phoneNumber: '7911123456', countryCode: '+44' },
  { userName: 'meena.pillai', fullName: 'Meena Pillai', emailId: 'meena.pillai@example.com', phoneNumber: '+91 98450 12345', countryCode: '+91' },
];
