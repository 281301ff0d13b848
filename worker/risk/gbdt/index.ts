export { binOf, buildBinning, quantileEdges } from './binning'
export type { Binning, BinningOptions, FeatureBins } from './binning'
export { checkDataset, findInfiniteFeature, toFeatureMatrix } from './dataset'
export type { DatasetInput, FeatureMatrix, FeatureValue, GbdtInputError, GbdtInputReason } from './dataset'
export { auc, brierScore, calibrationTable, logLoss, MetricInputError } from './metrics'
export type { CalibrationRow } from './metrics'
export {
  compileModel,
  GBDT_FORMAT,
  GBDT_VERSION,
  gbdtModelSchema,
  GbdtShapeError,
  loadModel,
  predictProba,
  predictProbaRow,
  predictRaw,
  predictRawRow,
  sigmoid,
} from './model'
export type { GbdtModel, GbdtModelDocument, GbdtModelLoadError, GbdtTree } from './model'
export { DEFAULT_TRAIN_OPTIONS, trainGbdt } from './train'
export type { FeatureImportance, TrainGbdtInput, TrainOptions, TrainResult } from './train'
export { explainRow } from './treeshap'
export type { ShapExplanation } from './treeshap'
