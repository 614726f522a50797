import { sameOriginAs } from '../security/navigation-policy';
import type { SenderInfo } from './handle';

/**
 * Builds the sender check of every handler: the request must come from the kiosk window's
 * web contents, from its top frame, while that frame shows a page of the app's origin.
 * The window id is read at each call because a window can be rebuilt.
 */
export function createSenderCheck(options: {
  kioskWebContentsId: () => number | null;
  appOrigin: string;
}): (sender: SenderInfo) => boolean {
  const fromAppOrigin = sameOriginAs(options.appOrigin);
  return (sender) => {
    const id = options.kioskWebContentsId();
    return (
      id !== null &&
      sender.webContentsId === id &&
      sender.isMainFrame &&
      fromAppOrigin(sender.frameUrl)
    );
  };
}
