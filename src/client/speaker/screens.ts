/**
 * The slides fullscreen on the projector, the speaker view on the laptop, as PowerPoint's presenter
 * view does, through the Window Management API (Chrome and Edge 100 and later, which ask the user's
 * permission once). Elsewhere, or with one screen, the speaker gets a plain instruction instead.
 */

/** The parts of the Window Management API used here; TypeScript's DOM library does not have it yet. */
interface ScreenDetailed extends Screen {
  readonly availLeft: number;
  readonly availTop: number;
  readonly isInternal: boolean;
  readonly isPrimary: boolean;
  readonly label: string;
}

interface ScreenDetails {
  readonly screens: readonly ScreenDetailed[];
  readonly currentScreen: ScreenDetailed;
}

type WithScreens = Window & { getScreenDetails?: () => Promise<ScreenDetails> };

/** Whether this browser can place windows on other screens. */
export function canUseScreens(view: Window): boolean {
  return typeof (view as WithScreens).getScreenDetails === 'function';
}

/** How a request to put the slides on the projector ended; each but `done` tells the speaker what to do. */
export type ProjectResult = 'done' | 'click-deck' | 'one-screen' | 'unsupported';

/** Where a window goes, in screen coordinates: the whole usable area of the speaker's own screen. */
export interface Placement {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The screen for the slides: another than `here`, an external one if there is one. */
function projectorFor(details: ScreenDetails, here: ScreenDetailed): ScreenDetailed | undefined {
  const others = details.screens.filter((s) => s !== here);
  return others.find((s) => !s.isInternal) ?? others[0];
}

/**
 * Puts the deck fullscreen on the screen that is not `asker`'s, and `asker` (the window clicked in)
 * stays where it is. The browser lets a page go fullscreen only right after a click in it: when the
 * click was in the speaker view and that does not count for the deck, the deck goes fullscreen on its
 * next click or key instead, and the speaker is asked to click it.
 */
export async function projectDeck(deckWindow: Window, asker: Window): Promise<{ result: ProjectResult; speaker?: Placement }> {
  const get = (asker as WithScreens).getScreenDetails;
  if (typeof get !== 'function') return { result: 'unsupported' };
  let details: ScreenDetails;
  try {
    details = await get.call(asker);
  } catch {
    // Permission refused: the manual way still works.
    return { result: 'unsupported' };
  }
  const here = details.currentScreen;
  const projector = projectorFor(details, here);
  if (!projector) return { result: 'one-screen' };
  const speaker = { left: here.availLeft, top: here.availTop, width: here.availWidth, height: here.availHeight };
  const root = deckWindow.document.documentElement;
  const fullscreen = () => root.requestFullscreen({ screen: projector } as FullscreenOptions);
  try {
    await fullscreen();
    return { result: 'done', speaker };
  } catch {
    const once = () => {
      deckWindow.removeEventListener('pointerdown', once, true);
      deckWindow.removeEventListener('keydown', once, true);
      void fullscreen().catch(() => undefined);
    };
    deckWindow.addEventListener('pointerdown', once, true);
    deckWindow.addEventListener('keydown', once, true);
    deckWindow.focus();
    return { result: 'click-deck', speaker };
  }
}
