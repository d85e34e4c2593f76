/** Test-only: faults for one request (same syntax as SIMULATOR_FAULTS), honoured with PLAYGROUND_TEST_HOOKS=1. */
export const FAULTS_HEADER = "x-fal-simulator-faults";
