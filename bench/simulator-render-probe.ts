/**
 * Renders 1024² previews in this process and prints the time per image as JSON. Run by
 * simulator.bench.ts with `tsx --conditions=react-server`, as the simulator's modules are server-only.
 */
import { loraInputSchema } from "@/lib/fal/input-schema";
import { renderImages } from "@/lib/simulator/render";
import { FULL_FORM_COUNTS } from "./full-form";
import { detailedPng } from "./test-image";

const SIDE = 1024;
const IMAGES = 8;

async function timePerImage(input: unknown, bytes: Buffer): Promise<number[]> {
  const parsed = loraInputSchema.parse(input);
  const load = async () => bytes;
  await renderImages(parsed, 1, load);
  const times: number[] = [];
  for (let seed = 2; seed < 2 + IMAGES; seed += 1) {
    const started = performance.now();
    await renderImages(parsed, seed, load);
    times.push(performance.now() - started);
  }
  return times;
}

async function main() {
  const bytes = await detailedPng(SIDE);
  const image = "https://bench.invalid/init.png";
  const plain = { model_name: "stabilityai/stable-diffusion-xl-base-1.0", prompt: "render probe", image_url: image };
  const full = {
    ...plain,
    loras: Array.from({ length: FULL_FORM_COUNTS.loras }, (_, index) => ({ path: `bench/lora-${index}`, scale: 0.6 })),
    controlnets: Array.from({ length: FULL_FORM_COUNTS.controlnets }, (_, index) => ({
      path: `bench/controlnet-${index}`,
      image_url: image,
    })),
    ip_adapter: Array.from({ length: FULL_FORM_COUNTS.ipAdapters }, (_, index) => ({
      path: `bench/ip-${index}`,
      ip_adapter_image_url: image,
    })),
  };
  console.log(JSON.stringify({ plain: await timePerImage(plain, bytes), full: await timePerImage(full, bytes) }));
}

void main();
