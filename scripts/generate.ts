// The synthetic data command line:
//   tsx scripts/generate.ts --claims N --seed S --format json|csv|x12|fhir|pdf --out DIR
// writes the files into DIR (created when missing) and prints one summary line. Bad arguments exit 2
// with the usage; nothing is written then.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { EXPORT_FORMATS, generateFilesWithReport } from '../worker/generator/export'
import type { ExportFormat } from '../worker/generator/export'

export const USAGE = 'usage: tsx scripts/generate.ts --claims N --seed S --format json|csv|x12|fhir|pdf --out DIR [--from YYYY-MM-DD] [--to YYYY-MM-DD]'
const MAX_CLAIMS = 1_000_000
/** Two files a claim, built in memory before any is written: a million would be two million files. */
const MAX_PDF_CLAIMS = 10_000
const DATE = /^\d{4}-\d{2}-\d{2}$/

export type GenerateIo = { out: (line: string) => void; err: (line: string) => void }

type Parsed = { claims: number; seed: number; format: ExportFormat; out: string; from?: string; to?: string }

function parse(args: readonly string[]): Parsed | string {
  let values: Record<string, string | undefined>
  try {
    const parsed = parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: false,
      options: { claims: { type: 'string' }, seed: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } },
    })
    values = parsed.values as Record<string, string | undefined>
  } catch (error) {
    return error instanceof Error ? error.message : 'bad arguments'
  }
  const { claims, seed, format, out, from, to } = values
  if (!claims || !/^\d+$/.test(claims) || Number(claims) < 1 || Number(claims) > MAX_CLAIMS) return `--claims must be a whole number from 1 to ${MAX_CLAIMS}`
  if (!seed || !/^\d+$/.test(seed) || Number(seed) > 0xffff_ffff) return '--seed must be a whole number from 0 to 4294967295'
  if (!format || !(EXPORT_FORMATS as readonly string[]).includes(format)) return `--format must be one of ${EXPORT_FORMATS.join(', ')}`
  if (!out) return '--out DIR is required'
  if (format === 'pdf' && Number(claims) > MAX_PDF_CLAIMS) return `--format pdf writes at most ${MAX_PDF_CLAIMS} claims`
  if ((from !== undefined && !DATE.test(from)) || (to !== undefined && !DATE.test(to))) return '--from and --to are dates as YYYY-MM-DD'
  if (from !== undefined && to !== undefined && from > to) return '--from is after --to'
  return { claims: Number(claims), seed: Number(seed), format: format as ExportFormat, out, ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) }
}

export async function runGenerate(args: readonly string[], io: GenerateIo): Promise<number> {
  const parsed = parse(args)
  if (typeof parsed === 'string') {
    io.err(`${parsed}\n${USAGE}`)
    return 2
  }
  const { out, ...options } = parsed
  const { files, report } = await generateFilesWithReport(options)
  mkdirSync(out, { recursive: true })
  for (const file of files) writeFileSync(join(out, file.name), file.content)
  const bytes = files.reduce((sum, f) => sum + Buffer.byteLength(f.content), 0)
  const fixes = parsed.format === 'x12' ? `, ${report.oa23ClaimIds.length} balanced with OA-23` : ''
  io.out(`generated ${report.claims} claims (seed ${parsed.seed}, provider ${report.provider.id}, ${report.provider.specialty}) as ${parsed.format}: ${files.length} files, ${bytes} bytes in ${out}${fixes}`)
  return 0
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  void runGenerate(process.argv.slice(2), { out: (line) => console.log(line), err: (line) => console.error(line) }).then((code) => {
    process.exitCode = code
  })
}
