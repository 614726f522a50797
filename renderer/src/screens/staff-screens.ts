import type { ComponentType } from 'react';
import type { Screen } from '../store/types';
import { BeforeFaceScreen } from './before-face-screen';
import { EditScreen } from './edit-screen';
import { EnrollmentScreen } from './enrollment-screen';
import { FindScreen } from './find-screen';
import { ResultScreen } from './result-screen';
import { ReviewScreen } from './review-screen';

// The screens after sign-in, in one chunk of their own: the first screen (sign-in) does not
// wait for them. The app starts loading this chunk right after its first render.

/** Each screen after sign-in, by the store's name for it. */
export const STAFF_SCREENS: Record<Exclude<Screen, 'loading' | 'sign-in'>, ComponentType> = {
  find: FindScreen,
  edit: EditScreen,
  review: ReviewScreen,
  'before-face': BeforeFaceScreen,
  enrollment: EnrollmentScreen,
  result: ResultScreen,
};
