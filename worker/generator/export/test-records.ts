// Shared by the export tests: ~200 claims of one seeded practice, generated once per test file.
import { generateRecords } from './generate-files'

export const TEST_SEED = 7
export const TEST_CLAIMS = 200

export function testRecords() {
  return generateRecords({ claims: TEST_CLAIMS, seed: TEST_SEED })
}
