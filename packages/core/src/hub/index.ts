// SSO refresh and hub verification over an injected HTTP port. Filled in by the token issue.
export {};
