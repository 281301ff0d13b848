import { z } from 'zod'
import { DENIAL_PATTERNS, MAX_CLAIMS_PER_DAY, MIN_CLAIMS_PER_DAY, SPECIALTIES, type DenialPattern, type Specialty } from '../engine'

export const SPEEDS = ['realtime', '10x', '100x', 'max'] as const
export type Speed = (typeof SPEEDS)[number]
export const DURATIONS = ['continuous', 'one-week', '30-days', 'two-years'] as const
export type Duration = (typeof DURATIONS)[number]
export const TARGETS = ['pipeline', 'history'] as const
export type Target = (typeof TARGETS)[number]

const PatternOverride = z.strictObject({
  frequency: z.number().min(0).max(1).optional(),
  improvementPerMonth: z.number().min(0).max(1).optional(),
})
const patternShape = Object.fromEntries(DENIAL_PATTERNS.map((p) => [p, PatternOverride.optional()])) as Record<DenialPattern, z.ZodOptional<typeof PatternOverride>>
export const PatternOverrides = z.strictObject(patternShape)
export type PatternOverrides = z.infer<typeof PatternOverrides>

const specialty = z.enum(SPECIALTIES as readonly Specialty[] as [Specialty, ...Specialty[]])

/** Runner names become Durable Object names and storage keys, so they stay short and plain. */
export const ScenarioName = z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/, { error: 'lower-case letters, digits and dashes, at most 48' })

/** The admin's request to start a runner. */
export const RunnerStart = z
  .strictObject({
    scenario: ScenarioName.default('default'),
    target: z.enum(TARGETS),
    speed: z.enum(SPEEDS).default('realtime'),
    duration: z.enum(DURATIONS).default('continuous'),
    claimsPerDay: z.int().min(MIN_CLAIMS_PER_DAY).max(MAX_CLAIMS_PER_DAY).default(100),
    seed: z.int().min(0).max(0xffff_ffff).optional(),
    specialty: specialty.optional(),
    patterns: PatternOverrides.default({}),
    providerId: z.string().min(1).max(64).optional(),
    createProvider: z.boolean().default(false),
    /** Where the simulated clock starts (live speeds); defaults to the moment of the start. */
    startDate: z.iso.date().optional(),
  })
  .superRefine((v, ctx) => {
    if ((v.providerId !== undefined) === v.createProvider) ctx.addIssue({ code: 'custom', path: ['providerId'], message: 'name an existing providerId or set createProvider, not both' })
    // Flat out is a backfill: it needs an end, and the pipeline would drown in a burst it cannot pace.
    if (v.speed === 'max' && v.target !== 'history') ctx.addIssue({ code: 'custom', path: ['speed'], message: "speed 'max' backfills history only" })
    if (v.speed === 'max' && v.duration === 'continuous') ctx.addIssue({ code: 'custom', path: ['duration'], message: "speed 'max' needs a finite duration" })
    if (v.speed === 'max' && v.startDate !== undefined) ctx.addIssue({ code: 'custom', path: ['startDate'], message: 'a backfill always ends today' })
  })
export type RunnerStart = z.infer<typeof RunnerStart>

/** What a runner keeps: the request resolved to a provider, a seed and a clock. */
export const RunnerConfig = z.strictObject({
  scenario: ScenarioName,
  target: z.enum(TARGETS),
  speed: z.enum(SPEEDS),
  duration: z.enum(DURATIONS),
  claimsPerDay: z.int().min(MIN_CLAIMS_PER_DAY).max(MAX_CLAIMS_PER_DAY),
  seed: z.int().min(0).max(0xffff_ffff),
  specialty: specialty.optional(),
  patterns: PatternOverrides,
  providerId: z.string().min(1).max(64),
  /** Simulated instant (ms since epoch) the run starts at. */
  startSimMs: z.number(),
  /** Real instant (ms since epoch) the run started at. */
  startedAtMs: z.number(),
})
export type RunnerConfig = z.infer<typeof RunnerConfig>
