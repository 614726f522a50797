/** The four fields of a customer's record the kiosk can change, in the order staff see them. */
export const PROFILE_FIELDS = ['userName', 'fullName', 'emailId', 'phoneNumber'] as const;

export type ProfileFieldName = (typeof PROFILE_FIELDS)[number];

/** A value for each of the four fields. */
export type ProfileValues = Record<ProfileFieldName, string>;

/** The four fields of a record (drops anything else the object carries). */
export function profileValues(from: ProfileValues): ProfileValues {
  return { userName: from.userName, fullName: from.fullName, emailId: from.emailId, phoneNumber: from.phoneNumber };
}
