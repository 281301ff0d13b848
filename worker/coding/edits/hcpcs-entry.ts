/** A HCPCS Level II code or modifier from the CMS annual file, with the dates it may be billed. */
export type HcpcsEntry = {
  kind: 'procedure' | 'modifier'
  code: string
  description: string
  /** YYYYMMDD: the day it was added to HCPCS. */
  effective: string | null
  /** YYYYMMDD: the last day it may be billed; null while active. */
  termination: string | null
}
