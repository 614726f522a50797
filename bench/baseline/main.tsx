import { useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { markFirstRender } from '../../renderer/src/perf-marks';

// The benchmark's floor: the smallest React app, built with the kiosk's own Vite config. It
// sets the same first-render mark as the kiosk's first screen (unlock).

function Blank() {
  useEffect(markFirstRender, []);
  return <h1 />;
}

createRoot(document.getElementById('root') as HTMLElement).render(<Blank />);
