// Batch coding with the local coder: one JSON object per input line, one result per output line, same
// order. Usage: npm run -s coder -- --in IN.jsonl --out OUT.jsonl   (use "-" for stdin or stdout)
import { createReadStream, createWriteStream, existsSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { codeBatchLine } from '../worker/coding/local-coder/batch-line'

const USAGE = 'usage: npm run -s coder -- --in IN.jsonl --out OUT.jsonl   (each input line {"text": "..."}; "-" for stdin/stdout)'

function usageError(message: string): never {
  process.stderr.write(`coder: ${message}\n${USAGE}\n`)
  process.exit(2)
}

function parseArgs(argv: readonly string[]): { input: string; output: string } {
  const args: Record<string, string> = {}
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!
    if (flag === '--help' || flag === '-h') {
      process.stdout.write(`${USAGE}\n`)
      process.exit(0)
    }
    if (flag !== '--in' && flag !== '--out') usageError(`unknown argument '${flag}'`)
    const value = argv[++i]
    if (value === undefined || value === '') usageError(`${flag} needs a file path`)
    args[flag.slice(2)] = value
  }
  if (!args.in) usageError('missing --in')
  if (!args.out) usageError('missing --out')
  if (args.in !== '-' && !existsSync(args.in)) usageError(`input file not found: ${args.in}`)
  return { input: args.in, output: args.out }
}

async function main(): Promise<void> {
  const { input, output } = parseArgs(process.argv.slice(2))
  const source = input === '-' ? process.stdin : createReadStream(input, { encoding: 'utf8' })
  const sink = output === '-' ? process.stdout : createWriteStream(output, { encoding: 'utf8' })
  const lines = createInterface({ input: source, crlfDelay: Infinity })
  let count = 0
  let errors = 0
  for await (const line of lines) {
    let result
    try {
      result = codeBatchLine(line)
    } catch (error) {
      result = { icd10: [], cpt: [], confidence: 0, error: `coder failed: ${error instanceof Error ? error.name : 'error'}` }
    }
    if (result.error) errors++
    count++
    if (!sink.write(`${JSON.stringify(result)}\n`)) await new Promise<void>((resolve) => sink.once('drain', () => resolve()))
  }
  if (sink !== process.stdout) {
    await new Promise<void>((resolve, reject) => {
      sink.on('error', reject)
      sink.end(() => resolve())
    })
  }
  process.stderr.write(`coder: ${count} lines, ${errors} with errors\n`)
}

await main()
