// National Provider Identifier check digit (CMS, "NPI Check Digit"): the Luhn formula over the nine
// identifier digits prefixed with 80840, the card-issuer prefix for US health applications.

function luhnSum(digits: string, doubleFromRight: boolean): number {
  let sum = 0
  for (let i = digits.length - 1, double = doubleFromRight; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 48
    if (double) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return sum
}

/** The tenth digit for nine NPI digits, or undefined when `first9` is not nine digits. */
export function npiCheckDigit(first9: string): number | undefined {
  if (!/^\d{9}$/.test(first9)) return undefined
  // The check digit will sit rightmost, so the payload's rightmost digit is doubled.
  return (10 - (luhnSum(`80840${first9}`, true) % 10)) % 10
}

/** Ten digits whose last is the check digit of the first nine. */
export function isValidNpi(npi: string): boolean {
  return /^\d{10}$/.test(npi) && npiCheckDigit(npi.slice(0, 9)) === Number(npi[9])
}

/** A full NPI from nine digits. */
export function npiFrom(first9: string): string | undefined {
  const check = npiCheckDigit(first9)
  return check === undefined ? undefined : `${first9}${check}`
}
