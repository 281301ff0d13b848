export { simulatorGateway } from './simulator-gateway'
export type { PayerGateway } from './simulator-gateway'
