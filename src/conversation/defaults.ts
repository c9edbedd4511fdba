/**
 * Default customer reactions in each scenario language, used when neither the node nor the
 * scenario gives its own line. The table lives with the loader (`src/scenario/defaults.ts`),
 * which fills the scenario's default silence rule from it; re-exported here for the engine.
 */
export {
  defaultInterruptedLine,
  defaultSilencePrompt,
  defaultVentingCalmerLine,
  defaultWalksOutLine,
  engineSilenceRule,
} from '../scenario/defaults.ts';
