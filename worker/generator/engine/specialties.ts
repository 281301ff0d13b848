/** The specialties the engine simulates; each has its own case mix, age mix and E/M level mix. */
export type Specialty = 'family-medicine' | 'internal-medicine' | 'pediatrics' | 'orthopedics' | 'cardiology' | 'dermatology'

export const SPECIALTIES: readonly Specialty[] = ['family-medicine', 'internal-medicine', 'pediatrics', 'orthopedics', 'cardiology', 'dermatology']

/** Age bands as [min, max, weight]: pediatrics sees children, cardiology mostly over 55. */
export type AgeBand = readonly [min: number, max: number, weight: number]

export const AGE_MIX: Readonly<Record<Specialty, readonly AgeBand[]>> = {
  'family-medicine': [[0, 17, 20], [18, 44, 30], [45, 64, 30], [65, 90, 20]],
  'internal-medicine': [[18, 44, 20], [45, 64, 40], [65, 95, 40]],
  pediatrics: [[0, 1, 25], [2, 5, 25], [6, 12, 30], [13, 17, 20]],
  orthopedics: [[10, 17, 10], [18, 44, 30], [45, 64, 35], [65, 90, 25]],
  cardiology: [[30, 54, 15], [55, 64, 30], [65, 95, 55]],
  dermatology: [[12, 17, 15], [18, 44, 35], [45, 64, 25], [65, 90, 25]],
}

/** Practice-name stems per specialty; the practice name is a place or family name plus one of these. */
export const PRACTICE_STEMS: Readonly<Record<Specialty, readonly string[]>> = {
  'family-medicine': ['Family Medicine', 'Family Practice', 'Primary Care'],
  'internal-medicine': ['Internal Medicine', 'Internists', 'Adult Medicine'],
  pediatrics: ['Pediatrics', 'Children\u2019s Clinic', 'Pediatric Associates'],
  orthopedics: ['Orthopedics', 'Bone & Joint', 'Orthopaedic Associates'],
  cardiology: ['Cardiology', 'Heart Center', 'Cardiovascular Associates'],
  dermatology: ['Dermatology', 'Skin Clinic', 'Dermatology Associates'],
}
