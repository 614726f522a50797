// The sandbox's stand-in for the vendor's hosted capture page: camera preview, capture,
// and a way to end in failure. Served with a strict CSP; no inline script or style.

export const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data: blob:; media-src 'self' blob: mediastream:; base-uri 'none'; form-action 'none'";

/** The page's HTML; the portal ids are read by the script from its own URL. */
export function reenrollPageHtml(options: { cameraBusy?: boolean } = {}): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Face re-enrollment (SANDBOX)</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/deepfaceauth/sandbox/reenroll.css">
<script type="module" src="/deepfaceauth/sandbox/reenroll.js"></script>
</head>
<body data-state="starting"${options.cameraBusy ? ' data-camera-busy="true"' : ''}>
<header><span class="badge">SANDBOX</span> Face re-enrollment (demo service, not the real vendor)</header>
<main>
  <p id="status" role="status" aria-live="polite">Starting the camera…</p>
  <video id="preview" autoplay muted playsinline aria-label="Camera preview"></video>
  <canvas id="frame" hidden></canvas>
  <div class="actions">
    <button id="capture" type="button" disabled>Capture face</button>
    <button id="fail" type="button">End with failure</button>
  </div>
</main>
</body>
</html>
`;
}

export const REENROLL_CSS = `
body { font: 20px/1.4 system-ui, sans-serif; margin: 0; background: #f4f6f8; color: #111; }
header { background: #8a1c1c; color: #fff; padding: 12px 20px; font-weight: 600; }
.badge { background: #fff; color: #8a1c1c; padding: 2px 8px; border-radius: 4px; margin-right: 8px; }
main { display: flex; flex-direction: column; align-items: center; gap: 16px; padding: 24px; }
video { width: min(640px, 90vw); aspect-ratio: 4 / 3; background: #222; border-radius: 8px; }
.actions { display: flex; gap: 16px; }
button { min-height: 56px; min-width: 200px; font-size: 20px; border-radius: 8px; border: 2px solid #222; background: #fff; }
button:focus-visible { outline: 4px solid #1565c0; outline-offset: 2px; }
button:disabled { opacity: 0.5; }
#capture { background: #1b5e20; color: #fff; border-color: #1b5e20; }
`;

export const REENROLL_JS = `
const statusEl = document.getElementById('status');
const video = document.getElementById('preview');
const canvas = document.getElementById('frame');
const captureBtn = document.getElementById('capture');
const failBtn = document.getElementById('fail');
const portal = location.pathname.split('/portal/')[1] || '';
let stream = null;
// Set once the customer captured or gave up: a camera that starts late must not reopen.
let finished = false;

function setState(state, text) {
  document.body.dataset.state = state;
  statusEl.textContent = text;
}
function stop() {
  finished = true;
  if (stream) for (const t of stream.getTracks()) t.stop();
  stream = null;
  captureBtn.disabled = true;
  failBtn.disabled = true;
}
async function report(result) {
  const res = await fetch('/deepfaceauth/sandbox/result/' + portal, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ result }),
  });
  if (!res.ok) throw new Error('result not recorded');
}
const cameraMessages = {
  NotAllowedError: 'Camera access was blocked. Ask staff for help.',
  NotFoundError: 'No camera was found. Ask staff for help.',
  NotReadableError: 'The camera is busy or not working. Ask staff for help.',
};
async function start() {
  // Sandbox test switch: behave as when another program holds the camera.
  if (document.body.dataset.cameraBusy === 'true') {
    setState('camera-error', cameraMessages.NotReadableError);
    return;
  }
  try {
    const s = await navigator.mediaDevices.getUserMedia({ video: true, audio: false });
    if (finished) {
      for (const t of s.getTracks()) t.stop();
      return;
    }
    stream = s;
    video.srcObject = stream;
    await video.play();
    if (finished) return;
    setState('ready', 'Look straight at the camera, then press Capture face.');
    captureBtn.disabled = false;
  } catch (err) {
    if (finished) return;
    setState('camera-error', cameraMessages[err && err.name] || 'The camera could not be started. Ask staff for help.');
  }
}
captureBtn.addEventListener('click', async () => {
  if (!video.videoWidth) return setState('ready', 'No picture yet; hold still and try again.');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  canvas.getContext('2d').drawImage(video, 0, 0);
  stop();
  setState('saving', 'Saving…');
  try {
    await report('success');
    setState('success', 'Face recorded. Thank you.');
  } catch {
    setState('error', 'Could not save. Ask staff for help.');
  }
});
failBtn.addEventListener('click', async () => {
  stop();
  try {
    await report('failure');
    setState('failure', 'Face capture ended without success.');
  } catch {
    setState('error', 'Could not save. Ask staff for help.');
  }
});
start();
`;
