/**
 * The system's “reduce motion” accessibility setting (prefers-reduced-motion), followed live: with
 * it on, Ant Design opens dialogs, dropdowns and drawers without animation (token `motion: false`)
 * and charts draw without animation. Browser tests run with it on, so a click never lands on a
 * dialog or dropdown still moving into place.
 */
import { useSyncExternalStore } from 'react';

const QUERY = '(prefers-reduced-motion: reduce)';
const media = () => (typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(QUERY) : null);

export function prefersReducedMotion(): boolean {
  return media()?.matches ?? false;
}

function subscribe(onChange: () => void): () => void {
  const m = media();
  m?.addEventListener('change', onChange);
  return () => m?.removeEventListener('change', onChange);
}

export function useReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, prefersReducedMotion, () => false);
}
