import { openRunHistory } from "@/lib/history/run-history";
import { builtInPresets } from "@/lib/presets/built-in";
import { loadSavedPresets } from "@/lib/presets/user-presets";
import { loraFinder, type LoraPaths } from "@/lib/generation-data/lora-lookup";
import { browserStorage, rememberedLoras } from "@/lib/generation-data/lora-memory";
import type { FindLora } from "@/lib/generation-data/reading";

const loraPaths = (request: { loras?: { path: string }[] }) => (request.loras ?? []).map((lora) => lora.path);

/**
 * Where LoRAs were used before in this browser: locations the user gave for a name, the runs in
 * history (newest first), saved presets, then the built-in ones. History that cannot be opened
 * (a private window, blocked storage) only means fewer LoRAs are found.
 */
export async function loadLoraFinder(): Promise<FindLora> {
  const storage = browserStorage();
  const runs = await openRunHistory()
    .list()
    .catch(() => []);
  const sources: LoraPaths[] = [
    { from: "an earlier run", paths: runs.flatMap((run) => loraPaths(run.input)) },
    ...(storage ? loadSavedPresets(storage).presets : []).map((preset) => ({
      from: `your preset "${preset.name}"`,
      paths: loraPaths(preset.request),
    })),
    ...builtInPresets(window.location.origin).map((preset) => ({
      from: `the built-in preset "${preset.name}"`,
      paths: loraPaths(preset.request),
    })),
  ];
  return loraFinder(storage ? rememberedLoras(storage) : new Map(), sources);
}
