import { createRoute, z } from '@hono/zod-openapi'
import type { HonoRequest } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { createD1ClaimStore } from '../../claims'
import { CLAIM_CSV_COLUMNS, MAX_CLAIMS_PER_UPLOAD, Upload, UploadWithProgress } from '../../contracts'
import { hasPrefix, newId } from '../../ids'
import { parseClaimsCsv } from '../../ingest'
import { actorOf } from '../../identity'
import { stageQueues } from '../../platform/pipeline-deps'
import { sealedFiles } from '../../platform/sealed-files'
import { createD1UploadStore, toUploadContract } from '../../uploads'
import { apiRouter, problemDoc as problem } from '../api-app'
import { afterCommit } from '../after-commit'
import { ApiProblem } from '../problem'
import { sha256Hex } from '../sha256'

const uploadClaims = createRoute({
  method: 'post',
  path: '/uploads',
  summary: 'Upload a CSV file of claims',
  description: `One row per service line; rows sharing claim_number form one claim. Columns: ${CLAIM_CSV_COLUMNS.map((c) => c.name).join(', ')}. The whole file is checked before anything is stored: a file with any error is refused whole.`,
  request: {
    body: {
      content: {
        'text/csv': { schema: z.string() },
        'multipart/form-data': { schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }) }) },
      },
    },
  },
  responses: {
    202: { description: 'Stored and queued: claims appear as the file is fanned out', content: { 'application/json': { schema: Upload } } },
    400: problem('An empty file, or no file field'),
    409: problem('The same file (SHA-256) was uploaded before, or claim numbers are already used'),
    413: problem('The file is over the size limit'),
    415: problem('Not a CSV upload'),
    422: problem('The CSV has missing or unknown columns or rows that are not valid'),
  },
})

const getUpload = createRoute({
  method: 'get',
  path: '/uploads/{id}',
  summary: 'One upload and how far its claims have got',
  request: { params: z.object({ id: z.string() }) },
  responses: {
    200: { description: 'The upload, with its claims counted by status', content: { 'application/json': { schema: UploadWithProgress } } },
    404: problem('No such upload for this provider'),
  },
})

type Received = { bytes: Uint8Array; filename: string }

/** Reads through Hono's request so a body the form validator already read is served from its cache. */
async function readUpload(request: HonoRequest, maxBytes: number): Promise<Received> {
  const type = request.header('content-type') ?? ''
  if (/^text\/csv\b/i.test(type)) {
    const name = request.header('x-filename') ?? 'upload.csv'
    return { bytes: new Uint8Array(await request.arrayBuffer()), filename: name.slice(0, 200) }
  }
  if (/^multipart\/form-data\b/i.test(type)) {
    // A form that cannot be read never gets here: the route's form validator answers 400 first.
    const form = await request.formData()
    const file = form.get('file')
    if (!file || typeof file === 'string') throw new ApiProblem(400, 'no-file', 'No file in the upload', 'Send the CSV in a form field named "file".')
    if (file.type && !/csv|text\/plain|excel/i.test(file.type)) {
      throw new ApiProblem(415, 'not-csv', 'The file is not a CSV', `Got a file of type ${file.type.slice(0, 80)}.`)
    }
    if (file.size > maxBytes) throw new ApiProblem(413, 'payload-too-large', 'The file is too large', `The limit is ${maxBytes} bytes.`)
    return { bytes: new Uint8Array(await file.arrayBuffer()), filename: (file.name || 'upload.csv').slice(0, 200) }
  }
  throw new ApiProblem(415, 'unsupported-media-type', 'Send a CSV file', 'Use Content-Type text/csv, or multipart/form-data with a "file" field.')
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    throw new ApiProblem(422, 'not-utf8', 'The file is not UTF-8 text', 'Export the CSV as UTF-8.')
  }
}

export const uploadRoutes = apiRouter()

uploadRoutes.use('/uploads', async (c, next) => {
    // The file is held in memory while it is checked, so the limit applies before the body is read.
    const max = c.get('config').MAX_UPLOAD_BYTES
    const limit = bodyLimit({
      maxSize: max + 64 * 1024, // room for multipart framing around a file at the limit
      onError: () => {
        throw new ApiProblem(413, 'payload-too-large', 'The file is too large', `The limit is ${max} bytes.`)
      },
    })
    return limit(c, next)
  })

uploadRoutes.openapi(uploadClaims, async (c) => {
    const providerId = c.get('providerId')
    const max = c.get('config').MAX_UPLOAD_BYTES
    const { bytes, filename } = await readUpload(c.req, max)
    if (bytes.byteLength === 0) throw new ApiProblem(400, 'empty-file', 'The file is empty')
    if (bytes.byteLength > max) throw new ApiProblem(413, 'payload-too-large', 'The file is too large', `The limit is ${max} bytes.`)

    const uploads = createD1UploadStore(c.env.DB)
    const sha256 = await sha256Hex(bytes)
    const previous = await uploads.findBySha256(providerId, sha256)
    if (previous) {
      throw new ApiProblem(409, 'duplicate-upload', 'This file has been uploaded before', `It is upload ${previous.id}, received ${previous.createdAt}.`)
    }
    const parsed = parseClaimsCsv(decodeUtf8(bytes))
    if (!parsed.ok) throw new ApiProblem(422, 'invalid-csv', 'The CSV cannot be used', `${parsed.errors.length} problem(s) found; nothing was stored.`, parsed.errors)
    if (parsed.claims.length > MAX_CLAIMS_PER_UPLOAD) {
      throw new ApiProblem(422, 'too-many-claims', 'The file holds too many claims', `It has ${parsed.claims.length} claims; send at most ${MAX_CLAIMS_PER_UPLOAD} per file.`)
    }

    const numbers = parsed.claims.map((claim) => claim.claimNumber)
    const taken = await createD1ClaimStore(c.env.DB).existingClaimNumbers(providerId, numbers)
    if (taken.size > 0) {
      const errors = [...taken.keys()].slice(0, 50).map((n) => ({ where: `claim_number ${n}`, message: `already submitted as claim ${taken.get(n)}` }))
      throw new ApiProblem(409, 'duplicate-claims', 'Some claim numbers have been submitted before', `${taken.size} claim number(s) are already in use; nothing was stored.`, errors)
    }

    const id = newId('upl')
    const r2Key = `uploads/${providerId}/${id}.csv`
    const files = sealedFiles(c.env.FILES, c.var.deps.keyring)
    await files.put(r2Key, bytes, 'text/csv')
    const record = { id, providerId, filename, byteSize: bytes.byteLength, sha256, r2Key, claimCount: parsed.claims.length, createdAt: new Date().toISOString() }
    try {
      await uploads.insert(record, actorOf(c.var.principal))
    } catch (error) {
      // Nothing half-stored: the file goes if its record could not be written (e.g. a concurrent duplicate).
      await files.delete(r2Key)
      if (String(error).includes('UNIQUE')) throw new ApiProblem(409, 'duplicate-upload', 'This file has been uploaded before')
      throw error
    }
    await afterCommit('upload', { uploadId: id }, () =>
      stageQueues(c.env).sendAll([{ queue: 'claims-ingest', body: { step: 'fan-out', uploadId: id, providerId } }]),
    )
    return c.json(toUploadContract({ ...record, status: 'received' }), 202)
  })

uploadRoutes.openapi(getUpload, async (c) => {
  const { id } = c.req.valid('param')
  const providerId = c.get('providerId')
  const uploads = createD1UploadStore(c.env.DB)
  const upload = hasPrefix(id, 'upl') ? await uploads.find(providerId, id) : undefined
  if (!upload) throw new ApiProblem(404, 'upload-not-found', 'No such upload', `There is no upload ${id.slice(0, 40)} for this provider.`)
  return c.json({ ...toUploadContract(upload), progress: await uploads.progress(providerId, id) }, 200)
})
