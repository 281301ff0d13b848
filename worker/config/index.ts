export { demoProviderEnabled, EnvConfig, readConfig } from './env-config'
