export { consume, retryDelaySeconds } from './consume'
export type { DeadLetter, Handled } from './consume'
export { hubPublisher, pipelineDeps, stageQueues } from './pipeline-deps'
