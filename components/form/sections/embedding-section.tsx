"use client";

import { useFieldArray } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { fieldLabels, itemFieldLabel } from "@/lib/fal/field-labels";
import { MAX_EMBEDDINGS } from "@/lib/fal/limits";
import { newEmbedding } from "@/lib/form/form-items";
import type { FormValues } from "@/lib/form/form-values";
import { TextField } from "../fields";
import { FormSection } from "../form-section";
import { ListItem, ListItemControls } from "../list-item-controls";

export function EmbeddingSection() {
  const { fields, append, remove } = useFieldArray<FormValues, "embeddings">({ name: "embeddings" });
  return (
    <FormSection title="Embedding" fields={["embeddings"]} summary={fields.length > 0 ? "1 embedding" : "none"}>
      <p className="text-xs text-zinc-500">
        This endpoint loads at most {MAX_EMBEDDINGS} textual-inversion embedding per run.
      </p>
      {fields.map((field, index) => (
        <ListItem
          key={field.id}
          title={fieldLabels.embeddings}
          controls={
            <ListItemControls
              itemName={fieldLabels.embeddings.toLowerCase()}
              index={index}
              count={fields.length}
              onRemove={remove}
            />
          }
        >
          <TextField
            name={`embeddings.${index}.path`}
            label={itemFieldLabel("embeddings", "path")}
            placeholder="URL or Hugging Face id of the embedding"
          />
          <TextField
            name={`embeddings.${index}.tokens`}
            label={itemFieldLabel("embeddings", "tokens")}
            hint="The tokens it binds, separated by commas; use them in the prompt."
          />
        </ListItem>
      ))}
      {fields.length < MAX_EMBEDDINGS && (
        <Button size="sm" className="self-start" onClick={() => append(newEmbedding(), { shouldFocus: false })}>
          Add embedding
        </Button>
      )}
    </FormSection>
  );
}
