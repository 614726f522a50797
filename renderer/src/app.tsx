/** Placeholder screen until the staff flow lands: tells which mode the kiosk runs in. */
export function App() {
  const mode = new URLSearchParams(window.location.search).get('mode');
  return (
    <main>
      <h1>Enrollment kiosk</h1>
      {mode === 'sandbox' ? <p>SANDBOX: connected to the embedded demo service.</p> : <p>Connected to the vendor service.</p>}
    </main>
  );
}
