import { and, desc, eq, isNotNull, lt, sql } from 'drizzle-orm'
import { openDb, riskSchema } from '../../db'
import { newId } from '../../ids'

const { riskModels, riskSettings } = riskSchema

export type RiskModelRow = typeof riskModels.$inferSelect
export type TrainingTrigger = RiskModelRow['trigger']

export type StartTraining = { ok: true; model: RiskModelRow } | { ok: false; reason: 'training-in-progress'; model: RiskModelRow | null }

const THRESHOLD_KEY = 'score-threshold'

const isUniqueViolation = (error: unknown) => error instanceof Error && /UNIQUE constraint failed/i.test(`${error.message} ${String((error as { cause?: unknown }).cause ?? '')}`)

/**
 * The model registry in D1. The database keeps the invariants (one active model, one training run, a
 * version per row), so two admins clicking at once cannot leave two models active.
 */
export function createD1ModelRegistry(d1: D1Database) {
  const db = openDb(d1)
  const byId = (id: string) => db.select().from(riskModels).where(eq(riskModels.id, id)).get()

  return {
    async startTraining(input: { trigger: TrainingTrigger; requestedBy: string; featureVersion: number; params: Record<string, unknown> }): Promise<StartTraining> {
      const id = newId('rsk')
      try {
        await db.insert(riskModels).values({
          id,
          version: sql`(select coalesce(max(${riskModels.version}), 0) + 1 from ${riskModels})`,
          state: 'training',
          trigger: input.trigger,
          requestedBy: input.requestedBy,
          featureVersion: input.featureVersion,
          params: input.params,
        })
      } catch (error) {
        if (!isUniqueViolation(error)) throw error
        return { ok: false, reason: 'training-in-progress', model: (await db.select().from(riskModels).where(eq(riskModels.state, 'training')).get()) ?? null }
      }
      return { ok: true, model: (await byId(id))! }
    },

    get: byId,

    active: () => db.select().from(riskModels).where(eq(riskModels.state, 'active')).get(),

    async list(options: { limit: number; beforeVersion?: number }): Promise<RiskModelRow[]> {
      const where = options.beforeVersion === undefined ? undefined : lt(riskModels.version, options.beforeVersion)
      return db.select().from(riskModels).where(where).orderBy(desc(riskModels.version)).limit(options.limit)
    },

    /** Training ended without a model; whatever was active stays active. */
    async fail(id: string, error: string, at: string): Promise<void> {
      await db.update(riskModels).set({ state: 'failed', error, trainedAt: at }).where(and(eq(riskModels.id, id), eq(riskModels.state, 'training')))
    },

    /** A run that never reported back (its trainer was lost) stops blocking the next one. */
    async failStale(startedBefore: string, at: string): Promise<number> {
      const stale = await db
        .update(riskModels)
        .set({ state: 'failed', error: 'training did not finish; train again', trainedAt: at })
        .where(and(eq(riskModels.state, 'training'), lt(riskModels.createdAt, startedBefore)))
        .returning({ id: riskModels.id })
      return stale.length
    },

    async candidate(id: string, report: Record<string, unknown>, artifactKey: string, at: string): Promise<void> {
      await db.update(riskModels).set({ state: 'candidate', report, artifactKey, trainedAt: at }).where(and(eq(riskModels.id, id), eq(riskModels.state, 'training')))
    },

    /** The active model retires and this one takes its place, in one transaction. */
    async activate(id: string, at: string): Promise<void> {
      await db.batch([
        db.update(riskModels).set({ state: 'retired', retiredAt: at }).where(eq(riskModels.state, 'active')),
        db.update(riskModels).set({ state: 'active', activatedAt: at, retiredAt: null }).where(eq(riskModels.id, id)),
      ])
    },

    /**
     * The target of a rollback: the newest earlier version that was once active. By version, so that
     * rolling back twice walks further back instead of returning to the model just rolled back.
     */
    previous: async (current: RiskModelRow) =>
      db
        .select()
        .from(riskModels)
        .where(and(eq(riskModels.state, 'retired'), isNotNull(riskModels.activatedAt), lt(riskModels.version, current.version)))
        .orderBy(desc(riskModels.version))
        .get(),

    async threshold(fallback: number): Promise<number> {
      const row = await db.select().from(riskSettings).where(eq(riskSettings.key, THRESHOLD_KEY)).get()
      return typeof row?.value === 'number' ? row.value : fallback
    },

    async setThreshold(value: number, by: string, at: string): Promise<void> {
      await db
        .insert(riskSettings)
        .values({ key: THRESHOLD_KEY, value, updatedBy: by, updatedAt: at })
        .onConflictDoUpdate({ target: riskSettings.key, set: { value, updatedBy: by, updatedAt: at } })
    },
  }
}

export type D1ModelRegistry = ReturnType<typeof createD1ModelRegistry>
