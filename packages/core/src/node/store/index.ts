export { openSecretStore, type OpenStoreOptions } from "./open-store.js";
export { envFor, type SecretStore } from "./secret-store.js";
export { KEYRING_SERVICE, loadNativeKeyring, probeKeyring, type KeyringPort } from "./keyring-store.js";
export {
  openStateFile,
  type ConsumerRecord,
  type ServerState,
  type State,
  type StateFile,
} from "./state-file.js";
export { storeDir, CREDENTIALS_FILE, STATE_FILE } from "./paths.js";
export type { StoredEntry } from "./secret-store.js";
