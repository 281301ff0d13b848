// The risk model command line: train a gradient-boosted model from a CSV file and score a CSV file with it.
//   tsx scripts/risk-cli.ts train --csv TRAIN.csv --label label --model MODEL.json [--trees 200 --depth 6 --lr 0.1 --bins 256 --seed 1]
//   tsx scripts/risk-cli.ts predict --csv TEST.csv --model MODEL.json [--out PREDS.txt]
// Exit codes: 0 done; 2 the input was refused (a bad command line, data or model file; the reason on
// stderr, no stack trace); 1 an unexpected failure.
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { auc, logLoss, parseModel, predict, serialiseModel, train } from '../worker/risk/gbdt'
import type { FeatureMatrix, TrainOptions } from '../worker/risk/gbdt'
import { readCsv } from '../worker/ingest/csv'

const USAGE = [
  'usage: tsx scripts/risk-cli.ts train --csv TRAIN.csv --label COLUMN --model MODEL.json',
  '         [--trees 200 --depth 6 --leaves 0 --lr 0.1 --bins 256 --seed 1 --lambda 1 --gamma 0',
  '          --min-child-weight 1 --subsample 1 --colsample 1 --valid VALID.csv --patience 0]',
  '       tsx scripts/risk-cli.ts predict --csv TEST.csv --model MODEL.json [--out PREDS.txt]',
].join('\n')

export type RiskCliIo = {
  out: (line: string) => void
  err: (line: string) => void
  readFile: (path: string) => string
  writeFile: (path: string, text: string) => void
}

/** Options that take a plain number. */
type NumericOption = { [K in keyof TrainOptions]: TrainOptions[K] extends number ? K : never }[keyof TrainOptions]

const NUMERIC_FLAGS: Record<string, NumericOption> = {
  trees: 'trees',
  depth: 'maxDepth',
  leaves: 'maxLeaves',
  lr: 'learningRate',
  bins: 'maxBins',
  seed: 'seed',
  lambda: 'lambda',
  gamma: 'gamma',
  'min-child-weight': 'minChildWeight',
  subsample: 'subsample',
  colsample: 'colsampleByTree',
  patience: 'earlyStoppingRounds',
}
const TRAIN_PATHS = ['csv', 'label', 'model', 'valid']
const PREDICT_PATHS = ['csv', 'model', 'out']

class UsageError extends Error {
  override name = 'UsageError'
}

/** Refusals of the data or the model: reported with their reason, exit code 2 like a bad command line. */
class DataError extends Error {
  override name = 'DataError'
}

export function runRiskCli(args: readonly string[], io: RiskCliIo): number {
  try {
    const [command, ...rest] = args
    if (command === 'train') return trainCommand(parseFlags(rest, [...TRAIN_PATHS, ...Object.keys(NUMERIC_FLAGS)]), io)
    if (command === 'predict') return predictCommand(parseFlags(rest, PREDICT_PATHS), io)
    throw new UsageError(command ? `unknown command ${command}` : 'no command')
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n${USAGE}`)
      return 2
    }
    if (error instanceof DataError) {
      io.err(error.message)
      return 2
    }
    // A bug, not bad input: still one line, so a script calling this reads a message, not a stack.
    io.err(`risk-cli failed: ${error instanceof Error ? error.message : String(error)}`)
    return 1
  }
}

function parseFlags(args: readonly string[], allowed: readonly string[]): Map<string, string> {
  const flags = new Map<string, string>()
  for (let i = 0; i < args.length; i += 2) {
    const name = args[i]?.startsWith('--') ? args[i]!.slice(2) : null
    const value = args[i + 1]
    if (!name || !allowed.includes(name)) throw new UsageError(`unexpected argument ${args[i]}`)
    if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`)
    flags.set(name, value)
  }
  return flags
}

function required(flags: Map<string, string>, name: string): string {
  const value = flags.get(name)
  if (value === undefined) throw new UsageError(`--${name} is required`)
  return value
}

function read(io: RiskCliIo, path: string): string {
  try {
    return io.readFile(path)
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable'
    throw new DataError(`cannot read ${path}: ${code}`)
  }
}

type Table = { header: string[]; columns: Map<string, Float64Array>; lines: number[] }

/** Header row, then numbers; an empty field is a missing value. Anything else is refused with where it is. */
function readTable(path: string, io: RiskCliIo): Table {
  const csv = readCsv(read(io, path))
  if (!csv.ok) throw new DataError(`${path} line ${csv.line}: ${csv.message}`)
  const [head, ...records] = csv.records
  if (!head) throw new DataError(`${path} is empty`)
  const header = head.fields.map((f) => f.trim())
  if (new Set(header).size !== header.length || header.includes('')) throw new DataError(`${path}: column names must be non-empty and distinct`)
  const columns = new Map(header.map((name) => [name, new Float64Array(records.length)]))
  for (const [i, record] of records.entries()) {
    if (record.fields.length !== header.length) {
      throw new DataError(`${path} line ${record.line}: ${record.fields.length} fields, the header has ${header.length}`)
    }
    for (const [j, name] of header.entries()) {
      const text = record.fields[j]!.trim()
      const value = text === '' ? Number.NaN : Number(text)
      if (text !== '' && Number.isNaN(value)) throw new DataError(`${path} line ${record.line}, column ${name}: "${text}" is not a number`)
      columns.get(name)![i] = value
    }
  }
  return { header, columns, lines: records.map((r) => r.line) }
}

function matrixOf(table: Table, names: readonly string[]): FeatureMatrix {
  const rows = table.lines.length
  const cols = names.length
  const values = new Float64Array(rows * cols)
  for (const [j, name] of names.entries()) {
    const column = table.columns.get(name)!
    for (let i = 0; i < rows; i++) values[i * cols + j] = column[i]!
  }
  return { values, rows, cols }
}

function trainCommand(flags: Map<string, string>, io: RiskCliIo): number {
  const csvPath = required(flags, 'csv')
  const label = required(flags, 'label')
  const modelPath = required(flags, 'model')
  const options: Partial<TrainOptions> = {}
  for (const [flag, option] of Object.entries(NUMERIC_FLAGS)) {
    const text = flags.get(flag)
    if (text === undefined) continue
    const value = Number(text)
    if (text.trim() === '' || !Number.isFinite(value)) throw new UsageError(`--${flag} must be a number, got ${text}`)
    options[option] = value
  }
  const table = readTable(csvPath, io)
  const labels = table.columns.get(label)
  if (!labels) throw new DataError(`${csvPath} has no column ${label}`)
  const featureNames = table.header.filter((name) => name !== label)
  const validPath = flags.get('valid')
  let validation: { rows: FeatureMatrix; labels: Float64Array } | undefined
  if (validPath) {
    const valid = readTable(validPath, io)
    const missing = [label, ...featureNames].find((name) => !valid.columns.has(name))
    if (missing) throw new DataError(`${validPath} has no column ${missing}`)
    validation = { rows: matrixOf(valid, featureNames), labels: valid.columns.get(label)! }
  }
  const x = matrixOf(table, featureNames)
  const result = train({ rows: x, labels, featureNames, ...(validation ? { validation } : {}) }, options)
  if (!result.ok) {
    const where = result.row !== undefined && !validation ? ` (${csvPath} line ${table.lines[result.row]})` : ''
    throw new DataError(`${result.message}${where}`)
  }
  io.writeFile(modelPath, serialiseModel(result.model))
  const p = predict(result.model, x)
  io.out(
    JSON.stringify({
      model: modelPath,
      rows: x.rows,
      features: featureNames.length,
      trees: result.treesKept,
      stoppedEarly: result.stoppedEarly,
      trainAuc: auc(labels, p),
      trainLogLoss: logLoss(labels, p),
      validationLogLoss: result.validationLogLoss.length > 0 ? result.validationLogLoss[result.treesKept - 1] : undefined,
      importance: result.importance.slice(0, 10).map((i) => ({ feature: i.feature, gain: Number(i.gain.toPrecision(6)) })),
    }),
  )
  return 0
}

function predictCommand(flags: Map<string, string>, io: RiskCliIo): number {
  const csvPath = required(flags, 'csv')
  const modelPath = required(flags, 'model')
  const loaded = parseModel(read(io, modelPath))
  if (!loaded.ok) throw new DataError(`${modelPath}: ${loaded.message}`)
  const { model } = loaded
  const table = readTable(csvPath, io)
  // Columns are matched by name, so a label column or extra columns are simply not read.
  const absent = model.featureNames.filter((name) => !table.columns.has(name))
  if (absent.length > 0) throw new DataError(`${csvPath} lacks the model's columns: ${absent.join(', ')}`)
  const x = matrixOf(table, model.featureNames)
  for (let k = 0; k < x.values.length; k++) {
    if (Math.abs(x.values[k]!) === Number.POSITIVE_INFINITY) {
      const name = model.featureNames[k % x.cols]
      throw new DataError(`${csvPath} line ${table.lines[Math.floor(k / x.cols)]}, column ${name}: infinite values are not accepted`)
    }
  }
  const text = Array.from(predict(model, x), (p) => `${p}\n`).join('')
  const out = flags.get('out')
  if (out) io.writeFile(out, text)
  else io.out(text.trimEnd())
  return 0
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = runRiskCli(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    readFile: (path) => readFileSync(path, 'utf8'),
    writeFile: (path, text) => writeFileSync(path, text),
  })
}
