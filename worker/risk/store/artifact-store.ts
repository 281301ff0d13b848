import { loadRiskArtifact, type LoadedRiskModel, type RiskArtifact, type RiskArtifactError } from '../model'

/** Where model artifacts live in R2: one immutable object per registry version. */
export const artifactKeyOf = (version: number, id: string) => `risk-models/v${version}-${id}.json`

export async function putArtifact(bucket: R2Bucket, key: string, artifact: RiskArtifact): Promise<void> {
  await bucket.put(key, JSON.stringify(artifact), { httpMetadata: { contentType: 'application/json' } })
}

export async function getArtifact(bucket: R2Bucket, key: string): Promise<{ ok: true; model: LoadedRiskModel } | RiskArtifactError | { ok: false; reason: 'missing'; message: string }> {
  const object = await bucket.get(key)
  if (!object) return { ok: false, reason: 'missing', message: `the artifact ${key} is not in storage` }
  return loadRiskArtifact(await object.text())
}
