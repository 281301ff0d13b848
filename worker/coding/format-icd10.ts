/** Billers read ICD-10-CM with the dot after the category (E11.9); claims carry it without (E119). */
export function formatIcd10(code: string): string {
  const bare = code.trim().replace('.', '').toUpperCase()
  return bare.length > 3 ? `${bare.slice(0, 3)}.${bare.slice(3)}` : bare
}
