import { ENDPOINT_ID, requestUrl, SUBMIT_URL } from "@/lib/fal/endpoint";
import { stringifyExactJson } from "@/lib/fal/exact-json";
import type { LoraRequest } from "@/lib/fal/input-schema";
import { shellQuote, toJavaScriptLiteral, toPythonLiteral } from "./literals";

export const CODE_LANGUAGES = ["javascript", "python", "curl"] as const;
export type CodeLanguage = (typeof CODE_LANGUAGES)[number];

export const codeLanguageLabels: Record<CodeLanguage, string> = {
  javascript: "JavaScript",
  python: "Python",
  curl: "cURL",
};

/** The argument of `fal.config(...)`; tests point it at a proxy instead of a key. */
export const DEFAULT_JS_CONFIG = "{ credentials: process.env.FAL_KEY }";

export function toJavaScript(body: LoraRequest, { config = DEFAULT_JS_CONFIG }: { config?: string } = {}): string {
  return `import { fal } from "@fal-ai/client";

fal.config(${config});

const result = await fal.subscribe(${JSON.stringify(ENDPOINT_ID)}, {
  input: ${toJavaScriptLiteral(body, 1)},
  logs: true,
  onQueueUpdate: (update) => {
    if (update.status === "IN_PROGRESS") update.logs.forEach((log) => console.error(log.message));
  },
});

console.log(JSON.stringify(result.data, null, 2));
`;
}

export function toPython(body: LoraRequest): string {
  return `import fal_client  # reads FAL_KEY from the environment


def on_queue_update(update):
    if isinstance(update, fal_client.InProgress):
        for log in update.logs:
            print(log["message"])


result = fal_client.subscribe(
    ${JSON.stringify(ENDPOINT_ID)},
    arguments=${toPythonLiteral(body, 1)},
    with_logs=True,
    on_queue_update=on_queue_update,
)
print(result)
`;
}

export function toCurl(body: LoraRequest): string {
  const requests = requestUrl("$REQUEST_ID");
  return `# Submit to the queue; the answer carries a request_id.
curl --request POST \\
  --url ${SUBMIT_URL} \\
  --header "Authorization: Key $FAL_KEY" \\
  --header "Content-Type: application/json" \\
  --data ${shellQuote(stringifyExactJson(body, 2))}

# Poll until "status" is "COMPLETED", then fetch the result.
curl --url "${requests}/status?logs=1" --header "Authorization: Key $FAL_KEY"
curl --url "${requests}" --header "Authorization: Key $FAL_KEY"
`;
}

export function toCode(language: CodeLanguage, body: LoraRequest): string {
  if (language === "python") return toPython(body);
  if (language === "curl") return toCurl(body);
  return toJavaScript(body);
}
