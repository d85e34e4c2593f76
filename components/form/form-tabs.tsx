"use client";

import { TabList } from "@/components/ui/tab-list";

export type FormTab = "form" | "json";

const TABS: { id: FormTab; label: string }[] = [
  { id: "form", label: "Form" },
  { id: "json", label: "JSON" },
];

/** Form / JSON switch. */
export function FormTabs({ tab, onChange }: { tab: FormTab; onChange: (tab: FormTab) => void }) {
  return <TabList label="Edit as" tabs={TABS} selected={tab} onChange={onChange} />;
}
