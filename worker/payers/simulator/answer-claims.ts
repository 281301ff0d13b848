import type { PayerProfile } from '../../generator/engine/payers'
import { controlNumberFor } from '../submission/control-number'
import type { X12Claim837 } from '../x12/model'
import { write835 } from '../x12/write-835'
import type { X12WriteError } from '../x12/x12-writer'
import { decideDenial } from './decide-denial'
import { claimPaymentFor, remittanceOf } from './remittance-for'

export type Remittance835File = { traceNumber: string; payeeNpi: string; claimIds: string[]; text: string }

/**
 * The payer's 835s for the claims due now, one per payee (billing provider NPI). The trace number is
 * derived from the claims it pays, so an alarm that runs again after a crash writes the same file
 * under the same key, and the Worker posts it once.
 */
export function answerClaims(claims: X12Claim837[], payer: PayerProfile, at: string): { files: Remittance835File[]; errors: X12WriteError[] } {
  const byPayee = new Map<string, X12Claim837[]>()
  for (const c of claims) byPayee.set(c.billingProvider.id ?? '', [...(byPayee.get(c.billingProvider.id ?? '') ?? []), c])
  const files: Remittance835File[] = []
  const errors: X12WriteError[] = []
  const day = at.slice(0, 10)
  for (const [payeeNpi, list] of byPayee) {
    const claimIds = list.map((c) => c.claimId).sort()
    const trace = controlNumberFor(`835:${payer.payer.id}:${claimIds.join(',')}`)
    const payments = list.map((c) => claimPaymentFor(c, payer, decideDenial(c, payer, day), controlNumberFor(`pcc:${c.claimId}`)))
    const first = list[0]!
    const remittance = remittanceOf(
      {
        envelope: { senderId: payer.payer.id, receiverId: first.envelope.senderId, interchangeControlNumber: trace, groupControlNumber: trace, transactionControlNumber: trace, implementationGuide: '005010X221A1', createdAt: at, usage: 'T' },
        payer: { entityType: '2', lastOrOrganizationName: first.payer.lastOrOrganizationName, idQualifier: 'PI', id: payer.payer.id },
        payee: { entityType: '2', lastOrOrganizationName: first.billingProvider.lastOrOrganizationName, idQualifier: 'XX', id: payeeNpi },
        paymentDate: day,
        traceNumber: trace,
      },
      payments,
    )
    const written = write835(remittance)
    if (written.ok) files.push({ traceNumber: trace, payeeNpi, claimIds, text: written.text })
    else errors.push(written)
  }
  return { files, errors }
}
