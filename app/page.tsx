import { PlaygroundPage } from "@/components/playground/playground-page";

export const dynamic = "force-dynamic";

export default function Home() {
  return <PlaygroundPage />;
}
