// The seeded fake tokens now live in @hub-setup/test-utils (one token module for every workspace; the same
// values, pinned by a digest there), re-exported here so the fixtures and tests that import them stay as they are.
export {
  fakeAccessToken,
  fakeGatewayToken,
  fakeHubToken,
  fakeJwt,
  fakeOfflineToken,
  fakeOtherJwt,
  fillTokens,
} from "@hub-setup/test-utils";
