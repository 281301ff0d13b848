import { execFileSync } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Debian's interpreter, not whatever `python3` comes first on PATH: python3-xgboost installs into its
 * dist-packages only, and a pyenv or venv interpreter would not see it.
 */
const PYTHON = process.env.BENCH_PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3')

export type XgboostParams = {
  trees: number
  maxDepth: number
  learningRate: number
  maxBins: number
  lambda: number
  minChildWeight: number
  /** Starting probability; null leaves XGBoost's own default (0.5 in 1.x). */
  baseScore: number | null
}

export type XgboostRun =
  | {
      available: true
      version: string
      /** Wall seconds of each training run, in order. */
      trainSeconds: number[]
      /** Process CPU seconds of each training run. */
      trainCpuSeconds: number[]
      /** Trees in the trained booster: checks nothing stopped early. */
      trees: number
      predictRowsPerSecond: number
      predictionsPath: string
    }
  | { available: false; reason: string }

/**
 * The native API rather than XGBClassifier: the sklearn wrapper needs scikit-learn installed, and its
 * fit and predict_proba come down to these same calls (DMatrix + train, inplace_predict). What is timed:
 * - not timed: interpreter start, imports, reading the CSV files (np.genfromtxt);
 * - training: DMatrix construction from the in-memory array plus xgb.train (the quantile sketch happens
 *   in there), as XGBClassifier.fit does, and as checking and binning happen inside our train();
 *   no evaluation set and no early stopping, so every round builds a tree (the count is reported back);
 * - prediction: booster.inplace_predict on the in-memory test array (probabilities, one thread), the
 *   same whole-batch call shape as our predict(), after three warm-up calls, repeated for min_seconds.
 */
const SCRIPT = String.raw`
import json, sys, time
import numpy as np
import xgboost as xgb

train_csv, test_csv, preds_out, params_json, min_seconds, repeats = sys.argv[1:7]
p = json.loads(params_json)
train = np.genfromtxt(train_csv, delimiter=',', skip_header=1)
test = np.genfromtxt(test_csv, delimiter=',', skip_header=1)
X, y = np.ascontiguousarray(train[:, :-1]), train[:, -1]
Xt = np.ascontiguousarray(test[:, :-1])

params = {
    'objective': 'binary:logistic', 'tree_method': 'hist', 'nthread': 1,
    'max_depth': p['maxDepth'], 'eta': p['learningRate'], 'max_bin': p['maxBins'],
    'lambda': p['lambda'], 'alpha': 0, 'gamma': 0, 'min_child_weight': p['minChildWeight'],
    'subsample': 1, 'colsample_bytree': 1,
}
if p.get('baseScore') is not None:
    params['base_score'] = p['baseScore']
train_seconds, train_cpu = [], []
for _ in range(int(repeats)):
    started, cpu = time.perf_counter(), time.process_time()
    dtrain = xgb.DMatrix(X, label=y, missing=np.nan, nthread=1)
    booster = xgb.train(params, dtrain, num_boost_round=p['trees'])
    train_seconds.append(time.perf_counter() - started)
    train_cpu.append(time.process_time() - cpu)
booster.set_param({'nthread': 1})

predict = lambda: booster.inplace_predict(Xt, missing=np.nan)
for _ in range(3):
    predict()
reps, started = 0, time.perf_counter()
while True:
    preds = predict()
    reps += 1
    elapsed = time.perf_counter() - started
    if reps >= 5 and elapsed >= float(min_seconds):
        break
np.savetxt(preds_out, preds, fmt='%.17g')
print(json.dumps({'version': xgb.__version__, 'trainSeconds': train_seconds, 'trainCpuSeconds': train_cpu, 'trees': booster.num_boosted_rounds(), 'predictRowsPerSecond': reps * Xt.shape[0] / elapsed}))
`

export function runXgboost(dir: string, name: string, params: XgboostParams, minPredictSeconds: number, repeats: number): XgboostRun {
  const script = join(dir, 'xgboost-bench.py')
  writeFileSync(script, SCRIPT)
  const predictionsPath = join(dir, `${name}-xgboost-preds.txt`)
  try {
    const out = execFileSync(
      PYTHON,
      [script, join(dir, `${name}-train.csv`), join(dir, `${name}-test.csv`), predictionsPath, JSON.stringify(params), String(minPredictSeconds), String(repeats)],
      // One thread for the comparison: OpenMP would otherwise take every core for parsing and prediction.
      { encoding: 'utf8', env: { ...process.env, OMP_NUM_THREADS: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    const figures = JSON.parse(out.trim().split('\n').at(-1)!) as Omit<Extract<XgboostRun, { available: true }>, 'available' | 'predictionsPath'>
    return { available: true, ...figures, predictionsPath }
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim().split('\n').at(-1)
    return { available: false, reason: stderr || (error as Error).message }
  }
}
