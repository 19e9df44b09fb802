// Random test tokens for the wizard's tests: the minters of @hub-setup/test-utils (the one token module every
// workspace uses) under the short names these tests were written with.
export {
  mintAccessToken as accessToken,
  mintHubToken as hubToken,
  mintOfflineToken as offlineToken,
} from "@hub-setup/test-utils";
