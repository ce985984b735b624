import { useEffect, useRef, useState } from 'preact/hooks';

/** Work under way that the reader may stop: when it began, and the controller whose abort stops it. */
export interface Work {
  since: number;
  controller: AbortController;
}

/**
 * One cancellable request at a time. `run` gives the action a signal and ignores a call while the last
 * one is under way (the ref is checked before any re-render); it answers `null` when the reader
 * cancelled, `undefined` when the call was ignored.
 */
export function useCancellable(): { work: Work | null; run: <T>(action: (signal: AbortSignal) => Promise<T | null>) => Promise<T | null | undefined>; cancel: () => void } {
  const running = useRef<Work | null>(null);
  const [work, setWork] = useState<Work | null>(null);
  const run = async <T,>(action: (signal: AbortSignal) => Promise<T | null>): Promise<T | null | undefined> => {
    if (running.current) return undefined;
    const started: Work = { since: Date.now(), controller: new AbortController() };
    running.current = started;
    setWork(started);
    try {
      const result = await action(started.controller.signal);
      return started.controller.signal.aborted ? null : result;
    } finally {
      running.current = null;
      setWork(null);
    }
  };
  return { work, run, cancel: () => running.current?.controller.abort() };
}

/**
 * What the desk is waiting for, the whole seconds it has waited so far, and a Cancel button that aborts
 * the request. Only the label is a live region: the seconds would be read out every second.
 */
export function Working({ label, work, onCancel }: { label?: string; work: Work; onCancel: () => void }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.floor((now - work.since) / 1000));
  return (
    <span class="working">
      {label && <span role="status">{label}</span>}
      <span class="elapsed" data-testid="elapsed" title="seconds since the request was sent">
        {seconds} s
      </span>
      <button type="button" class="secondary small" onClick={onCancel}>
        Cancel
      </button>
    </span>
  );
}
