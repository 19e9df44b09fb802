// The lossless ansible.cfg parser and editor (see README). Filled in by the editor issue.
export {};
