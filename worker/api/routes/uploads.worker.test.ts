import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { ClaimPage, MAX_CLAIMS_PER_UPLOAD, Upload, UploadWithProgress } from '../../contracts'
import { generateDemoClaimInputs } from '../../generator'
import { writeClaimsCsv } from '../../ingest'
import { expectProblem } from '../../test/problem'
import { api, eventually, testProvider } from '../../test/api-client'

const today = () => new Date().toISOString().slice(0, 10)

function csvOf(count: number, seed: number): string {
  return writeClaimsCsv(generateDemoClaimInputs({ seed, count, today: today(), flawRate: 0 }))
}

function postCsv(provider: string, body: BodyInit, contentType = 'text/csv') {
  return api('/uploads', provider, { method: 'POST', headers: { 'content-type': contentType }, body })
}

async function stored(provider: string) {
  const uploads = await env.DB.prepare('SELECT COUNT(*) AS n FROM uploads WHERE provider_id = ?').bind(provider).first<{ n: number }>()
  const claims = await env.DB.prepare('SELECT COUNT(*) AS n FROM claims WHERE provider_id = ?').bind(provider).first<{ n: number }>()
  const objects = await env.FILES.list({ prefix: `uploads/${provider}/` })
  return { uploads: uploads?.n, claims: claims?.n, objects: objects.objects.length }
}

const nothing = { uploads: 0, claims: 0, objects: 0 }


describe('POST /api/v1/uploads', () => {
  it('stores the file in R2 and fans its claims out through the pipeline', async () => {
    const provider = testProvider()
    const res = await postCsv(provider, csvOf(12, 1))
    expect(res.status).toBe(202)
    const upload = Upload.parse(await res.json())
    expect(upload.claimCount).toBe(12)
    const object = await env.FILES.get(`uploads/${provider}/${upload.id}.csv`)
    expect(object).not.toBeNull()

    const page = await eventually(async () => {
      const p = ClaimPage.parse(await (await api('/claims?limit=100', provider)).json())
      return p.items.length === 12 ? p : null
    }, 'the fan-out')
    expect(new Set(page.items.map((c) => c.uploadId))).toEqual(new Set([upload.id]))
    // The upload is marked once its last claim is queued, just after the claims become visible.
    const row = await eventually(() => env.DB.prepare("SELECT status FROM uploads WHERE id = ? AND status = 'fanned_out'").bind(upload.id).first(), 'the upload to be marked fanned out')
    expect(row).toEqual({ status: 'fanned_out' })
  })

  it('takes a file larger than one D1 statement can check at once (over 100 claim numbers)', async () => {
    const provider = testProvider()
    const res = await postCsv(provider, csvOf(250, 14))
    expect(res.status).toBe(202)
    expect(Upload.parse(await res.json()).claimCount).toBe(250)
  })

  it('accepts a multipart form with a file field', async () => {
    const provider = testProvider()
    const form = new FormData()
    form.set('file', new File([csvOf(2, 2)], 'october.csv', { type: 'text/csv' }))
    const res = await api('/uploads', provider, { method: 'POST', body: form })
    expect(res.status).toBe(202)
    expect(Upload.parse(await res.json()).filename).toBe('october.csv')
  })

  it('refuses the same file twice by its SHA-256, storing nothing the second time', async () => {
    const provider = testProvider()
    const csv = csvOf(3, 3)
    expect((await postCsv(provider, csv)).status).toBe(202)
    const problem = await expectProblem(await postCsv(provider, csv), 409)
    expect(problem.type).toContain('duplicate-upload')
    expect((await stored(provider)).uploads).toBe(1)
    expect((await stored(provider)).objects).toBe(1)
  })

  it('names missing and unknown columns', async () => {
    const provider = testProvider()
    const problem = await expectProblem(await postCsv(provider, 'claim_number,payer_id,chrge\nA,B,1\n'), 422)
    const messages = problem.errors?.map((e) => e.message).join(' | ') ?? ''
    expect(messages).toContain("unknown column 'chrge'")
    expect(messages).toMatch(/missing.*service_date/)
    expect(await stored(provider)).toEqual(nothing)
  })

  it('refuses the whole file when one row is bad, saying which row', async () => {
    const provider = testProvider()
    const lines = csvOf(4, 4).split('\r\n')
    lines[2] = lines[2]!.replace(/,[0-9]+\.[0-9]{2},/, ',twelve dollars,')
    const problem = await expectProblem(await postCsv(provider, lines.join('\r\n')), 422)
    expect(problem.errors?.some((e) => /row 3/.test(e.where))).toBe(true)
    expect(await stored(provider)).toEqual(nothing)
  })

  it('refuses an empty file', async () => {
    const provider = testProvider()
    await expectProblem(await postCsv(provider, ''), 400)
    expect(await stored(provider)).toEqual(nothing)
  })

  it('refuses a file with only a header row', async () => {
    const provider = testProvider()
    const header = csvOf(1, 5).split('\r\n')[0]!
    const problem = await expectProblem(await postCsv(provider, `${header}\r\n`), 422)
    expect(problem.errors?.[0]?.message).toMatch(/no claim rows/)
    expect(await stored(provider)).toEqual(nothing)
  })

  it('refuses a wrong content type', async () => {
    const provider = testProvider()
    await expectProblem(await postCsv(provider, '{"a":1}', 'application/json'), 415)
    const form = new FormData()
    form.set('file', new File([new Uint8Array([0x25, 0x50, 0x44, 0x46])], 'claim.pdf', { type: 'application/pdf' }))
    await expectProblem(await api('/uploads', provider, { method: 'POST', body: form }), 415)
    expect(await stored(provider)).toEqual(nothing)
  })

  it('refuses a file over the size limit', async () => {
    const provider = testProvider()
    const limit = Number(env.MAX_UPLOAD_BYTES)
    const problem = await expectProblem(await postCsv(provider, 'x'.repeat(limit + 70 * 1024)), 413)
    expect(problem.detail).toContain(String(limit))
    expect(await stored(provider)).toEqual(nothing)
  })

  it('refuses a multipart body it cannot read with 400, not 500', async () => {
    const provider = testProvider()
    const res = await postCsv(provider, 'not really multipart', 'multipart/form-data; boundary=----nothing')
    const problem = await expectProblem(res, 400)
    expect(problem.title).toMatch(/form/i)
    expect(await stored(provider)).toEqual(nothing)
  })

  it('refuses a file with more claims than one upload may hold', async () => {
    const provider = testProvider()
    const problem = await expectProblem(await postCsv(provider, csvOf(MAX_CLAIMS_PER_UPLOAD + 1, 13)), 422)
    expect(problem.detail).toContain(String(MAX_CLAIMS_PER_UPLOAD))
    expect(await stored(provider)).toEqual(nothing)
  })

  it('refuses claim numbers the provider has already used', async () => {
    const provider = testProvider()
    const claims = generateDemoClaimInputs({ seed: 6, count: 3, today: today(), flawRate: 0 })
    expect((await postCsv(provider, writeClaimsCsv(claims))).status).toBe(202)
    await eventually(async () => (await stored(provider)).claims === 3, 'the first upload to fan out')
    const again = writeClaimsCsv(claims.slice(0, 1).concat(generateDemoClaimInputs({ seed: 7, count: 1, today: today(), flawRate: 0 })))
    const problem = await expectProblem(await postCsv(provider, again), 409)
    expect(problem.errors?.[0]?.where).toContain(claims[0]!.claimNumber)
    expect((await stored(provider)).uploads).toBe(1)
  })
})

describe('GET /api/v1/uploads/:id', () => {
  it("reports how far the upload's claims have got, until every one is settled", async () => {
    const provider = testProvider()
    const upload = Upload.parse(await (await postCsv(provider, csvOf(6, 11))).json())
    const done = await eventually(async () => {
      const res = await api(`/uploads/${upload.id}`, provider)
      expect(res.status).toBe(200)
      const body = UploadWithProgress.parse(await res.json())
      return body.progress.settled === 6 ? body : null
    }, 'the upload to settle')
    expect(done.status).toBe('fanned_out')
    expect(done.progress.created).toBe(6)
    expect(done.progress.byStatus.submitted).toBe(6)
  })

  it("does not show one provider another's upload", async () => {
    const owner = testProvider()
    const upload = Upload.parse(await (await postCsv(owner, csvOf(1, 12))).json())
    await expectProblem(await api(`/uploads/${upload.id}`, testProvider()), 404)
    await expectProblem(await api('/uploads/not-an-id', owner), 404)
  })
})
