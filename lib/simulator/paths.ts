/** Where the embedded simulator's routes live on this app (see app/api/simulator). */
export const SIMULATOR_BASE_PATH = "/api/simulator";

const FILE_PATH = new RegExp(`^${SIMULATOR_BASE_PATH}/files/([A-Za-z0-9_-]+)(?:/|$)`);

/** The id of a file the simulator stores, from the path of its URL; undefined for any other path. */
export function simulatorFileId(pathname: string): string | undefined {
  return FILE_PATH.exec(pathname)?.[1];
}
