// The screens after sign-in, in one chunk of their own: the first screen (sign-in) does not
// wait for them. The app starts loading this chunk right after its first render.
export { BeforeFaceScreen } from './before-face-screen';
export { EditScreen } from './edit-screen';
export { EnrollmentScreen } from './enrollment-screen';
export { FindScreen } from './find-screen';
export { ResultScreen } from './result-screen';
export { ReviewScreen } from './review-screen';
