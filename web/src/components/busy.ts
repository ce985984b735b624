import { useRef, useState } from 'preact/hooks';

/**
 * One action at a time: `run` ignores a call while the last one is under way. The ref is checked
 * before any re-render, so a double click or Enter pressed twice sends one request, not two.
 */
export function useBusy(): [boolean, <T>(action: () => Promise<T>) => Promise<T | undefined>] {
  const running = useRef(false);
  const [busy, setBusy] = useState(false);
  const run = async <T,>(action: () => Promise<T>): Promise<T | undefined> => {
    if (running.current) return undefined;
    running.current = true;
    setBusy(true);
    try {
      return await action();
    } finally {
      running.current = false;
      setBusy(false);
    }
  };
  return [busy, run];
}
