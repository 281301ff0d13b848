export { devAccessEnabled, devOutboxEnabled, EnvConfig, readConfig } from './env-config'
