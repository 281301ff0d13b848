import { npiFrom } from '../../payers/x12/npi'
import { mulberry32, type Random } from '../prng'
import { PRACTICE_STEMS, SPECIALTIES, type Specialty } from './specialties'

export type Provider = {
  id: string
  name: string
  specialty: Specialty
  /** Type 2 NPI of the practice (billing provider). */
  organizationNpi: string
  /** Type 1 NPIs of the clinicians who render the services. */
  renderingNpis: readonly string[]
  /** Employer identification number, NN-NNNNNNN. */
  tin: string
  /** Average claims on a weekday, 10 to 1,000. */
  claimsPerDay: number
  state: string
  city: string
}

export type ProviderOptions = { seed: number; specialty?: Specialty; claimsPerDay?: number }

const PLACES = ['Riverside', 'Oak Hill', 'Lakeview', 'Cedar Park', 'Maple Grove', 'Summit', 'Brookside', 'Pine Valley', 'Harbor', 'Westfield', 'Fairview', 'Stonebridge']
const CITIES: readonly (readonly [string, string])[] = [['Austin', 'TX'], ['Dallas', 'TX'], ['Columbus', 'OH'], ['Denver', 'CO'], ['Raleigh', 'NC'], ['Tampa', 'FL'], ['Phoenix', 'AZ'], ['Madison', 'WI']]
/** EIN prefixes the IRS assigns (a few unassigned ones such as 07, 08, 09 left out). */
const EIN_PREFIXES = ['10', '20', '26', '27', '30', '45', '46', '47', '52', '61', '74', '75', '81', '82', '84', '87', '88', '93']

export const MIN_CLAIMS_PER_DAY = 10
export const MAX_CLAIMS_PER_DAY = 1_000

/** A valid NPI: nine digits starting with 1 (individual) or 2 (organisation) plus the Luhn check digit. */
export function syntheticNpi(random: Random, entity: 'individual' | 'organization'): string {
  const first9 = `${entity === 'individual' ? 1 : 2}${String(random.int(0, 99_999_999)).padStart(8, '0')}`
  const npi = npiFrom(first9)
  if (npi === undefined) throw new RangeError('npi digits')
  return npi
}

/** A practice with its identifiers; same options, same practice. */
export function generateProvider(options: ProviderOptions): Provider {
  const random = mulberry32(options.seed ^ 0x5eed_0001)
  const specialty = options.specialty ?? random.pick(SPECIALTIES)
  const claimsPerDay = Math.min(MAX_CLAIMS_PER_DAY, Math.max(MIN_CLAIMS_PER_DAY, Math.round(options.claimsPerDay ?? 10 * Math.pow(100, random.next()))))
  const [city, state] = random.pick(CITIES)
  const clinicians = Math.max(1, Math.min(40, Math.round(claimsPerDay / 25)))
  return {
    id: `prv_syn_${(options.seed >>> 0).toString(36)}`,
    name: `${random.pick(PLACES)} ${random.pick(PRACTICE_STEMS[specialty])}`,
    specialty,
    organizationNpi: syntheticNpi(random, 'organization'),
    renderingNpis: Array.from({ length: clinicians }, () => syntheticNpi(random, 'individual')),
    tin: `${random.pick(EIN_PREFIXES)}-${String(random.int(0, 9_999_999)).padStart(7, '0')}`,
    claimsPerDay,
    state,
    city,
  }
}
