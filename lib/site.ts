/** The playground's name, as pages, the app manifest and link previews show it. */
export const SITE_NAME = "fal LoRA playground";
