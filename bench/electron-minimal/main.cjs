// The benchmark's Electron floor: one hidden window with the same security settings as the
// kiosk's, shown on ready-to-show, loading an empty page.
const { app, BrowserWindow } = require('electron');
const { join } = require('node:path');

app.enableSandbox();
app.whenReady().then(() => {
  const win = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false } });
  win.once('ready-to-show', () => win.show());
  void win.loadFile(join(__dirname, 'index.html'));
});
app.on('window-all-closed', () => app.quit());
