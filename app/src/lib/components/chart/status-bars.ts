import type { ClaimStatus } from '$contracts'
import type { StatusTone } from '$lib/status'

export interface StatusBar {
  index: number
  status: ClaimStatus
  label: string
  count: number
  tone: StatusTone
}
