import type { ComponentType } from 'react';
import type { Screen } from '../store/types';
import { BeforeFaceScreen } from './before-face-screen';
import { EditScreen } from './edit-screen';
import { EnrollmentScreen } from './enrollment-screen';
import { FindScreen } from './find-screen';
import { ResultScreen } from './result-screen';
import { ReviewScreen } from './review-screen';
import { NoVendorScreen } from './no-vendor-screen';
import { SignInScreen } from './sign-in-screen';

// The screens after the unlock, in one chunk of their own: the first screen (unlock) does not
// wait for them. The app starts loading this chunk right after its first render.

/** Each screen after the unlock, by the store's name for it. */
export const STAFF_SCREENS: Record<Exclude<Screen, 'loading' | 'unlock'>, ComponentType> = {
  'sign-in': SignInScreen,
  'no-vendor': NoVendorScreen,
  find: FindScreen,
  edit: EditScreen,
  review: ReviewScreen,
  'before-face': BeforeFaceScreen,
  enrollment: EnrollmentScreen,
  result: ResultScreen,
};
