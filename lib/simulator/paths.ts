/** Where the embedded simulator's routes live on this app (see app/api/simulator). */
export const SIMULATOR_BASE_PATH = "/api/simulator";
