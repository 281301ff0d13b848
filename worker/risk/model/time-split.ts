/**
 * Rows in submission order cut into four consecutive slices: the oldest train the trees, the next stop
 * training early, the next fit the calibration, and the newest are held out to judge the model, as a
 * model is judged in use: on claims newer than anything it learnt from.
 */
export const SPLIT_SHARES = { train: 0.7, validation: 0.1, calibration: 0.1, test: 0.1 } as const

export type TimeSplit = { train: [number, number]; validation: [number, number]; calibration: [number, number]; test: [number, number] }

export function timeSplit(rows: number): TimeSplit {
  const a = Math.round(rows * SPLIT_SHARES.train)
  const b = Math.round(rows * (SPLIT_SHARES.train + SPLIT_SHARES.validation))
  const c = Math.round(rows * (SPLIT_SHARES.train + SPLIT_SHARES.validation + SPLIT_SHARES.calibration))
  return { train: [0, a], validation: [a, b], calibration: [b, c], test: [c, rows] }
}
