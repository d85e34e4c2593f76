import { z } from "zod";

// zod probes `new Function` when it builds an object schema, to pick a faster parser; under the
// page's CSP that probe is a reported violation. Imported first by every module that builds schemas.
z.config({ jitless: true });
