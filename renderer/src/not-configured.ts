// The "not configured" screen of a packaged kiosk: main names the file IT must write in the
// URL's fragment; it is shown as text, never as markup.
export {};

function named(): string {
  try {
    return decodeURIComponent(location.hash.slice(1));
  } catch {
    return '';
  }
}

const path = document.getElementById('path');
const file = named();
if (path && file) path.textContent = file;
