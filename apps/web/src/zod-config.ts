import { z } from "zod";

// Zod compiles fast parsers with `new Function` when it can. The app runs under a CSP without
// 'unsafe-eval', where even Zod's probe for that ability is reported as a violation, so browsers
// use the interpreted parsers. Imported first by main.tsx so it runs before any schema parses.
z.config({ jitless: true });
