import { QuantityShape, quantityRange, rangesConflict } from '../claims/quantity';

export interface Window {
  start: Date | null;
  end: Date | null;
}

/**
 * Figures only contradict each other when they describe the same moment: two claims are
 * compared when their event windows overlap, and a claim with no event time is compared with
 * every claim on the variable (its time is unknown, not different).
 */
export function windowsOverlap(a: Window, b: Window): boolean {
  if (!a.start || !b.start) return true;
  const aEnd = a.end ?? a.start;
  const bEnd = b.end ?? b.start;
  return a.start.getTime() <= bEnd.getTime() && b.start.getTime() <= aEnd.getTime();
}

export function quantitiesConflict(a: QuantityShape, b: QuantityShape): boolean {
  return rangesConflict(quantityRange(a), quantityRange(b));
}
