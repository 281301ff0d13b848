// The X12 command line: `tsx scripts/x12.ts parse FILE` prints the file's summary as one line of JSON.
// A file with X12 errors still exits 0 (the errors are in the JSON); only a bad command or an
// unreadable file exits 2.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseX12 } from '../worker/payers/x12/parse-x12'

const USAGE = 'usage: tsx scripts/x12.ts parse FILE'

export type CliIo = { out: (line: string) => void; err: (line: string) => void; readFile: (path: string) => Uint8Array }

export function runX12Cli(args: readonly string[], io: CliIo): number {
  const [command, file, ...rest] = args
  if (command !== 'parse' || !file || rest.length > 0) {
    io.err(USAGE)
    return 2
  }
  let bytes: Uint8Array
  try {
    bytes = io.readFile(file)
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable'
    io.err(`cannot read ${file}: ${code}\n${USAGE}`)
    return 2
  }
  io.out(JSON.stringify(parseX12(bytes)))
  return 0
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = runX12Cli(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    readFile: (path) => new Uint8Array(readFileSync(path)),
  })
}
