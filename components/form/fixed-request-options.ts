"use client";

import { createContext } from "react";
import type { FixedRequestOptions } from "@/lib/fal/request-options";

/** The request options this server's operator fixed for every visitor, told by the page. */
export const FixedRequestOptionsContext = createContext<FixedRequestOptions>({});
