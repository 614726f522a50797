import { useEffect, useState } from 'react';
import type { KioskInfo } from '../../main/ipc/contract';

/** Placeholder screen until the staff flow lands: tells which mode the kiosk runs in. */
export function App() {
  const [info, setInfo] = useState<KioskInfo | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void window.kiosk.kioskInfo().then((r) => {
      if (!live) return;
      if (r.ok) setInfo(r.value);
      else setError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, []);

  return (
    <main>
      <h1>Enrollment kiosk</h1>
      {error && <p role="alert">{error}</p>}
      {info?.sandbox && <p>SANDBOX: connected to the embedded demo service.</p>}
      {info && !info.sandbox && <p>Connected to the vendor service.</p>}
    </main>
  );
}
