// The fallback screen after repeated crashes: one button that asks main to restart the app.
export {};

const button = document.getElementById('restart');
const status = document.getElementById('status');

if (button instanceof HTMLButtonElement && status) {
  button.addEventListener('click', () => {
    button.disabled = true;
    status.textContent = 'Restarting… · फिर से शुरू हो रहा है…';
    void window.kiosk.restartKiosk().then((result) => {
      if (!result.ok) {
        status.textContent = `${result.error.message} Call branch IT. · शाखा आईटी को कॉल करें।`;
        button.disabled = false;
      }
    });
  });
}
