import { readFileSync } from 'node:fs'
import { bundledEditSource } from '../default-edit-tables'
import { buildEditTables, type EditTables } from '../edit-tables'
import { parseHcpcsFile } from '../parse-hcpcs'
import { parseMueFile } from '../parse-mue'
import { parsePtpFile } from '../parse-ptp'

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'latin1')

/** Tests only: the bundled table overlaid with the three CMS excerpts, as the product will load the full files. */
export function excerptEditTables(): EditTables {
  return buildEditTables(bundledEditSource(), {
    ptp: parsePtpFile(fixture('ccipra-v322r0-f1.excerpt.txt')).rows,
    mue: parseMueFile(fixture('MCR_MUE_PractitionerServices_Eff_07-01-2026.excerpt.csv')).rows,
    hcpcs: parseHcpcsFile(fixture('HCPC2026_OCT_ANWEB.excerpt.csv')).rows,
  })
}
