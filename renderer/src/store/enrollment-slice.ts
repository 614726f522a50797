import type { EnrollmentSlice, SliceCreator } from './types';

export const EMPTY_ENROLLMENT: EnrollmentSlice['enrollment'] = {
  phase: 'idle',
  camera: null,
  endsAt: null,
  outcome: null,
  message: '',
  auditRecorded: true,
  error: null,
};

export const createEnrollmentSlice: SliceCreator<EnrollmentSlice> = ({ api }) => (set, get) => {
  const patch = (p: Partial<EnrollmentSlice['enrollment']>): void => set((s) => ({ enrollment: { ...s.enrollment, ...p } }));
  return {
    enrollment: EMPTY_ENROLLMENT,
    async prepareFace() {
      get().resetEnrollment();
      get().navigate({ type: 'before-face' });
      await get().checkCamera();
    },
    async checkCamera() {
      const at = get().profile.epoch;
      patch({ phase: 'checking-camera', camera: null, error: null });
      const r = await api.checkCamera();
      if (get().profile.epoch !== at) return;
      if (!r.ok) {
        // Never left "checking": after a sign-in the screen offers to check again.
        patch({ phase: 'camera-problem', camera: 'error', error: r.error });
        get().handleCommonError(r.error);
        return;
      }
      patch({ phase: r.value.camera === 'ready' ? 'camera-ready' : 'camera-problem', camera: r.value.camera });
    },
    async startFace() {
      if (get().enrollment.phase !== 'camera-ready') return;
      await get().submit();
    },
    async openEnrollment() {
      const { updateId } = get().profile.submission;
      if (!updateId) return;
      patch({ phase: 'starting', error: null });
      const r = await api.startEnrollment({ updateId });
      if (get().profile.submission.updateId !== updateId) return;
      if (!r.ok) {
        // Never left "starting": after a sign-in the result offers to open the window again.
        patch({ phase: 'start-failed', error: r.error });
        get().handleCommonError(r.error);
        return;
      }
      patch({ phase: 'open', endsAt: Date.now() + r.value.timeoutSeconds * 1000 });
      get().navigate({ type: 'enrollment-opened' });
    },
    async cancelEnrollment(reason) {
      await api.cancelEnrollment({ reason });
    },
    enrollmentFinished(event) {
      if (get().enrollment.phase !== 'open') return;
      patch({ phase: 'finished', outcome: event.outcome, message: event.message, auditRecorded: event.auditRecorded, endsAt: null });
      get().navigate({ type: 'enrollment-finished', outcome: event.outcome });
    },
    async detailsOnly() {
      const { reviewed } = get().profile;
      if (!reviewed || Object.keys(reviewed.changes).length === 0) return;
      get().dropFace();
      patch({ phase: 'idle' });
      await get().submit();
    },
    retryFace() {
      get().faceOnlyRetry();
      void get().prepareFace();
    },
    resetEnrollment: () => set({ enrollment: EMPTY_ENROLLMENT }),
  };
};
