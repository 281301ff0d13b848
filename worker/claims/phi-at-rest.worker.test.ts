import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { Claim, ClaimWithTimeline, Upload } from '../contracts'
import { writeClaimsCsv } from '../ingest'
import { api, eventually, postJson, sampleClaim, testProvider } from '../test/api-client'

// Identifiers unlike anything else in the database, so a match can only be a leak.
const patients = [
  { firstName: 'Ozymandra', lastName: 'Vellacourt', dateOfBirth: '1947-02-13', sex: 'F' as const, memberId: 'QZV9917730', address: { line1: '4471 Larkspur Terrace', city: 'Wexhollow', state: 'VT', postalCode: '05461' } },
  { firstName: 'Thelonius', lastName: 'Brackenridge', dateOfBirth: '1988-10-29', sex: 'M' as const, memberId: 'MBX2208461', address: { line1: '9 Quarry Bend', city: 'Ostrander', state: 'OH', postalCode: '43061' } },
]
const notes = ['Patient reports Quincunx syndrome flare; denies chest pain.', 'Follow-up for Zephyrine tremor, history of hypertension.']
const identifiers = [...patients.flatMap((p) => [p.firstName, p.lastName, p.dateOfBirth, p.memberId, p.address.line1, p.address.city]), 'Quincunx', 'Zephyrine']

async function everyRow(): Promise<string> {
  const tables = await env.DB.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'").all<{ name: string }>()
  const dumps = await Promise.all(tables.results.map(async ({ name }) => JSON.stringify((await env.DB.prepare(`SELECT * FROM "${name}"`).all()).results)))
  return dumps.join('\n')
}

async function everyObject(): Promise<string> {
  const listed = await env.FILES.list()
  const bodies = await Promise.all(listed.objects.map(async (o) => new TextDecoder().decode(await (await env.FILES.get(o.key))!.arrayBuffer())))
  return bodies.join('\n')
}

describe('PHI at rest', () => {
  it('keeps patient identifiers and notes out of every D1 row and R2 object, yet shows them on the claim page with an audit row', async () => {
    const provider = testProvider()
    const json = await postJson('/claims', provider, sampleClaim({ patient: patients[0], note: notes[0] }))
    expect(json.status).toBe(202)
    const submitted = Claim.parse(await json.json())

    const csv = writeClaimsCsv([sampleClaim({ patient: patients[1], note: notes[1] })])
    const upload = await api('/uploads', provider, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: csv })
    expect(upload.status).toBe(202)
    const { id: uploadId } = Upload.parse(await upload.json())

    // Wait until both claims have gone through the whole pipeline, submission document included.
    await eventually(async () => {
      const row = await env.DB.prepare("SELECT COUNT(*) AS n FROM claims WHERE provider_id = ? AND status IN ('submitted', 'rejected')").bind(provider).first<{ n: number }>()
      return row?.n === 2
    }, 'both claims to settle')

    const rows = await everyRow()
    const objects = await everyObject()
    for (const identifier of identifiers) {
      expect(rows, `D1 holds ${identifier}`).not.toContain(identifier)
      expect(objects, `R2 holds ${identifier}`).not.toContain(identifier)
    }
    const sealed = await env.DB.prepare('SELECT patient_name_sealed, member_id_sealed, note_sealed, member_id_index FROM claims WHERE id = ?').bind(submitted.id).first<Record<string, string>>()
    expect(sealed?.patient_name_sealed).toMatch(/^cp1\.v1\./)
    expect(sealed?.note_sealed).toMatch(/^cp1\.v1\./)
    expect(sealed?.member_id_index).toMatch(/^[0-9a-f]{32}$/)
    expect((await env.FILES.get(`uploads/${provider}/${uploadId}.csv`))?.customMetadata?.sealed).toBe('cpb1')

    const page = ClaimWithTimeline.parse(await (await api(`/claims/${submitted.id}`, provider)).json())
    expect(page.patient).toEqual(patients[0])
    expect(page.note).toBe(notes[0])
    const audit = await env.DB.prepare("SELECT actor, detail FROM audit_log WHERE action = 'phi.read' AND subject_id = ?").bind(submitted.id).all()
    expect(audit.results).toHaveLength(1)
    expect(JSON.stringify(audit.results)).not.toContain('Ozymandra')

    // The list never carries PHI.
    const list = await (await api('/claims', provider)).text()
    for (const identifier of identifiers) expect(list).not.toContain(identifier)
  })

  it('never echoes a patient value in a validation error', async () => {
    const provider = testProvider()
    const first = patients[0]!
    const res = await postJson('/claims', provider, { ...sampleClaim(), patient: { ...first, dateOfBirth: '13/02/1947', address: { ...first.address, state: 'Vermont' } } })
    expect(res.status).toBe(400)
    const body = await res.text()
    expect(body).toContain('/patient/dateOfBirth')
    for (const value of ['13/02/1947', 'Vermont', 'Ozymandra']) expect(body).not.toContain(value)
    const stored = await env.DB.prepare('SELECT COUNT(*) AS n FROM claims WHERE provider_id = ?').bind(provider).first<{ n: number }>()
    expect(stored?.n).toBe(0)
  })
})
