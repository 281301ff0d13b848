export { CLAIM_STATUSES, ClaimStatus, RESTING_STATUSES } from './claim-status'
export {
  Claim,
  ClaimEvent,
  ClaimInput,
  ClaimLine,
  ClaimLineInput,
  ClaimListQuery,
  ClaimPage,
  ClaimReason,
  ClaimWithTimeline,
  Icd10Code,
  Modifier,
  PatientAddress,
  PatientInput,
  PayerInput,
  ProcedureCode,
} from './claim'
export { DayCounters, LiveClientFrame, LiveEvent, LiveFrame, StatusChange } from './live'
export { Problem } from './problem'
export {
  ClaimNotificationMessage,
  CodeMessage,
  EmailMessage,
  IngestMessage,
  NotificationMessage,
  PayMessage,
  ScoreMessage,
  SubmitMessage,
} from './queue-messages'
export { MAX_CLAIMS_PER_UPLOAD, UPLOAD_STATUSES, Upload, UploadProgress, UploadStatus, UploadWithProgress } from './upload'
export { CLAIM_CSV_COLUMNS, PHI_CSV_COLUMNS } from './claim-csv-columns'
export type { ClaimCsvColumn } from './claim-csv-columns'
export { RISK_MODEL_STATES, RiskFeature, RiskModel, RiskModelPage, RiskModelState, RiskThreshold, RiskTrainParams, TrainRequest } from './risk'
