// A bench-only Worker: scores claims in workerd with the product's own code, each claim timed alone.
// Fed a model artifact and the engine parameters of a history by bench/support/risk-workerd.ts.
import { replayHistory } from '../../worker/risk/features'
import { prepareTreeShap } from '../../worker/risk/gbdt'
import { engineHistory } from '../../worker/risk/model/engine-history'
import { loadRiskArtifact, scoreWithModel } from '../../worker/risk/model'

type Job = { artifact: unknown; history: { seed: number; claimsPerDay: number; from: string; to: string }; calls: number; repeats: number }

export default {
  async fetch(request: Request): Promise<Response> {
    const job = (await request.json()) as Job
    const loaded = loadRiskArtifact(job.artifact)
    if (!loaded.ok) return Response.json({ error: loaded.message }, { status: 400 })
    prepareTreeShap(loaded.model.gbdt)
    const { rows } = replayHistory(engineHistory(job.history))
    const recent = rows.slice(-job.calls)
    let sink = 0
    for (const row of recent) sink += scoreWithModel(loaded.model, row).score
    // workerd's clock moves in whole milliseconds: each claim is scored `repeats` times in a row and
    // timed as one, which gives its own time to a fiftieth of that step.
    const times: number[] = []
    const started = performance.now()
    for (const row of recent) {
      const t0 = performance.now()
      for (let r = 0; r < job.repeats; r++) sink += scoreWithModel(loaded.model, row).reasons.length
      times.push((performance.now() - t0) / job.repeats)
    }
    const totalMs = performance.now() - started
    return Response.json({ calls: recent.length * job.repeats, totalMs, times, sink })
  },
}
