export { createD1UploadStore, toUploadContract } from './d1-upload-store'
export type { UploadRecord, UploadStore } from './d1-upload-store'
